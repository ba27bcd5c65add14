import { type InboundMessage, type MessageHeaders, type OutboundMessage } from './message';

/** Why a message went to the dead-letter topic (the `dlq-reason` header). */
export type DeadLetterReason =
  /** The value is not JSON (or is empty). */
  | 'unparseable'
  /** JSON, but not a valid envelope. */
  | 'invalid-envelope'
  /** A valid envelope whose (type, dataversion) is not in the catalog. */
  | 'unknown-type'
  /** The data does not match its schema. */
  | 'schema-violation'
  /** The handler threw a PermanentError, or PostgreSQL rejected the event's data. */
  | 'handler-rejected';

export const DEAD_LETTER_HEADERS = Object.freeze({
  reason: 'dlq-reason',
  error: 'dlq-error',
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  consumer: 'dlq-consumer',
  time: 'dlq-time',
});

/** Error texts longer than this are cut: a header is no place for a megabyte of stack trace. */
export const MAX_DEAD_LETTER_ERROR_LENGTH = 4_000;

export interface DeadLetter {
  readonly message: InboundMessage;
  readonly reason: DeadLetterReason;
  /** What was wrong, in words. */
  readonly error: string;
}

/**
 * The headers of a dead-lettered message: every original header (trace context included) plus
 * headers naming the error and where the message came from. Earlier dlq-* headers (a replayed message
 * failing again) are replaced, not repeated.
 */
export function deadLetterHeaders(letter: DeadLetter, consumer: string, at: Date): MessageHeaders {
  const headers: MessageHeaders = {};
  for (const [name, value] of Object.entries(letter.message.headers)) {
    if (value !== undefined && !name.startsWith('dlq-')) headers[name] = value;
  }
  const error =
    letter.error.length > MAX_DEAD_LETTER_ERROR_LENGTH
      ? `${letter.error.slice(0, MAX_DEAD_LETTER_ERROR_LENGTH - 1)}…`
      : letter.error;
  headers[DEAD_LETTER_HEADERS.reason] = letter.reason;
  headers[DEAD_LETTER_HEADERS.error] = error;
  headers[DEAD_LETTER_HEADERS.originalTopic] = letter.message.topic;
  headers[DEAD_LETTER_HEADERS.originalPartition] = String(letter.message.partition);
  headers[DEAD_LETTER_HEADERS.originalOffset] = letter.message.offset;
  headers[DEAD_LETTER_HEADERS.consumer] = consumer;
  headers[DEAD_LETTER_HEADERS.time] = at.toISOString();
  return headers;
}

/**
 * The message sent to the dead-letter topic: the original key and value bytes untouched (so it can be
 * replayed as it was), with headers naming the error.
 */
export function deadLetterMessage(
  letter: DeadLetter,
  consumer: string,
  at: Date,
  topicOf: (topic: string) => string,
): OutboundMessage {
  return {
    topic: topicOf(letter.message.topic),
    key: letter.message.key,
    value: letter.message.value,
    headers: deadLetterHeaders(letter, consumer, at),
  };
}
