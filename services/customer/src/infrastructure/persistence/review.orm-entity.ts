import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of `review`, identified by review id and order id together (Olist reuses review ids). */
@Entity({ name: 'review' })
export class ReviewOrmEntity {
  @PrimaryColumn({ name: 'review_id', type: 'text' })
  reviewId!: string;

  @PrimaryColumn({ name: 'order_id', type: 'text' })
  orderId!: string;

  @Column({ type: 'smallint' })
  score!: number;

  @Column({ type: 'text', nullable: true })
  title!: string | null;

  @Column({ type: 'text', nullable: true })
  message!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;
}
