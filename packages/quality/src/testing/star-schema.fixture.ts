import { type Pool } from '@mercado/postgres';
import { assertIdentifier } from '../domain/identifier/sql-identifier';
import { expectations as e } from '../domain/expectation/expectation.builders';
import { defineSuite, type Suite } from '../domain/suite/suite';

/**
 * A small star-schema-shaped set of tables (the warehouse's names, a subset of its columns) with
 * clean data in which every fixture expectation passes. Each DEFECT breaks exactly one expectation.
 */
export async function createStarFixture(pool: Pool, schema: string): Promise<void> {
  const s = `"${assertIdentifier(schema, 'schema')}"`;
  await pool.query(`
CREATE SCHEMA ${s};
CREATE TABLE ${s}.dim_date (date_key integer, date date);
CREATE TABLE ${s}.dim_customer (customer_key bigint, customer_unique_id text, version smallint, is_current boolean, is_inferred boolean,
  valid_from timestamptz, valid_to timestamptz);
CREATE TABLE ${s}.dim_product (product_key bigint, product_id text, is_inferred boolean);
CREATE TABLE ${s}.dim_seller (seller_key bigint, seller_id text, zip_prefix text, state text);
CREATE TABLE ${s}.stg_order_placed (order_id text);
CREATE TABLE ${s}.fact_orders (order_id text, customer_key bigint, purchase_date_key integer, status text, gmv numeric(14,2),
  freight numeric(14,2), purchased_at timestamptz, is_delivered boolean, is_late boolean);
CREATE TABLE ${s}.fact_order_items (order_id text, line_number integer, product_key bigint, price numeric(12,2), freight numeric(12,2));
CREATE TABLE ${s}.fact_payments (order_id text, sequential smallint, payment_type text, value numeric(12,2));
CREATE TABLE ${s}.fact_reviews (review_id text, order_id text, score smallint);
CREATE TABLE ${s}.freshness (topic text, newest_event_time timestamptz, last_applied_at timestamptz);

INSERT INTO ${s}.dim_date SELECT to_char(d, 'YYYYMMDD')::integer, d FROM generate_series(date '2024-01-01', date '2024-01-05', interval '1 day') d;
INSERT INTO ${s}.dim_customer VALUES
  (1, 'u1', 1, false, false, '-infinity', '2024-01-02'),
  (2, 'u1', 2, true, false, '2024-01-02', 'infinity'),
  (3, 'u2', 1, true, false, '-infinity', 'infinity'),
  (4, NULL, 1, true, true, '-infinity', 'infinity');
INSERT INTO ${s}.dim_product VALUES (10, 'p1', false), (11, 'p2', false), (12, 'p3', true);
INSERT INTO ${s}.dim_seller VALUES (100, 's1', '01037', 'SP'), (101, 's2', '13023', 'RJ');
INSERT INTO ${s}.stg_order_placed VALUES ('o1'), ('o2'), ('o3'), ('o4');
INSERT INTO ${s}.fact_orders VALUES
  ('o1', 2, 20240101, 'delivered', 100.00, 10.00, now() - interval '5 days', true, false),
  ('o2', 3, 20240102, 'delivered', 50.00, 5.00, now() - interval '4 days', true, false),
  ('o3', 2, 20240103, 'shipped', 30.00, 3.00, now() - interval '3 days', false, false),
  ('o4', 3, 20240104, 'delivered', 20.00, 2.00, now() - interval '2 days', true, true);
INSERT INTO ${s}.fact_order_items VALUES
  ('o1', 1, 10, 60.00, 5.00), ('o1', 2, 11, 40.00, 5.00), ('o2', 1, 10, 50.00, 5.00), ('o3', 1, 11, 30.00, 3.00), ('o4', 1, 12, 20.00, 2.00);
INSERT INTO ${s}.fact_payments VALUES
  ('o1', 1, 'credit_card', 110.00), ('o2', 1, 'boleto', 55.00), ('o3', 1, 'voucher', 20.00), ('o3', 2, 'credit_card', 13.00),
  ('o4', 1, 'credit_card', 22.01);
INSERT INTO ${s}.fact_reviews VALUES ('r1', 'o1', 5), ('r2', 'o2', 4), ('r3', 'o4', 3);
INSERT INTO ${s}.freshness VALUES
  ('sales.orders', now() - interval '10 minutes', now() - interval '1 minute'),
  ('customer.customers', now() - interval '30 minutes', now() - interval '1 minute');
`);
}

