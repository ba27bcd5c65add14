import { type EventEnvelope } from '@mercado/contracts';
import { stagedRowCount, stageEvents } from '../../../domain/events/staged-batch';
import { batchFreshness, type BatchFreshness } from '../../../domain/freshness/batch-freshness';
import { type LatencyObserver, type WarehouseUnitOfWork } from '../../ports/warehouse-writer.port';

export interface AppliedBatch {
  events: number;
  /** Rows staged (a registration with two accounts stages three). */
  stagedRows: number;
  /** Events the warehouse does not use, by type@version. */
  ignored: Record<string, number>;
  freshness: BatchFreshness;
  applySeconds: number;
}

export interface ApplyEventBatchOptions<Tx> {
  unitOfWork: (tx: Tx) => WarehouseUnitOfWork;
  /** The logical topic of an event type (the catalog's), or undefined for a type it does not know. */
  topicOf: (type: string) => string | undefined;
  observeLatency?: LatencyObserver;
  clock?: () => Date;
}

/**
 * Applies a batch of integration events to the warehouse: the same use case serves the live consumer
 * (inside its inbox transaction) and a rebuild replaying the topics.
 */
export class ApplyEventBatch<Tx> {
  private readonly clock: () => Date;

  constructor(private readonly options: ApplyEventBatchOptions<Tx>) {
    this.clock = options.clock ?? (() => new Date());
  }

  async execute(tx: Tx, envelopes: readonly EventEnvelope[]): Promise<AppliedBatch> {
    const started = this.clock().getTime();
    const staged = stageEvents(envelopes);
    const unit = this.options.unitOfWork(tx);
    if (stagedRowCount(staged) > 0) await unit.writer.apply(staged);
    const finished = this.clock();
    const freshness = batchFreshness(envelopes, this.options.topicOf, finished);
    const applySeconds = (finished.getTime() - started) / 1000;
    if (unit.freshness && freshness.events > 0) await unit.freshness.record(freshness, applySeconds);
    if (this.options.observeLatency) for (const seconds of freshness.latencies) this.options.observeLatency(seconds);
    return { events: envelopes.length, stagedRows: stagedRowCount(staged), ignored: staged.ignored, freshness, applySeconds };
  }
}
