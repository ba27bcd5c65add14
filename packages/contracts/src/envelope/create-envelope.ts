import { type EventDefinition } from '../catalog/event-definition';
import { ContractViolationError, violationDetails } from './contract-violation.error';
import { dataSchemaUrn, type EventEnvelope } from './event-envelope';
import { strictSchema } from './compiled-schemas';
import { envelopeSchema } from './envelope.schema';
import { uuidv7 } from './uuid-v7';

export interface EnvelopeMeta {
  /** The producing service as a URI reference, e.g. `/mercado/sales`. */
  source: string;
  /** When the fact happened. A Date is written in UTC (`…Z`); a string must carry its offset. */
  time: Date | string;
  /** Defaults to definition.key(data); it is the Kafka key. */
  subject?: string;
  /** Defaults to a fresh UUIDv7. */
  id?: string;
  correlationid?: string;
  causationid?: string;
  traceparent?: string;
}

/**
 * Wraps data in an envelope after checking it against the definition's schema. Producers are held to
 * the exact schema (unknown keys are rejected here, unlike in validateEnvelope), so a typo never
 * reaches the topic. Throws ContractViolationError naming every bad field.
 */
export function createEnvelope<TData, TType extends string>(
  definition: EventDefinition<TData, TType>,
  data: TData,
  meta: EnvelopeMeta,
): EventEnvelope<TType, TData> {
  const checked = strictSchema(definition.schema).validate(data);
  if (checked.error) {
    throw new ContractViolationError(
      definition.type,
      definition.version,
      violationDetails(checked.error).map((d) => ({ ...d, path: d.path ? `data.${d.path}` : 'data' })),
      checked.error.details,
    );
  }
  const value = checked.value as TData;

  const envelope: EventEnvelope<TType, TData> = {
    id: meta.id ?? uuidv7(),
    type: definition.type,
    source: meta.source,
    subject: meta.subject ?? definition.key(value),
    time: toTimestamp(meta.time),
    specversion: '1.0',
    datacontenttype: 'application/json',
    dataschema: dataSchemaUrn(definition.type, definition.version),
    dataversion: definition.version,
    ...(meta.correlationid !== undefined && { correlationid: meta.correlationid }),
    ...(meta.causationid !== undefined && { causationid: meta.causationid }),
    ...(meta.traceparent !== undefined && { traceparent: meta.traceparent }),
    data: value,
  };

  const attributes = strictSchema(envelopeSchema).validate(envelope);
  if (attributes.error) {
    throw new ContractViolationError(
      definition.type,
      definition.version,
      violationDetails(attributes.error),
      attributes.error.details,
    );
  }
  return envelope;
}

function toTimestamp(time: Date | string): string {
  if (typeof time === 'string') return time;
  // An invalid Date has no ISO form; let the envelope schema name the field.
  return Number.isNaN(time.getTime()) ? 'Invalid Date' : time.toISOString();
}
