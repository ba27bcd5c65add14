import { type EntityManager } from 'typeorm';
import {
  type SegmentationSnapshot,
  type SegmentationSnapshotRepository,
} from '../../application/ports/segmentation-snapshot.repository.port';
import { SegmentationSnapshotOrmEntity } from './segmentation-snapshot.orm-entity';

/** Every full recomputation's boundaries are kept; the newest is the current one. */
export class TypeormSegmentationSnapshotRepository implements SegmentationSnapshotRepository {
  constructor(private readonly manager: EntityManager) {}

  async current(): Promise<SegmentationSnapshot | null> {
    const [row] = await this.manager.find(SegmentationSnapshotOrmEntity, { order: { id: 'DESC' }, take: 1 });
    if (!row) return null;
    return {
      asOf: row.asOf,
      boundaries: {
        recencyDays: row.recencyDays,
        monetaryCents: row.monetaryCents.map((cents) => (cents === null ? null : Number(cents))),
      },
      customerCount: row.customerCount,
      computedAt: row.computedAt,
    };
  }

  async save(snapshot: SegmentationSnapshot): Promise<void> {
    await this.manager.query(
      `INSERT INTO segmentation_snapshot (as_of, recency_days, monetary_cents, customer_count, computed_at)
       VALUES ($1, $2::int[], $3::bigint[], $4, $5)`,
      [snapshot.asOf.toISOString(), [...snapshot.boundaries.recencyDays], [...snapshot.boundaries.monetaryCents], snapshot.customerCount, snapshot.computedAt.toISOString()],
    );
  }
}
