import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintCents } from './bigint-cents.transformer';

/** A row of `sales_payment`. */
@Entity({ name: 'sales_payment' })
export class PaymentOrmEntity {
  @PrimaryColumn({ name: 'order_id', type: 'text' })
  orderId!: string;

  @PrimaryColumn({ type: 'integer' })
  sequential!: number;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'integer' })
  installments!: number;

  @Column({ name: 'value_cents', type: 'bigint', transformer: bigintCents })
  valueCents!: number;
}
