import { ConcurrencyConflictError } from '../../application.errors';

/** Attempts of a single-aggregate command: a lost race there is rare and brief. */
export const CONCURRENCY_ATTEMPTS = 3;
/**
 * Attempts of a bulk import chunk: its transaction holds up to thousands of persons, so while the
 * purchase-history consumer works through the same persons' sales events (an Olist-sized import
 * runs both at once) one of them changing under it is likely; the backoff lets that batch commit.
 */
export const BULK_CONCURRENCY_ATTEMPTS = 10;

export interface ConcurrencyRetryOptions {
  attempts?: number;
  /** The wait before the second attempt; it doubles each time, up to 1 s, with jitter (default 10 ms). */
  firstBackoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const MAX_BACKOFF_MS = 1_000;
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `work` again (on fresh state) when it loses an optimistic-concurrency race, backing off between tries. */
export async function retryOnConcurrencyConflict<T>(
  work: () => Promise<T>,
  options: ConcurrencyRetryOptions = {},
): Promise<T> {
  const attempts = options.attempts ?? CONCURRENCY_ATTEMPTS;
  const sleep = options.sleep ?? pause;
  let backoff = options.firstBackoffMs ?? 10;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError) || attempt >= attempts) throw error;
    }
    // Full jitter: racing retries of the same persons do not meet again in step.
    await sleep(Math.round(backoff * (0.5 + Math.random() / 2)));
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
  }
}
