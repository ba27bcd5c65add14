import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from './bigint-number.transformer';

/** A row of `purchase`: one order in the purchase history; the placement columns stay null until it is known. */
@Entity({ name: 'purchase' })
export class PurchaseOrmEntity {
  @PrimaryColumn({ name: 'order_id', type: 'text' })
  orderId!: string;

  @Column({ name: 'customer_id', type: 'text', nullable: true })
  customerId!: string | null;

  @Column({ name: 'purchased_at', type: 'timestamptz', nullable: true })
  purchasedAt!: Date | null;

  @Column({ name: 'order_value_cents', type: 'bigint', nullable: true, transformer: bigintNumber })
  orderValueCents!: number | null;

  @Column({ type: 'text', nullable: true })
  closure!: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'integer' })
  version!: number;
}
