import { type EventEnvelope } from '@mercado/contracts';

/** One row of messaging_outbox as the writer inserts it. */
export interface OutboxRecord {
  readonly eventId: string;
  readonly topic: string;
  /** The envelope subject (aggregate id): the Kafka key. */
  readonly key: string;
  readonly envelope: EventEnvelope;
  /** Kafka headers, all text. */
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * The Kafka headers an event travels with: the CloudEvents id, type and source (so that routers and
 * tools can tell events apart without parsing the value), the correlation and causation ids, and the
 * trace context. Kept to these few on purpose: every header costs the producer and the consumers two
 * small buffers per message, and the envelope in the value carries everything else.
 */
export function outboxHeaders(envelope: EventEnvelope, trace: Readonly<Record<string, string>>): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/cloudevents+json; charset=utf-8',
    ce_id: envelope.id,
    ce_type: envelope.type,
    ce_source: envelope.source,
  };
  if (envelope.correlationid !== undefined) headers['correlation-id'] = envelope.correlationid;
  if (envelope.causationid !== undefined) headers['causation-id'] = envelope.causationid;
  // The live trace context wins; the envelope's own traceparent is the fallback (an event re-emitted
  // outside any span keeps the trace it was born in).
  const traceparent = trace.traceparent ?? envelope.traceparent;
  if (traceparent !== undefined) headers.traceparent = traceparent;
  if (trace.tracestate !== undefined) headers.tracestate = trace.tracestate;
  return headers;
}

/**
 * The outbox row of an event. The envelope records the traceparent of the operation that produced it
 * (when it does not carry one already), so the trace survives even where headers are lost.
 */
export function toOutboxRecord(envelope: EventEnvelope, topic: string, trace: Readonly<Record<string, string>>): OutboxRecord {
  const traced =
    envelope.traceparent === undefined && trace.traceparent !== undefined ? { ...envelope, traceparent: trace.traceparent } : envelope;
  return { eventId: traced.id, topic, key: traced.subject, envelope: traced, headers: outboxHeaders(traced, trace) };
}

/**
 * The records as one JSON array, the single parameter of the writer's INSERT: PostgreSQL parses it
 * with its C JSON parser, which is much cheaper than building and parsing five array literals of
 * escaped JSON text.
 */
export function toOutboxBatchJson(records: readonly OutboxRecord[]): string {
  return JSON.stringify(
    records.map((record) => ({
      event_id: record.eventId,
      topic: record.topic,
      key: record.key,
      envelope: record.envelope,
      headers: record.headers,
    })),
  );
}

/** The record as a COPY row of messaging_outbox (event_id, topic, key, envelope, headers): JSON as text. */
export function toOutboxCopyRow(record: OutboxRecord): [string, string, string, string, string] {
  return [record.eventId, record.topic, record.key, JSON.stringify(record.envelope), JSON.stringify(record.headers)];
}
