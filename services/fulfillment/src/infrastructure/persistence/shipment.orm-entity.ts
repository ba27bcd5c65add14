import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One seller's deadline as stored in the `seller_shipping_limits` jsonb column. */
export interface SellerShippingLimitColumn {
  sellerId: string;
  /** ISO-8601 instant. */
  shippingLimitAt: string;
  lineNumbers: number[];
}

/** The imported Olist facts as stored in the `imported_facts` jsonb column (instants ISO-8601). */
export interface ImportedFactsColumn {
  customerId: string;
  orderStatus: string | null;
  purchasedAt: string;
  approvedAt: string | null;
  carrierAt: string | null;
  deliveredAt: string | null;
  /** `YYYY-MM-DD`. */
  estimatedDeliveryDate: string;
}

/**
 * The `shipment` table: one row per order. Not the domain entity: shipment.mapper.ts converts
 * between this row and Shipment snapshots. Lateness (days_late, on_time) is derived by the domain
 * and stored for the late-deliveries query and read models.
 */
@Entity({ name: 'shipment' })
@Index('shipment_overdue_idx', ['estimatedDeliveryDate', 'orderId'], { where: `status <> 'canceled'` })
@Index('shipment_late_idx', ['deliveredAt', 'orderId'], { where: 'days_late > 0' })
export class ShipmentOrmEntity {
  @PrimaryColumn({ name: 'order_id', type: 'text' })
  orderId!: string;

  @Column({ name: 'customer_id', type: 'text', nullable: true })
  customerId!: string | null;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'text' })
  origin!: string;

  @Column({ name: 'purchased_at', type: 'timestamptz', nullable: true })
  purchasedAt!: Date | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** Read as text (`YYYY-MM-DD`): a calendar date, never shifted by a time zone. */
  @Column({ name: 'estimated_delivery_date', type: 'date' })
  estimatedDeliveryDate!: string;

  @Column({ name: 'estimate_source', type: 'text' })
  estimateSource!: string;

  @Column({ name: 'seller_shipping_limits', type: 'jsonb' })
  sellerShippingLimits!: SellerShippingLimitColumn[];

  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true })
  dispatchedAt!: Date | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @Column({ name: 'canceled_at', type: 'timestamptz', nullable: true })
  canceledAt!: Date | null;

  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason!: string | null;

  @Column({ name: 'days_late', type: 'integer', nullable: true })
  daysLate!: number | null;

  @Column({ name: 'on_time', type: 'boolean', nullable: true })
  onTime!: boolean | null;

  @Column({ type: 'text', array: true })
  anomalies!: string[];

  @Column({ name: 'imported_facts', type: 'jsonb', nullable: true })
  importedFacts!: ImportedFactsColumn | null;

  @Column({ type: 'integer' })
  version!: number;
}
