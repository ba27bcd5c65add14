import { ConcurrencyConflictError } from '../../application.errors';
import {
  BULK_CONCURRENCY_ATTEMPTS,
  CONCURRENCY_ATTEMPTS,
  retryOnConcurrencyConflict,
} from './retry-on-concurrency-conflict';

describe('retryOnConcurrencyConflict', () => {
  const conflict = () => new ConcurrencyConflictError('person-1', 3, 4);

  function losing(times: number) {
    let calls = 0;
    return {
      work: async () => {
        calls += 1;
        if (calls <= times) throw conflict();
        return `done after ${calls}`;
      },
      calls: () => calls,
    };
  }

  it('tries again on fresh state after a lost race, backing off with doubling, jittered, capped waits', async () => {
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    const attempt = losing(8);
    await expect(
      retryOnConcurrencyConflict(attempt.work, {
        attempts: BULK_CONCURRENCY_ATTEMPTS,
        firstBackoffMs: 100,
        sleep,
      }),
    ).resolves.toBe('done after 9');
    expect(waits).toHaveLength(8);
    const bases = [100, 200, 400, 800, 1000, 1000, 1000, 1000];
    waits.forEach((ms, index) => {
      expect(ms).toBeGreaterThanOrEqual(bases[index]! / 2);
      expect(ms).toBeLessThanOrEqual(bases[index]!);
    });
  });

  it('gives up with the conflict after its attempts (3 by default)', async () => {
    const attempt = losing(5);
    await expect(
      retryOnConcurrencyConflict(attempt.work, { sleep: async () => undefined }),
    ).rejects.toBeInstanceOf(ConcurrencyConflictError);
    expect(attempt.calls()).toBe(CONCURRENCY_ATTEMPTS);
  });

  it('does not retry any other failure', async () => {
    let calls = 0;
    const failing = async () => {
      calls += 1;
      throw new Error('disk full');
    };
    await expect(retryOnConcurrencyConflict(failing, { sleep: async () => undefined })).rejects.toThrow(
      'disk full',
    );
    expect(calls).toBe(1);
  });

  it('waits for real between attempts when no sleep is given', async () => {
    const attempt = losing(1);
    await expect(retryOnConcurrencyConflict(attempt.work, { firstBackoffMs: 2 })).resolves.toBe(
      'done after 2',
    );
  });
});
