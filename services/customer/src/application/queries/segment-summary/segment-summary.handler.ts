import { SEGMENTS, type Segment } from '../../../domain/rfm/segment';
import { formatCents } from '../../../domain/shared/domain-error';
import { type CustomerRepository } from '../../ports/customer.repository.port';
import { type SegmentationSnapshotRepository } from '../../ports/segmentation-snapshot.repository.port';
import { instantToOlistLocal } from '../../../domain/shared/sao-paulo-time';

export interface SegmentSummaryView {
  /** The reference day of the boundaries in use; null before the first full recomputation. */
  asOf: string | null;
  /** Every segment, best first, with zeros where empty. */
  segments: { segment: Segment; customers: number; monetary: string; monetaryCents: number; share: number }[];
  /** Customers without a segment (no counted purchase, or not scored yet). */
  unsegmented: number;
  totalCustomers: number;
}

/** Counts and monetary value per segment, with each segment's share of the segmented customers. */
export class SegmentSummaryHandler {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly snapshots: SegmentationSnapshotRepository,
  ) {}

  async execute(): Promise<SegmentSummaryView> {
    const rows = await this.customers.segmentSummary();
    const snapshot = await this.snapshots.current();
    const bySegment = new Map(rows.map((row) => [row.segment, row]));
    const segmented = rows.filter((row) => row.segment !== null).reduce((sum, row) => sum + row.customers, 0);
    const unsegmented = bySegment.get(null)?.customers ?? 0;
    return {
      asOf: snapshot ? instantToOlistLocal(snapshot.asOf).slice(0, 10) : null,
      segments: SEGMENTS.map((segment) => {
        const row = bySegment.get(segment);
        const customers = row?.customers ?? 0;
        const monetaryCents = row?.monetaryCents ?? 0;
        return {
          segment,
          customers,
          monetaryCents,
          monetary: formatCents(monetaryCents),
          share: segmented === 0 ? 0 : customers / segmented,
        };
      }),
      unsegmented,
      totalCustomers: segmented + unsegmented,
    };
  }
}
