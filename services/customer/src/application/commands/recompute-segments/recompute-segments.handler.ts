import { type Customer } from '../../../domain/customer/customer.aggregate';
import {
  type CustomerMetrics,
  assess,
  computeBoundaries,
  newestPurchase,
} from '../../../domain/rfm/rfm-scoring.service';
import { type Clock } from '../../ports/clock.port';
import { type SegmentationSnapshot } from '../../ports/segmentation-snapshot.repository.port';
import { type CustomerUnitOfWork } from '../../ports/unit-of-work.port';
import { retryOnConcurrencyConflict } from '../shared/retry-on-concurrency-conflict';
import { type RecomputeSegmentsCommand } from './recompute-segments.command';

export interface RecomputeSegmentsResult {
  scope: 'touched' | 'full';
  snapshot: SegmentationSnapshot;
  /** Customers whose stored assessment changed. */
  reassessed: number;
  /** Customers whose segment changed (one SegmentChanged each). */
  segmentChanges: number;
}

/** Customers re-scored per transaction in a full recomputation. */
export const FULL_RECOMPUTE_CHUNK = 500;

/**
 * Scores customers on recency, frequency and monetary value and assigns their segment. SegmentChanged
 * is emitted only when a segment changes. A full recomputation first stores a new snapshot of
 * boundaries, then re-scores the base chunk by chunk (one transaction each).
 */
export class RecomputeSegmentsHandler {
  constructor(
    private readonly uow: CustomerUnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: RecomputeSegmentsCommand): Promise<RecomputeSegmentsResult> {
    if (command.scope === 'full') return this.full(command.asOf);
    const snapshot = await this.uow.run(({ snapshots }) => snapshots.current());
    if (!snapshot) return this.full(undefined);
    const ids = [...new Set(command.customerUniqueIds)];
    const counts = await this.reassess(ids, snapshot, true);
    return { scope: 'touched', snapshot, ...counts };
  }

  private async full(asOf: Date | undefined): Promise<RecomputeSegmentsResult> {
    const now = this.clock.now();
    const base = await this.uow.run(({ purchases }) => purchases.metricsOfAll());
    const reference = asOf ?? newestPurchase(base) ?? now;
    const snapshot: SegmentationSnapshot = {
      asOf: reference,
      boundaries: computeBoundaries(base, reference),
      customerCount: base.length,
      computedAt: now,
    };
    await this.uow.run(({ snapshots }) => snapshots.save(snapshot));
    const totals = { reassessed: 0, segmentChanges: 0 };
    for (let start = 0; start < base.length; start += FULL_RECOMPUTE_CHUNK) {
      const chunk = base.slice(start, start + FULL_RECOMPUTE_CHUNK);
      const counts = await this.reassess(
        chunk.map((metrics) => metrics.customerUniqueId),
        snapshot,
        false,
        chunk,
      );
      totals.reassessed += counts.reassessed;
      totals.segmentChanges += counts.segmentChanges;
    }
    return { scope: 'full', snapshot, ...totals };
  }

  /**
   * Re-scores these customers in one transaction. `clearMissing`: a customer without a counted
   * purchase loses their assessment (every purchase canceled); a full run only sees scored ones.
   */
  private reassess(
    ids: readonly string[],
    snapshot: SegmentationSnapshot,
    clearMissing: boolean,
    knownMetrics?: readonly CustomerMetrics[],
  ): Promise<{ reassessed: number; segmentChanges: number }> {
    const at = this.clock.now();
    return retryOnConcurrencyConflict(() =>
      this.uow.run(async ({ customers, purchases, outbox }) => {
        const metrics = new Map(
          (knownMetrics ?? (await purchases.metricsOf(ids))).map((entry) => [entry.customerUniqueId, entry]),
        );
        const changed: { customer: Customer; expectedVersion: number }[] = [];
        for (const customer of await customers.findByIds(ids)) {
          const figures = metrics.get(customer.customerUniqueId);
          if (!figures && !clearMissing) continue;
          const assessment = figures ? assess(figures, snapshot.boundaries, snapshot.asOf) : null;
          const expectedVersion = customer.version;
          if (customer.assess(assessment, at) === 'changed') changed.push({ customer, expectedVersion });
        }
        const events = changed.flatMap(({ customer }) => customer.pullDomainEvents());
        if (changed.length > 0) {
          await customers.saveMany(changed);
          await outbox.append(events);
        }
        return { reassessed: changed.length, segmentChanges: events.length };
      }),
    );
  }
}
