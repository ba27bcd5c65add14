import { outboxMigrationSql } from '@mercado/messaging';
import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The sales database: orders with their lines, payments and status history, and the messaging
 * outbox and inbox. Money is integer cents (bigint), instants timestamptz, the estimated delivery a
 * date. The order's `version` is the optimistic-concurrency check of the aggregate. Ids sort
 * byte-wise (COLLATE "C") whatever the server's default, as the keyset cursors expect.
 *
 * The child tables have no foreign key to sales_order on purpose: they are parts of the aggregate,
 * written only by its repository in the transaction that writes (and version-checks) the order, and
 * never deleted. A foreign key would re-check that on every row, which more than doubled the cost
 * of the bulk import's status history (six rows per order).
 */
export class SalesSchema1764460000000 implements MigrationInterface {
  name = 'SalesSchema1764460000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sales_order (
        order_id                text COLLATE "C" PRIMARY KEY,
        customer_id             text COLLATE "C" NOT NULL,
        status                  text        NOT NULL CHECK (status IN ('created', 'approved', 'invoiced', 'processing', 'shipped', 'delivered', 'canceled', 'unavailable')),
        purchased_at            timestamptz NOT NULL,
        estimated_delivery_date date,
        approved_at             timestamptz,
        delivered_carrier_at    timestamptz,
        delivered_customer_at   timestamptz,
        anomalies               text[]      NOT NULL DEFAULT '{}',
        origin                  text        NOT NULL CHECK (origin IN ('live', 'import')),
        cancellation_reason     text,
        version                 integer     NOT NULL CHECK (version >= 1),
        updated_at              timestamptz NOT NULL DEFAULT now()
      );
      -- The list endpoint's orders: newest purchase first, by account, status or period.
      CREATE INDEX sales_order_by_purchase ON sales_order (purchased_at DESC, order_id DESC);
      CREATE INDEX sales_order_by_customer ON sales_order (customer_id, purchased_at DESC, order_id DESC);
      CREATE INDEX sales_order_by_status ON sales_order (status, purchased_at DESC, order_id DESC);

      CREATE TABLE sales_order_line (
        order_id          text COLLATE "C" NOT NULL,
        line_number       integer     NOT NULL CHECK (line_number >= 1),
        product_id        text        NOT NULL,
        seller_id         text        NOT NULL,
        shipping_limit_at timestamptz NOT NULL,
        price_cents       bigint      NOT NULL CHECK (price_cents >= 0),
        freight_cents     bigint      NOT NULL CHECK (freight_cents >= 0),
        PRIMARY KEY (order_id, line_number)
      );

      CREATE TABLE sales_payment (
        order_id     text COLLATE "C" NOT NULL,
        sequential   integer NOT NULL CHECK (sequential >= 1),
        type         text    NOT NULL CHECK (type IN ('credit_card', 'boleto', 'voucher', 'debit_card', 'not_defined')),
        installments integer NOT NULL CHECK (installments BETWEEN 0 AND 24),
        value_cents  bigint  NOT NULL CHECK (value_cents >= 0),
        PRIMARY KEY (order_id, sequential)
      );

      CREATE TABLE sales_order_status_change (
        order_id text COLLATE "C" NOT NULL,
        position smallint    NOT NULL CHECK (position >= 1),
        status   text        NOT NULL,
        at       timestamptz NOT NULL,
        derived  boolean     NOT NULL,
        PRIMARY KEY (order_id, position)
      );
    `);
    await queryRunner.query(outboxMigrationSql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DROP TABLE sales_order_status_change, sales_payment, sales_order_line, sales_order, messaging_inbox, messaging_outbox',
    );
  }
}
