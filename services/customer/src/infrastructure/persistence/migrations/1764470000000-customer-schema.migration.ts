import { outboxMigrationSql } from '@mercado/messaging';
import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The customer database: persons with their accounts and RFM assessment, the purchase history fed
 * by the sales events, reviews, the segmentation snapshots, and the messaging outbox and inbox.
 * Zip prefixes are text (leading zeros kept), money integer cents, instants timestamptz. Ids sort
 * byte-wise (COLLATE "C"), as the keyset cursors expect. Accounts and payments are parts of their
 * aggregates, written with them by their repositories (no foreign key re-checks every bulk row).
 */
export class CustomerSchema1764470000000 implements MigrationInterface {
  name = 'CustomerSchema1764470000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE customer (
        customer_unique_id text COLLATE "C" PRIMARY KEY,
        zip_prefix         text        NOT NULL CHECK (zip_prefix ~ '^[0-9]{5}$'),
        city               text        NOT NULL,
        state              char(2)     NOT NULL,
        registered_at      timestamptz NOT NULL,
        rfm_as_of          timestamptz,
        recency_days       integer     CHECK (recency_days >= 0),
        frequency          integer     CHECK (frequency >= 1),
        monetary_cents     bigint      CHECK (monetary_cents >= 0),
        recency_score      smallint    CHECK (recency_score BETWEEN 1 AND 5),
        frequency_score    smallint    CHECK (frequency_score BETWEEN 1 AND 5),
        monetary_score     smallint    CHECK (monetary_score BETWEEN 1 AND 5),
        segment            text,
        version            integer     NOT NULL CHECK (version >= 1),
        CHECK ((rfm_as_of IS NULL) = (segment IS NULL))
      );
      CREATE INDEX customer_by_segment ON customer (segment, customer_unique_id);
      CREATE INDEX customer_by_state ON customer (state, customer_unique_id);

      CREATE TABLE customer_account (
        customer_id        text COLLATE "C" PRIMARY KEY,
        customer_unique_id text COLLATE "C" NOT NULL,
        position           integer NOT NULL,
        zip_prefix         text    NOT NULL CHECK (zip_prefix ~ '^[0-9]{5}$'),
        city               text    NOT NULL,
        state              char(2) NOT NULL
      );
      CREATE INDEX customer_account_by_person ON customer_account (customer_unique_id);

      CREATE TABLE purchase (
        order_id          text COLLATE "C" PRIMARY KEY,
        customer_id       text COLLATE "C",
        purchased_at      timestamptz,
        order_value_cents bigint CHECK (order_value_cents >= 0),
        closure           text CHECK (closure IN ('canceled', 'unavailable')),
        closed_at         timestamptz,
        version           integer NOT NULL CHECK (version >= 1),
        CHECK ((customer_id IS NULL) = (purchased_at IS NULL)),
        CHECK ((closure IS NULL) = (closed_at IS NULL))
      );
      CREATE INDEX purchase_by_account ON purchase (customer_id);

      CREATE TABLE purchase_payment (
        order_id    text COLLATE "C" NOT NULL,
        sequential  integer NOT NULL CHECK (sequential >= 1),
        value_cents bigint  NOT NULL CHECK (value_cents >= 0),
        PRIMARY KEY (order_id, sequential)
      );

      CREATE TABLE review (
        review_id   text COLLATE "C" NOT NULL,
        order_id    text COLLATE "C" NOT NULL,
        score       smallint    NOT NULL CHECK (score BETWEEN 1 AND 5),
        title       text,
        message     text,
        created_at  timestamptz NOT NULL,
        answered_at timestamptz,
        PRIMARY KEY (review_id, order_id)
      );
      CREATE INDEX review_by_order ON review (order_id);

      CREATE TABLE segmentation_snapshot (
        id             bigserial   PRIMARY KEY,
        as_of          timestamptz NOT NULL,
        recency_days   integer[]   NOT NULL,
        monetary_cents bigint[]    NOT NULL,
        customer_count integer     NOT NULL,
        computed_at    timestamptz NOT NULL
      );
    `);
    await queryRunner.query(outboxMigrationSql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DROP TABLE segmentation_snapshot, review, purchase_payment, purchase, customer_account, customer, messaging_inbox, messaging_outbox',
    );
  }
}