/** One expectation of every kind over the fixture (ids short for the assertions). */
export function starFixtureSuite(schema: string, name = `fixture_${schema}`): Suite {
  return defineSuite({
    name,
    layer: 'fact',
    schema,
    expectations: [
      e.notNull('fact_reviews', 'review_id', { id: 'not_null', sampleColumns: ['order_id'] }),
      e.unique('dim_product', 'product_id', { id: 'unique' }),
      e.compoundUnique('dim_customer', ['customer_unique_id', 'version'], { id: 'compound_unique' }),
      e.unique('dim_customer', 'customer_unique_id', { id: 'one_current', rowCondition: [{ column: 'is_current', op: 'eq', value: true }] }),
      e.between('fact_orders', 'gmv', { minValue: 0, maxValue: 10_000 }, { id: 'between', sampleColumns: ['order_id'] }),
      e.inSet('fact_payments', 'payment_type', ['credit_card', 'boleto', 'voucher', 'debit_card', "x'); DROP TABLE fact_orders; --"], {
        id: 'in_set',
        sampleColumns: ['order_id', 'sequential'],
      }),
      e.matchRegex('dim_seller', 'zip_prefix', '^[0-9]{5}$', { id: 'regex', sampleColumns: ['seller_id'] }),
      e.lengthsBetween('dim_product', 'product_id', { minValue: 2, maxValue: 32 }, { id: 'lengths' }),
      e.pairGreater('dim_customer', 'valid_to', 'valid_from', false, { id: 'pair', sampleColumns: ['customer_key'] }),
      e.rowCountBetween('dim_date', { minValue: 1, maxValue: 10 }, { id: 'row_count_between', cheap: true }),
      e.rowCountEqual('fact_orders', { param: 'orders' }, { id: 'row_count_equal_param' }),
      e.rowCountEqualOtherTable('fact_orders', 'stg_order_placed', {}, { id: 'row_count_equal_other', cheap: true }),
      e.foreignKeys('fact_orders', ['customer_key'], 'dim_customer', ['customer_key'], { inferredColumn: 'is_inferred', maxInferredProportion: 0.2 }, { id: 'fk_customer', sampleColumns: ['order_id'] }),
      e.foreignKeys('fact_order_items', ['product_key'], 'dim_product', ['product_key'], { inferredColumn: 'is_inferred' }, { id: 'fk_product', sampleColumns: ['order_id', 'line_number'] }),
      e.foreignKeys('fact_orders', ['purchase_date_key'], 'dim_date', ['date_key'], {}, { id: 'fk_date', sampleColumns: ['order_id'] }),
      e.sumsMatch('fact_payments', ['order_id'], ['value'], { table: 'fact_order_items', keyColumns: ['order_id'], sumColumns: ['price', 'freight'] }, '0.01', {
        id: 'payments_match_lines',
        severity: 'warning',
      }),
      e.newestRecent('freshness', 'newest_event_time', 3_600, ['topic'], { id: 'fresh_per_topic', severity: 'warning', cheap: true }),
      e.newestRecent('freshness', 'last_applied_at', 3_600, undefined, { id: 'fresh', severity: 'warning' }),
      e.meanBetween('fact_reviews', 'score', { minValue: 3.5, maxValue: 4.8 }, { id: 'mean', severity: 'warning' }),
      e.valueProportionBetween('fact_orders', 'is_late', true, { maxValue: 0.5 }, {
        id: 'late_share',
        severity: 'warning',
        rowCondition: [{ column: 'is_delivered', op: 'eq', value: true }, { column: 'status', op: 'in', value: ['delivered'] }],
      }),
    ],
  });
}

