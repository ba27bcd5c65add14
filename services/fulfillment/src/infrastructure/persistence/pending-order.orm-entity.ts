import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One order line as stored in the `lines` jsonb column. */
export interface PendingOrderLineColumn {
  lineNumber: number;
  sellerId: string;
  /** ISO-8601 instant. */
  shippingLimitAt: string;
}

/** The `pending_order` table: placed orders whose shipment is not open yet. */
@Entity({ name: 'pending_order' })
export class PendingOrderOrmEntity {
  @PrimaryColumn({ name: 'order_id', type: 'text' })
  orderId!: string;

  @Column({ name: 'customer_id', type: 'text' })
  customerId!: string;

  @Column({ name: 'purchased_at', type: 'timestamptz' })
  purchasedAt!: Date;

  @Column({ type: 'boolean' })
  imported!: boolean;

  @Column({ type: 'jsonb' })
  lines!: PendingOrderLineColumn[];
}
