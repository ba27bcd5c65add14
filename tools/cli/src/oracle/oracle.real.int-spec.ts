import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { createPool, type Pool } from '@mercado/postgres';
import { createTestDatabase, testInfrastructure, type TestDatabase } from '@mercado/testing';
import { computeOracleMarts } from './compute-oracle-marts';
import { loadRawOlist, type OracleLoadResult } from './load-raw-olist';

// The dataset's own rows: complete sellers, products and translations, heads of the other files (which join
// only partly: lines, payments and reviews of orders past the head, orders whose customer is past it...).
const REAL = '/work/shared/olist/real';

/** The file's records as objects keyed by header, parsed by plain csv-parse (neither the reader nor the oracle). */
function records(file: string): Record<string, string>[] {
  return parse(readFileSync(join(REAL, file)), { bom: true, columns: true }) as Record<string, string>[];
}

const cents = (value: string) => Math.round(Number(value) * 100);
const money = (value: number) => (value / 100).toFixed(2);

interface Day {
  orders: number;
  canceled: number;
  gmv: number;
  freight: number;
  payments: number;
  delivered: number;
  late: number;
  newCustomers: number;
  reviews: number;
  scoreSum: number;
}

/** The executive figures per purchase date by a small TypeScript reduction over the CSV files. */
function expectedDays(): Map<string, Day> {
  const orders = records('olist_orders_dataset.head.csv');
  const byOrder = new Map(orders.map((order) => [order.order_id!, order]));
  const persons = new Map(records('olist_customers_dataset.head.csv').map((c) => [c.customer_id!, c.customer_unique_id!]));
  const days = new Map<string, Day>();
  const day = (date: string) => {
    if (!days.has(date))
      days.set(date, { orders: 0, canceled: 0, gmv: 0, freight: 0, payments: 0, delivered: 0, late: 0, newCustomers: 0, reviews: 0, scoreSum: 0 });
    return days.get(date)!;
  };
  const kept = (order: Record<string, string>) => !['canceled', 'unavailable'].includes(order.order_status!);
  const firstDate = new Map<string, string>();
  for (const order of orders) {
    const date = order.order_purchase_timestamp!.slice(0, 10);
    const d = day(date);
    d.orders++;
    if (!kept(order)) d.canceled++;
    if (order.order_status === 'delivered' && order.order_delivered_customer_date) {
      d.delivered++;
      if (order.order_delivered_customer_date.slice(0, 10) > order.order_estimated_delivery_date!.slice(0, 10)) d.late++;
    }
    const person = persons.get(order.customer_id!);
    if (person !== undefined && !(firstDate.get(person)! <= date)) firstDate.set(person, date);
  }
  for (const date of firstDate.values()) day(date).newCustomers++;
  for (const line of records('olist_order_items_dataset.head.csv')) {
    const order = byOrder.get(line.order_id!);
    if (order === undefined || !kept(order)) continue;
    const d = day(order.order_purchase_timestamp!.slice(0, 10));
    d.gmv += cents(line.price!);
    d.freight += cents(line.freight_value!);
  }
  for (const payment of records('olist_order_payments_dataset.head.csv')) {
    const order = byOrder.get(payment.order_id!);
    if (order === undefined || !kept(order)) continue;
    day(order.order_purchase_timestamp!.slice(0, 10)).payments += cents(payment.payment_value!);
  }
  for (const review of records('olist_order_reviews_dataset.head.csv')) {
    const order = byOrder.get(review.order_id!);
    if (order === undefined) continue;
    const d = day(order.order_purchase_timestamp!.slice(0, 10));
    d.reviews++;
    d.scoreSum += Number(review.review_score);
  }
  return days;
}

