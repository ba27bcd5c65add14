/**
 * Exponential backoff with jitter, for retrying work that failed for a passing reason (the database
 * restarting, the broker away). Jitter spreads the retries of many consumers so they do not knock on
 * a recovering server in step.
 */
export interface BackoffPolicy {
  /** Delay before the first retry. */
  readonly initialMs: number;
  /** Upper bound of any delay. */
  readonly maxMs: number;
  /** Growth per attempt (2 doubles the delay each time). */
  readonly multiplier: number;
  /** 0..1: the share of the delay that is random (0.2 → between 80% and 100% of the nominal delay). */
  readonly jitter: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = Object.freeze({ initialMs: 200, maxMs: 15_000, multiplier: 2, jitter: 0.2 });

/**
 * The delay before retry number `attempt` (1 for the first retry).
 * @param random a source of numbers in [0, 1), replaceable in tests
 */
export function backoffDelay(policy: BackoffPolicy, attempt: number, random: () => number = Math.random): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be a positive integer, got ${attempt}`);
  const jitter = Math.min(Math.max(policy.jitter, 0), 1);
  // Cap the exponent so that very long outages do not overflow to Infinity.
  const nominal = Math.min(policy.maxMs, policy.initialMs * Math.pow(policy.multiplier, Math.min(attempt - 1, 64)));
  return Math.round(nominal * (1 - jitter * random()));
}
