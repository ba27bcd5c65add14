import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of `sales_order_status_change`: one step of an order's status history, numbered from 1. */
@Entity({ name: 'sales_order_status_change' })
export class OrderStatusChangeOrmEntity {
  @PrimaryColumn({ name: 'order_id', type: 'text' })
  orderId!: string;

  @PrimaryColumn({ type: 'smallint' })
  position!: number;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  /** The time is not the one the source recorded (see docs/domain/sales.md). */
  @Column({ type: 'boolean' })
  derived!: boolean;
}
