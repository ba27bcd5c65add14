import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of `customer_account`: one per-order account of a person, with the address given with it. */
@Entity({ name: 'customer_account' })
export class CustomerAccountOrmEntity {
  @PrimaryColumn({ name: 'customer_id', type: 'text' })
  customerId!: string;

  @Column({ name: 'customer_unique_id', type: 'text' })
  customerUniqueId!: string;

  /** The account's place among the person's accounts (0, 1, ...). */
  @Column({ type: 'integer' })
  position!: number;

  @Column({ name: 'zip_prefix', type: 'text' })
  zipPrefix!: string;

  @Column({ type: 'text' })
  city!: string;

  @Column({ type: 'text' })
  state!: string;
}
