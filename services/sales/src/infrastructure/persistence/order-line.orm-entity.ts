import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintCents } from './bigint-cents.transformer';

/** A row of `sales_order_line`. */
@Entity({ name: 'sales_order_line' })
export class OrderLineOrmEntity {
  @PrimaryColumn({ name: 'order_id', type: 'text' })
  orderId!: string;

  @PrimaryColumn({ name: 'line_number', type: 'integer' })
  lineNumber!: number;

  @Column({ name: 'product_id', type: 'text' })
  productId!: string;

  @Column({ name: 'seller_id', type: 'text' })
  sellerId!: string;

  @Column({ name: 'shipping_limit_at', type: 'timestamptz' })
  shippingLimitAt!: Date;

  @Column({ name: 'price_cents', type: 'bigint', transformer: bigintCents })
  priceCents!: number;

  @Column({ name: 'freight_cents', type: 'bigint', transformer: bigintCents })
  freightCents!: number;
}
