import { type RfmBoundaries } from '../../domain/rfm/rfm-scoring.service';

/**
 * The quintile boundaries of the last full recomputation. Quintiles depend on the whole customer
 * base: a batch recomputation (customers touched by new events) scores against these boundaries
 * and this reference date; only a full recomputation refreshes them.
 */
export interface SegmentationSnapshot {
  /** The reference instant recency is measured to. */
  asOf: Date;
  boundaries: RfmBoundaries;
  /** How many persons the boundaries were computed over. */
  customerCount: number;
  computedAt: Date;
}

export interface SegmentationSnapshotRepository {
  current(): Promise<SegmentationSnapshot | null>;
  save(snapshot: SegmentationSnapshot): Promise<void>;
}
