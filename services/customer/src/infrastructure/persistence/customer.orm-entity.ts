import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from './bigint-number.transformer';

/** A row of `customer`: the person, their current location and their latest RFM assessment. */
@Entity({ name: 'customer' })
export class CustomerOrmEntity {
  @PrimaryColumn({ name: 'customer_unique_id', type: 'text' })
  customerUniqueId!: string;

  @Column({ name: 'zip_prefix', type: 'text' })
  zipPrefix!: string;

  @Column({ type: 'text' })
  city!: string;

  @Column({ type: 'text' })
  state!: string;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt!: Date;

  /** The RFM assessment: all null until the person has a counted purchase. */
  @Column({ name: 'rfm_as_of', type: 'timestamptz', nullable: true })
  rfmAsOf!: Date | null;

  @Column({ name: 'recency_days', type: 'integer', nullable: true })
  recencyDays!: number | null;

  @Column({ type: 'integer', nullable: true })
  frequency!: number | null;

  @Column({ name: 'monetary_cents', type: 'bigint', nullable: true, transformer: bigintNumber })
  monetaryCents!: number | null;

  @Column({ name: 'recency_score', type: 'smallint', nullable: true })
  recencyScore!: number | null;

  @Column({ name: 'frequency_score', type: 'smallint', nullable: true })
  frequencyScore!: number | null;

  @Column({ name: 'monetary_score', type: 'smallint', nullable: true })
  monetaryScore!: number | null;

  @Column({ type: 'text', nullable: true })
  segment!: string | null;

  @Column({ type: 'integer' })
  version!: number;
}
