import { ConcurrencyConflictError } from '../../application.errors';

export const CONCURRENCY_ATTEMPTS = 3;

/** Runs `work` again (on fresh state) when it loses an optimistic-concurrency race. */
export async function retryOnConcurrencyConflict<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError) || attempt >= CONCURRENCY_ATTEMPTS) throw error;
    }
  }
}
