/**
 * Thrown by an event handler when an event can never be applied, however often it is retried (it
 * breaks a business rule, refers to something that cannot exist). The consumer sends the event to the
 * dead-letter topic and goes on. Any other error is retried.
 *
 * When the handler processes a batch and knows which events are at fault, it names them in
 * `eventIds`; the consumer then dead-letters exactly those and applies the rest. Without ids the
 * consumer finds them by applying the events of the batch one at a time.
 */
export class PermanentError extends Error {
  readonly eventIds: readonly string[] | undefined;

  constructor(message: string, options: { eventIds?: readonly string[]; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PermanentError';
    this.eventIds = options.eventIds ? Object.freeze([...options.eventIds]) : undefined;
  }
}

export function isPermanentError(error: unknown): error is PermanentError {
  return error instanceof PermanentError || (error instanceof Error && error.name === 'PermanentError');
}
