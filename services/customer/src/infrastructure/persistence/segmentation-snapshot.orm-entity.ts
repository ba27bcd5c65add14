import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A row of `segmentation_snapshot`: the boundaries of one full recomputation; the newest is current. */
@Entity({ name: 'segmentation_snapshot' })
export class SegmentationSnapshotOrmEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'as_of', type: 'timestamptz' })
  asOf!: Date;

  /** Thresholds of scores 2..5; null where no one in the base reached it. */
  @Column({ name: 'recency_days', type: 'integer', array: true })
  recencyDays!: (number | null)[];

  /** bigint[] comes back as text. */
  @Column({ name: 'monetary_cents', type: 'bigint', array: true })
  monetaryCents!: (string | null)[];

  @Column({ name: 'customer_count', type: 'integer' })
  customerCount!: number;

  @Column({ name: 'computed_at', type: 'timestamptz' })
  computedAt!: Date;
}
