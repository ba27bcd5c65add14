/**
 * The envelope every integration event travels in, with CloudEvents 1.0 attribute names.
 * `subject` is the aggregate id and doubles as the Kafka message key, so that all events of one
 * aggregate land on one partition in order.
 */
export interface EventEnvelope<TType extends string = string, TData = unknown> {
  /** UUIDv7, unique per event; consumers deduplicate on it. */
  id: string;
  /** e.g. `sales.order.placed` */
  type: TType;
  /** The producing service, e.g. `/mercado/sales`. */
  source: string;
  /** The aggregate id (the Kafka key). */
  subject: string;
  /** When the fact happened, ISO-8601 with offset. */
  time: string;
  specversion: '1.0';
  datacontenttype: 'application/json';
  /** Identifies the schema version of `data`, e.g. `urn:mercado:sales.order.placed:1`. */
  dataschema: string;
  /** Schema version of `data` (also encoded in dataschema), a positive integer. */
  dataversion: number;
  correlationid?: string;
  causationid?: string;
  /** W3C trace context of the operation that produced the event. */
  traceparent?: string;
  data: TData;
}

export function dataSchemaUrn(type: string, version: number): string {
  return `urn:mercado:${type}:${version}`;
}
