import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './retry-backoff';

describe('backoffDelay', () => {
  const policy: BackoffPolicy = { initialMs: 100, maxMs: 2_000, multiplier: 2, jitter: 0 };

  it('doubles from the initial delay and stops at the maximum', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((attempt) => backoffDelay(policy, attempt))).toEqual([
      100, 200, 400, 800, 1_600, 2_000, 2_000,
    ]);
  });

  it('takes up to `jitter` of the delay away at random', () => {
    const jittered = { ...policy, jitter: 0.5 };
    expect(backoffDelay(jittered, 3, () => 0)).toBe(400);
    expect(backoffDelay(jittered, 3, () => 0.5)).toBe(300);
    expect(backoffDelay(jittered, 3, () => 0.999999)).toBe(200);
  });

  it('keeps jitter within 0..1 and never overflows on very long outages', () => {
    expect(backoffDelay({ ...policy, jitter: 7 }, 1, () => 0.5)).toBe(50);
    expect(backoffDelay({ ...policy, jitter: -1 }, 1, () => 0.5)).toBe(100);
    expect(backoffDelay(policy, 10_000)).toBe(2_000);
  });

  it('rejects attempts that are not positive integers', () => {
    expect(() => backoffDelay(policy, 0)).toThrow('attempt must be a positive integer, got 0');
    expect(() => backoffDelay(policy, 1.5)).toThrow(RangeError);
  });

  it('has a default policy that starts small and waits at most 15 s', () => {
    expect(backoffDelay(DEFAULT_BACKOFF, 1, () => 0)).toBe(200);
    expect(backoffDelay(DEFAULT_BACKOFF, 50, () => 0)).toBe(15_000);
  });
});
