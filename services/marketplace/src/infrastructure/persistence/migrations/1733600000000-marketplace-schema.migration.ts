import { outboxMigrationSql } from '@mercado/messaging';
import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Products, sellers, category translations, and the messaging outbox and inbox. */
export class MarketplaceSchema1733600000000 implements MigrationInterface {
  name = 'MarketplaceSchema1733600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
CREATE TABLE product (
  product_id          text    NOT NULL,
  category_name       text,
  category_name_en    text,
  translation_missing boolean NOT NULL,
  name_length         integer,
  description_length  integer,
  photos_qty          integer,
  weight_g            integer,
  length_cm           integer,
  height_cm           integer,
  width_cm            integer,
  anomalies           text[]  NOT NULL,
  version             integer NOT NULL,
  CONSTRAINT product_pk PRIMARY KEY (product_id)
);
CREATE INDEX product_category_idx ON product (category_name, product_id);

CREATE TABLE seller (
  seller_id       text    NOT NULL,
  zip_prefix      text    NOT NULL,
  city            text    NOT NULL,
  normalized_city text,
  city_is_numeric boolean NOT NULL,
  state           text    NOT NULL,
  anomalies       text[]  NOT NULL,
  version         integer NOT NULL,
  CONSTRAINT seller_pk PRIMARY KEY (seller_id)
);
CREATE INDEX seller_state_idx ON seller (state, seller_id);

CREATE TABLE category_translation (
  category_name text NOT NULL,
  english_name  text NOT NULL,
  CONSTRAINT category_translation_pk PRIMARY KEY (category_name)
);
`);
    await queryRunner.query(outboxMigrationSql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE category_translation; DROP TABLE seller; DROP TABLE product;');
  }
}
