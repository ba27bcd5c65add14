import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from './bigint-number.transformer';

/** A row of `purchase_payment`: one payment of a purchase, by its sequential. */
@Entity({ name: 'purchase_payment' })
export class PurchasePaymentOrmEntity {
  @PrimaryColumn({ name: 'order_id', type: 'text' })
  orderId!: string;

  @PrimaryColumn({ type: 'integer' })
  sequential!: number;

  @Column({ name: 'value_cents', type: 'bigint', transformer: bigintNumber })
  valueCents!: number;
}
