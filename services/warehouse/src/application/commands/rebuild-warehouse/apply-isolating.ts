import { type EventEnvelope } from '@mercado/contracts';
import { type BatchApplier, type PermanentFailure } from '../../ports/warehouse-schemas.port';

export interface IsolatedApply {
  applied: number;
  /** Events refused for good, with the reason: the live consumer sent these to its dead-letter topics. */
  skipped: { event: EventEnvelope; error: string }[];
}

/**
 * Applies a batch; when it fails for good, halves it until the events at fault are alone, skips
 * them and applies the rest, as the live consumer does (it dead-letters them). A passing failure is
 * thrown: the rebuild stops rather than build a warehouse that misses events.
 */
export async function applyIsolating(
  envelopes: readonly EventEnvelope[],
  apply: BatchApplier,
  isPermanent: PermanentFailure,
): Promise<IsolatedApply> {
  if (envelopes.length === 0) return { applied: 0, skipped: [] };
  try {
    await apply(envelopes);
    return { applied: envelopes.length, skipped: [] };
  } catch (error) {
    if (!isPermanent(error)) throw error;
    if (envelopes.length === 1) return { applied: 0, skipped: [{ event: envelopes[0]!, error: error instanceof Error ? error.message : String(error) }] };
    const middle = Math.ceil(envelopes.length / 2);
    const left = await applyIsolating(envelopes.slice(0, middle), apply, isPermanent);
    const right = await applyIsolating(envelopes.slice(middle), apply, isPermanent);
    return { applied: left.applied + right.applied, skipped: [...left.skipped, ...right.skipped] };
  }
}
