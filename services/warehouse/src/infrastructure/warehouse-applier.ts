import { catalog, type EventEnvelope } from '@mercado/contracts';
import { ApplyEventBatch, type AppliedBatch } from '../application/commands/apply-event-batch/apply-event-batch.handler';
import { type LatencyObserver } from '../application/ports/warehouse-writer.port';
import { PgFreshnessRecorder } from './sql/pg-freshness.recorder';
import { PgWarehouseWriter, type StepObserver } from './sql/pg-warehouse.writer';
import { type SqlSession, WAREHOUSE_SCHEMA } from './sql/sql-session';

export interface WarehouseApplierOptions {
  /** The schema to write (default `dw`; a rebuild writes its own). */
  schema?: string;
  /** Record dw_meta.freshness and the batch log (the live consumer does; a rebuild does not). */
  recordFreshness?: boolean;
  observeLatency?: LatencyObserver;
  /** Stage only, and leave the facts and marts to PgWarehouseWriter.completeDerivation (a rebuild's replay). */
  deferDerivation?: boolean;
  /** Times each step of every batch (for measuring). */
  observeStep?: StepObserver;
  clock?: () => Date;
}

/** The logical topic of an event type, from the contract catalog. */
export const topicOfEventType = (type: string): string | undefined => catalog.latest(type)?.topic;

/**
 * The warehouse's batch apply bound to PostgreSQL: `applier.execute(tx, envelopes)` inside an open
 * transaction (messaging's inbox transaction, or one of the caller's).
 */
export function createWarehouseApplier(options: WarehouseApplierOptions = {}): ApplyEventBatch<SqlSession> {
  const schema = options.schema ?? WAREHOUSE_SCHEMA;
  const recordFreshness = options.recordFreshness ?? schema === WAREHOUSE_SCHEMA;
  return new ApplyEventBatch<SqlSession>({
    unitOfWork: (tx) => ({
      writer: new PgWarehouseWriter(tx, schema, { deferDerivation: options.deferDerivation, observeStep: options.observeStep }),
      ...(recordFreshness ? { freshness: new PgFreshnessRecorder(tx) } : {}),
    }),
    topicOf: topicOfEventType,
    observeLatency: options.observeLatency,
    clock: options.clock,
  });
}

const defaultApplier = createWarehouseApplier();

/** Applies a batch to the live warehouse `dw` in the caller's transaction (the consumer's handler). */
export function applyBatch(tx: SqlSession, envelopes: readonly EventEnvelope[]): Promise<AppliedBatch> {
  return defaultApplier.execute(tx, envelopes);
}