export interface Defect {
  name: string;
  /** SQL run on the fixture; `{s}` stands for the quoted schema. */
  sql?: string;
  /** Run parameters (the published orders count is 4 unless a defect says otherwise). */
  params?: Record<string, number>;
  /** The only expectation expected to fail. */
  breaks: string;
}

export const DEFECTS: readonly Defect[] = [
  { name: 'a null key', sql: `INSERT INTO {s}.fact_reviews VALUES (NULL, 'o3', 4)`, breaks: 'not_null' },
  { name: 'a duplicate key', sql: `INSERT INTO {s}.dim_product VALUES (13, 'p2', false)`, breaks: 'unique' },
  { name: 'a duplicate compound key', sql: `INSERT INTO {s}.dim_customer VALUES (5, 'u1', 1, false, false, '-infinity', '2023-01-01')`, breaks: 'compound_unique' },
  { name: 'two current versions of a person', sql: `INSERT INTO {s}.dim_customer VALUES (5, 'u2', 2, true, false, '2024-01-03', 'infinity')`, breaks: 'one_current' },
  { name: 'a value out of range', sql: `UPDATE {s}.fact_orders SET gmv = -5 WHERE order_id = 'o3'`, breaks: 'between' },
  { name: 'a value outside the set', sql: `UPDATE {s}.fact_payments SET payment_type = 'pix' WHERE order_id = 'o3' AND sequential = 2`, breaks: 'in_set' },
  { name: 'a zip prefix that lost its leading zero', sql: `UPDATE {s}.dim_seller SET zip_prefix = '1037' WHERE seller_id = 's1'`, breaks: 'regex' },
  { name: 'a too short id', sql: `INSERT INTO {s}.dim_product VALUES (14, 'p', false)`, breaks: 'lengths' },
  { name: 'an empty validity interval', sql: `UPDATE {s}.dim_customer SET valid_to = valid_from WHERE customer_key = 1`, breaks: 'pair' },
  { name: 'too many rows', sql: `INSERT INTO {s}.dim_date SELECT 20240106 + g, date '2024-01-06' + g FROM generate_series(0, 5) g`, breaks: 'row_count_between' },
  { name: 'a row count other than the published one', params: { orders: 5 }, breaks: 'row_count_equal_param' },
  { name: 'a wrong row count against staging', sql: `DELETE FROM {s}.stg_order_placed WHERE order_id = 'o4'`, breaks: 'row_count_equal_other' },
  { name: 'an orphan foreign key', sql: `UPDATE {s}.fact_orders SET customer_key = 999 WHERE order_id = 'o3'`, breaks: 'fk_customer' },
  { name: 'an inferred member above the accepted share', sql: `UPDATE {s}.fact_orders SET customer_key = 4 WHERE order_id = 'o3'`, breaks: 'fk_customer' },
  { name: 'payments not matching lines plus freight', sql: `UPDATE {s}.fact_payments SET value = 60.00 WHERE order_id = 'o2'`, breaks: 'payments_match_lines' },
  { name: 'a stale topic', sql: `UPDATE {s}.freshness SET newest_event_time = now() - interval '3 days' WHERE topic = 'customer.customers'`, breaks: 'fresh_per_topic' },
  { name: 'a warehouse no longer fed', sql: `UPDATE {s}.freshness SET last_applied_at = now() - interval '2 hours'`, breaks: 'fresh' },
  { name: 'a low mean review score', sql: `UPDATE {s}.fact_reviews SET score = 1 WHERE review_id = 'r1'`, breaks: 'mean' },
  { name: 'too many late deliveries', sql: `UPDATE {s}.fact_orders SET is_late = true WHERE order_id = 'o1'`, breaks: 'late_share' },
];

export async function applyDefect(pool: Pool, schema: string, defect: Defect): Promise<void> {
  if (defect.sql) await pool.query(defect.sql.replaceAll('{s}', `"${assertIdentifier(schema, 'schema')}"`));
}
