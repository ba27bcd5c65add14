import { outboxMigrationSql } from '@mercado/messaging';
import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** The shipments, the pending placements, and the messaging outbox and inbox. */
export class FulfillmentSchema1733600000000 implements MigrationInterface {
  name = 'FulfillmentSchema1733600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
CREATE TABLE shipment (
  order_id                text        NOT NULL,
  customer_id             text,
  status                  text        NOT NULL,
  origin                  text        NOT NULL,
  purchased_at            timestamptz,
  approved_at             timestamptz,
  created_at              timestamptz NOT NULL,
  estimated_delivery_date date        NOT NULL,
  estimate_source         text        NOT NULL,
  seller_shipping_limits  jsonb       NOT NULL,
  dispatched_at           timestamptz,
  delivered_at            timestamptz,
  canceled_at             timestamptz,
  cancel_reason           text,
  days_late               integer,
  on_time                 boolean,
  anomalies               text[]      NOT NULL,
  imported_facts          jsonb,
  version                 integer     NOT NULL,
  CONSTRAINT shipment_pk PRIMARY KEY (order_id)
);
CREATE INDEX shipment_overdue_idx ON shipment (estimated_delivery_date, order_id) WHERE status <> 'canceled';
CREATE INDEX shipment_late_idx ON shipment (delivered_at, order_id) WHERE days_late > 0;

CREATE TABLE pending_order (
  order_id     text        NOT NULL,
  customer_id  text        NOT NULL,
  purchased_at timestamptz NOT NULL,
  imported     boolean     NOT NULL,
  lines        jsonb       NOT NULL,
  CONSTRAINT pending_order_pk PRIMARY KEY (order_id)
);
`);
    await queryRunner.query(outboxMigrationSql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE pending_order; DROP TABLE shipment;');
  }
}
