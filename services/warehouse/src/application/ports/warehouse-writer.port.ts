import { type BatchFreshness } from '../../domain/freshness/batch-freshness';
import { type StagedBatch } from '../../domain/events/staged-batch';

/**
 * Writes one batch into a warehouse schema inside the caller's transaction: stages the rows, derives
 * the dimensions and facts of the keys they touch and refreshes those keys' marts. Set-based: a
 * handful of statements per batch whatever its size.
 */
export interface WarehouseWriter {
  apply(batch: StagedBatch): Promise<void>;
}

/** Records, in the same transaction, how fresh the warehouse is after a batch. */
export interface FreshnessRecorder {
  record(freshness: BatchFreshness, applySeconds: number): Promise<void>;
}

/** What a batch is written with, bound to the transaction it runs in. */
export interface WarehouseUnitOfWork {
  writer: WarehouseWriter;
  /** Absent when freshness is not recorded (a rebuild replaying history). */
  freshness?: FreshnessRecorder;
}

/** Observes each event's event-to-mart latency, e.g. a prom-client histogram. */
export type LatencyObserver = (seconds: number) => void;
