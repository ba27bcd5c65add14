import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of `sales_order`: the order's own fields. Lines, payments and status steps have their tables. */
@Entity({ name: 'sales_order' })
export class OrderOrmEntity {
  @PrimaryColumn({ name: 'order_id', type: 'text' })
  orderId!: string;

  @Column({ name: 'customer_id', type: 'text' })
  customerId!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'purchased_at', type: 'timestamptz' })
  purchasedAt!: Date;

  /** `YYYY-MM-DD`, read back as text (a date has no zone). */
  @Column({ name: 'estimated_delivery_date', type: 'date', nullable: true })
  estimatedDeliveryDate!: string | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  @Column({ name: 'delivered_carrier_at', type: 'timestamptz', nullable: true })
  deliveredCarrierAt!: Date | null;

  @Column({ name: 'delivered_customer_at', type: 'timestamptz', nullable: true })
  deliveredCustomerAt!: Date | null;

  @Column({ type: 'text', array: true })
  anomalies!: string[];

  @Column({ type: 'text' })
  origin!: string;

  @Column({ name: 'cancellation_reason', type: 'text', nullable: true })
  cancellationReason!: string | null;

  /** Optimistic concurrency: every write checks and bumps it. */
  @Column({ type: 'integer' })
  version!: number;
}
