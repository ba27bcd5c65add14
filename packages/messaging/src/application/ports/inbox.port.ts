import { type EventEnvelope } from '@mercado/contracts';

/** A database session inside an open transaction: pg's PoolClient fits. */
export interface SqlTransaction {
  query<R extends Record<string, unknown> = Record<string, unknown>>(
    text: string,
    values?: unknown[],
  ): Promise<{ rows: R[]; rowCount: number | null }>;
}

/**
 * Applies a consumer's effects exactly once per event: one transaction records the event ids in the
 * inbox and runs `apply` with the events not recorded before; both commit together or not at all.
 */
export interface Inbox {
  /** @returns the number of events applied (not seen before) */
  applyOnce(
    envelopes: readonly EventEnvelope[],
    apply: (tx: SqlTransaction, fresh: readonly EventEnvelope[]) => Promise<void>,
  ): Promise<number>;
}
