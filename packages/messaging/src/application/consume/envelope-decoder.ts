import { validateEnvelope, type EventEnvelope } from '@mercado/contracts';
import { type DeadLetterReason } from '../../domain/dead-letter';
import { type InboundMessage } from '../../domain/message';

export type DecodeRejection = Exclude<DeadLetterReason, 'handler-rejected'>;

export type DecodeResult =
  | { readonly ok: true; readonly envelope: EventEnvelope }
  | { readonly ok: false; readonly reason: DecodeRejection; readonly message: string };

/** Turns a Kafka message into an event envelope, or says why it cannot. Must not throw. */
export type EnvelopeDecoder = (message: InboundMessage) => DecodeResult;

/**
 * The default decoder: the value must be JSON, a valid envelope, of a (type, dataversion) in the
 * event catalog, with data matching that version's schema.
 */
export const decodeCatalogEnvelope: EnvelopeDecoder = (message) => {
  if (message.value === null || message.value.length === 0) {
    return { ok: false, reason: 'unparseable', message: 'the message has no value' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(message.value.toString('utf8'));
  } catch (error) {
    return { ok: false, reason: 'unparseable', message: `not JSON: ${(error as Error).message}` };
  }
  const validation = validateEnvelope(parsed);
  if (!validation.ok) return { ok: false, reason: validation.reason, message: validation.message };
  return { ok: true, envelope: validation.envelope };
};
