/** Kafka message headers as the client hands them over: bytes, text, or repeated values. */
export type HeaderValue = Buffer | string | (Buffer | string)[] | undefined;
export type MessageHeaders = Record<string, HeaderValue>;

/** One message read from a topic partition, before it is decoded. */
export interface InboundMessage {
  readonly topic: string;
  readonly partition: number;
  /** The offset as Kafka gives it (a decimal string; offsets can exceed 2^53). */
  readonly offset: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: MessageHeaders;
}

/** One message to send: the key keeps all events of an aggregate on one partition, in order. */
export interface OutboundMessage {
  readonly topic: string;
  readonly key: Buffer | string | null;
  readonly value: Buffer | string | null;
  readonly headers: MessageHeaders;
}

/** A header's first value as text, or undefined. */
export function headerText(headers: MessageHeaders, name: string): string | undefined {
  const raw = headers[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : value.toString('utf8');
}