describe('the oracle over the real Olist files', () => {
  let database: TestDatabase;
  let pool: Pool;
  let load: OracleLoadResult;

  beforeAll(async () => {
    database = await createTestDatabase(testInfrastructure().databaseUrl, 'oracle_real');
    pool = createPool(database.url, { max: 4 });
    load = await loadRawOlist(pool, REAL, 'oracle_real');
    await computeOracleMarts(pool, 'oracle_real');
  });

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  it('stages every record of the nine files and rejects none (the reader accepts them all too)', () => {
    expect(load.files.map((f) => [f.file, f.staged, f.rejected])).toEqual([
      ['olist_customers_dataset.head.csv', 200, 0],
      ['olist_orders_dataset.head.csv', 4_071, 0],
      ['olist_order_items_dataset.head.csv', 5_154, 0],
      ['olist_order_payments_dataset.head.csv', 4_733, 0],
      ['olist_order_reviews_dataset.head.csv', 6_123, 0],
      ['olist_products_dataset.csv', 32_951, 0],
      ['olist_sellers_dataset.csv', 3_095, 0],
      ['olist_geolocation_dataset.head.csv', 88, 0],
      ['product_category_name_translation.csv', 71, 0],
    ]);
    expect(load.rejects).toBe(0);
  });

  it('keeps zip prefixes with their leading zeros and the translation file without its BOM', async () => {
    const { rows } = await pool.query(
      `SELECT (SELECT count(*) FROM oracle_real.sellers WHERE zip_prefix LIKE '0%')::int AS zero_zips,
              (SELECT min(category_name) FROM oracle_real.category_translation) AS first_category`,
    );
    expect(rows[0].zero_zips).toBeGreaterThan(0);
    expect(rows[0].first_category).toBe('agro_industria_e_comercio');
  });

  it('agrees with a TypeScript reduction of the CSV on every day of mart_executive_dashboard', async () => {
    const expected = expectedDays();
    const { rows } = await pool.query(
      `SELECT purchase_date::text AS date, orders, canceled_orders, gmv::text, freight::text, payments::text,
              delivered_orders, late_orders, new_customers, review_count, review_score_sum
       FROM oracle_real.mart_executive_dashboard ORDER BY purchase_date`,
    );
    expect(rows.map((r) => r.date)).toEqual([...expected.keys()].sort());
    const actual = rows.map((r) => [r.date, r.orders, r.canceled_orders, r.gmv, r.freight, r.payments, r.delivered_orders, r.late_orders, r.new_customers, r.review_count, r.review_score_sum]);
    const wanted = rows.map((r) => {
      const d = expected.get(r.date)!;
      return [r.date, d.orders, d.canceled, money(d.gmv), money(d.freight), money(d.payments), d.delivered, d.late, d.newCustomers, d.reviews, d.scoreSum];
    });
    expect(actual).toEqual(wanted);
    // The head is a sample: make sure the comparison is not vacuous.
    const totals = [...expected.values()].reduce((sum, d) => [sum[0]! + d.orders, sum[1]! + d.gmv, sum[2]! + d.newCustomers], [0, 0, 0]);
    expect(totals[0]).toBe(4_071);
    expect(totals[1]).toBeGreaterThan(0);
    expect(totals[2]).toBeGreaterThan(0);
  });

  it('holds orphans as the rules say: lines of orders past the head count nowhere', async () => {
    const { rows } = await pool.query(`
      SELECT (SELECT count(*) FROM oracle_real.order_items i WHERE NOT EXISTS (SELECT 1 FROM oracle_real.orders o WHERE o.order_id = i.order_id))::int AS orphan_lines,
             (SELECT count(*) FROM oracle_real.orders o WHERE NOT EXISTS (SELECT 1 FROM oracle_real.customers c WHERE c.customer_id = o.customer_id))::int AS orders_without_customer,
             (SELECT sum(lines) FROM oracle_real.mart_seller_performance)::int AS seller_lines,
             (SELECT count(*) FROM oracle_real.order_items i JOIN oracle_real.orders o USING (order_id))::int AS joined_lines,
             (SELECT sum(orders) FROM oracle_real.mart_executive_dashboard)::int AS orders`);
    expect(rows[0].orphan_lines).toBeGreaterThan(0);
    expect(rows[0].orders_without_customer).toBeGreaterThan(0);
    expect(rows[0].seller_lines).toBe(rows[0].joined_lines);
    expect(rows[0].orders).toBe(4_071);
  });
});
