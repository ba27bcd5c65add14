import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The `seller` table (see seller.mapper.ts). The zip prefix is text: leading zeros are kept. */
@Entity({ name: 'seller' })
@Index('seller_state_idx', ['state', 'sellerId'])
export class SellerOrmEntity {
  @PrimaryColumn({ name: 'seller_id', type: 'text' })
  sellerId!: string;

  @Column({ name: 'zip_prefix', type: 'text' })
  zipPrefix!: string;

  @Column({ type: 'text' })
  city!: string;

  @Column({ name: 'normalized_city', type: 'text', nullable: true })
  normalizedCity!: string | null;

  @Column({ name: 'city_is_numeric', type: 'boolean' })
  cityIsNumeric!: boolean;

  @Column({ type: 'text' })
  state!: string;

  @Column({ type: 'text', array: true })
  anomalies!: string[];

  @Column({ type: 'integer' })
  version!: number;
}
