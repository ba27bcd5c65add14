import { isPermanentError } from './permanent-error';

/**
 * What to do with an error thrown while applying events:
 * - `permanent`: the event itself is at fault; retrying cannot help, so it goes to the dead-letter
 *   topic (a PermanentError, or PostgreSQL rejecting the data: SQLSTATE classes 22 data exception and
 *   23 integrity constraint violation).
 * - `transient`: everything else. The database being away, a deadlock, a missing table or a bug all
 *   stop the line and are retried with backoff, never committing offsets: a fix or a recovery then
 *   lets the same events through, and nothing is skipped silently.
 */
export type FailureKind = 'permanent' | 'transient';

export function classifyFailure(error: unknown): FailureKind {
  if (isPermanentError(error)) return 'permanent';
  const code = sqlState(error);
  if (code && (code.startsWith('22') || code.startsWith('23'))) return 'permanent';
  return 'transient';
}

function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  // SQLSTATE codes are five characters; node errno codes (ECONNREFUSED) are longer.
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** A one-line description of an error for logs and dead-letter headers. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return `${error.name}${typeof code === 'string' ? ` [${code}]` : ''}: ${error.message}`;
  }
  return String(error);
}
