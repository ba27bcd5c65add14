import { catalog } from '../catalog/catalog';
import { type AnyEventDefinition, type EventDefinition } from '../catalog/event-definition';
import { violationDetails, type ContractViolationDetail } from './contract-violation.error';
import { type EventEnvelope } from './event-envelope';
import { strictSchema, tolerantSchema } from './compiled-schemas';
import { envelopeSchema } from './envelope.schema';

export type EnvelopeRejection = 'invalid-envelope' | 'unknown-type' | 'schema-violation';

export type EnvelopeValidation =
  | { ok: true; envelope: EventEnvelope; definition: EventDefinition }
  | { ok: false; reason: EnvelopeRejection; message: string; details: ContractViolationDetail[] };

/**
 * Checks an inbound message: the envelope attributes, that (type, dataversion) is in the catalog, and
 * the data against that version's schema. Accepts a parsed object, or the raw JSON text / bytes of a
 * Kafka message value.
 *
 * Unknown keys inside data are ACCEPTED (tolerant reader): a newer producer may add an optional field
 * to the same version, and older consumers must keep working. Everything else is strict.
 */
export function validateEnvelope(raw: unknown): EnvelopeValidation {
  let candidate = raw;
  if (typeof raw === 'string' || raw instanceof Uint8Array) {
    const text = typeof raw === 'string' ? raw : Buffer.from(raw).toString('utf8');
    try {
      candidate = JSON.parse(text);
    } catch (error) {
      return reject('invalid-envelope', `not JSON: ${(error as Error).message}`, []);
    }
  }
  if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) {
    return reject('invalid-envelope', 'the envelope must be a JSON object', []);
  }

  const attributes = strictSchema(envelopeSchema).validate(candidate);
  if (attributes.error) {
    const details = violationDetails(attributes.error);
    return reject('invalid-envelope', describe('envelope', details), details);
  }
  const envelope = attributes.value as EventEnvelope;

  const definition: AnyEventDefinition | undefined = catalog.find(envelope.type, envelope.dataversion);
  if (!definition) {
    const known = catalog.versionsOf(envelope.type).map((d) => d.version);
    const message = known.length
      ? `${envelope.type} has no version ${envelope.dataversion} (known: ${known.join(', ')})`
      : `${envelope.type} is not in the catalog`;
    return reject('unknown-type', message, [{ path: known.length ? 'dataversion' : 'type', message }]);
  }

  const data = tolerantSchema(definition.schema).validate(envelope.data);
  if (data.error) {
    const details = violationDetails(data.error).map((d) => ({
      ...d,
      path: d.path ? `data.${d.path}` : 'data',
    }));
    return reject(
      'schema-violation',
      describe(`${envelope.type} v${envelope.dataversion}`, details),
      details,
    );
  }
  return { ok: true, envelope: { ...envelope, data: data.value }, definition };
}

/** Narrows a validated envelope to one definition's data type. */
export function isEvent<TData, TType extends string>(
  envelope: EventEnvelope,
  definition: EventDefinition<TData, TType>,
): envelope is EventEnvelope<TType, TData> {
  return envelope.type === definition.type && envelope.dataversion === definition.version;
}

function describe(subject: string, details: ContractViolationDetail[]): string {
  return `${subject}: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`;
}

function reject(
  reason: EnvelopeRejection,
  message: string,
  details: ContractViolationDetail[],
): EnvelopeValidation {
  return { ok: false, reason, message, details };
}
