/**
 * How long the warehouse suites take on an Olist-sized warehouse: the warehouse's own DDL (read from
 * services/warehouse), filled with synthetic rows at the real dataset's counts (99,441 orders,
 * 112,650 lines, 103,886 payments, 99,224 reviews, ...), then the full suites (schedule) and the cheap
 * subset (batch), several times each. Prints figures; asserts nothing.
 *
 *   pnpm --filter @mercado/quality bench [-- --runs 3]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPool } from '@mercado/postgres';
import { createTestDatabase } from '@mercado/testing';
import { ensureQualitySchema, type QualityRun, QualityRunner, warehouseSuites } from '../src';

// Compiled to bench/dist/bench/: five levels up is the repository root.
const MIGRATIONS = join(__dirname, '../../../../../services/warehouse/src/infrastructure/sql/migrations');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;

function templateSql(file: string): string {
  const match = /_SQL = `([\s\S]*?)`;/.exec(readFileSync(join(MIGRATIONS, file), 'utf8'));
  if (!match) throw new Error(`no SQL template literal in ${file}`);
  return match[1]!;
}

const ORDERS = 99_441;
const FILL = `
INSERT INTO dw.dim_date (date_key, date, year, quarter, month, month_name, month_name_pt, iso_year, iso_week, day_of_week, day_name, is_weekend, is_holiday, is_optional_holiday)
SELECT to_char(d, 'YYYYMMDD')::integer, d, extract(year FROM d), extract(quarter FROM d), extract(month FROM d), to_char(d, 'FMMonth'), to_char(d, 'FMMonth'),
  extract(isoyear FROM d), extract(week FROM d), extract(isodow FROM d), to_char(d, 'FMDay'), extract(isodow FROM d) >= 6, false, false
FROM generate_series(date '2016-01-01', date '2030-12-31', interval '1 day') AS s(t), LATERAL (SELECT t::date AS d) x;

INSERT INTO dw.dim_customer (customer_key, customer_unique_id, version, valid_from, valid_to, is_current, is_inferred, zip_prefix, city, state, segment, recency_score, frequency_score, monetary_score)
SELECT g, md5('u' || g), 1, '-infinity', 'infinity', true, false, lpad((g % 99999)::text, 5, '0'), 'sao paulo', 'SP', 'loyal', 1 + g % 5, 1 + g % 5, 1 + g % 5
FROM generate_series(1, 96000) g;
INSERT INTO dw.dim_customer (customer_key, inferred_account_id, version, valid_from, valid_to, is_current, is_inferred)
SELECT 1000000 + g, md5('c' || g), 1, '-infinity', 'infinity', true, true FROM generate_series(1, 3000) g;
INSERT INTO dw.customer_account SELECT md5('c' || g), md5('u' || (1 + g % 96000)), '01037', 'sao paulo', 'SP', gen_random_uuid(), now() FROM generate_series(1, ${ORDERS}) g;
INSERT INTO dw.dim_product (product_key, product_id, category_name, category_name_en, translation_missing, weight_g, photos_qty, length_cm, height_cm, width_cm, is_inferred)
SELECT g, md5('p' || g), 'beleza_saude', 'health_beauty', false, g % 30000, g % 10, 20, 10, 15, g % 100 = 0 FROM generate_series(1, 32951) g;
INSERT INTO dw.dim_seller SELECT g, md5('s' || g), lpad((g % 99999)::text, 5, '0'), 'Sao Paulo', 'sao paulo', 'SP', false FROM generate_series(1, 3095) g;
INSERT INTO dw.dim_geolocation SELECT lpad(g::text, 5, '0'), -23.5, -46.6, 'sao paulo', 'SP', 50, 0 FROM generate_series(1, 19015) g;

INSERT INTO dw.stg_order_placed SELECT md5('o' || g), md5('c' || g), timestamptz '2017-01-01' + g * interval '5 minutes', true, '{}', '[]', gen_random_uuid(), now() FROM generate_series(1, ${ORDERS}) g;
INSERT INTO dw.stg_payment SELECT md5('o' || (1 + g % ${ORDERS})), 1 + g / ${ORDERS}, 'credit_card', 1, 10000, '{}', gen_random_uuid(), now() FROM generate_series(1, 103886) g;
INSERT INTO dw.stg_review (review_id, order_id, score, created_at, event_id, event_time) SELECT md5('r' || g), md5('o' || g), 1 + g % 5, now(), gen_random_uuid(), now() FROM generate_series(1, 99224) g;
INSERT INTO dw.stg_shipment (order_id, anomalies) SELECT md5('o' || g), '{}' FROM generate_series(1, 96000) g;
INSERT INTO dw.stg_product (product_id, translation_missing, anomalies, event_id, event_time) SELECT md5('p' || g), false, '{}', gen_random_uuid(), now() FROM generate_series(1, 32951) g;
INSERT INTO dw.stg_seller SELECT md5('s' || g), '01037', 'sao paulo', 'sao paulo', 'SP', '{}', gen_random_uuid(), now() FROM generate_series(1, 3095) g;

INSERT INTO dw.fact_orders (order_id, customer_key, customer_id, buyer_key, status, is_kept, purchased_at, delivered_at, estimated_delivery_date, purchase_date_key, purchase_month,
  items_count, gmv, freight, payments_total, payments_count, is_delivered, is_late, imported, anomalies)
SELECT md5('o' || g), 1 + g % 96000, md5('c' || g), md5('u' || (1 + g % 96000)), 'delivered', true, p, p + interval '8 days', (p + interval '10 days')::date,
  to_char(p, 'YYYYMMDD')::integer, to_char(p, 'YYYYMM')::integer, 1, 90.00, 10.00, 100.00, 1, true, g % 12 = 0, true, '{}'
FROM generate_series(1, ${ORDERS}) g, LATERAL (SELECT timestamptz '2017-01-01' + g * interval '5 minutes' AS p) x;
INSERT INTO dw.fact_order_items SELECT md5('o' || o), l, 1 + g % 32951, 1 + g % 3095, md5('p' || (1 + g % 32951)), md5('s' || (1 + g % 3095)), d, d / 100, now(), 90.00, 10.00, true, NULL, NULL
FROM generate_series(1, 112650) g, LATERAL (SELECT 1 + g % ${ORDERS} AS o, 1 + g / ${ORDERS} AS l) a,
  LATERAL (SELECT to_char(timestamptz '2017-01-01' + o * interval '5 minutes', 'YYYYMMDD')::integer AS d) b;
INSERT INTO dw.fact_payments SELECT md5('o' || (1 + g % ${ORDERS})), 1 + g / ${ORDERS}, 'credit_card', 1, 100.00, 20170101, '{}' FROM generate_series(1, 103886) g;
INSERT INTO dw.fact_deliveries (order_id, customer_key, seller_key, seller_id, seller_count, purchase_date_key, purchase_month, days_late, is_on_time, distance_km, anomalies)
SELECT md5('o' || g), 1 + g % 96000, 1 + g % 3095, md5('s' || (1 + g % 3095)), 1, 20170101, 201701, g % 20 - 15, g % 20 - 15 <= 0, 400, '{}' FROM generate_series(1, 96000) g;
INSERT INTO dw.fact_reviews (review_id, order_id, score, created_at, purchase_date_key) SELECT md5('r' || g), md5('o' || g), 1 + (g % 7) % 5, now(), 20170101 FROM generate_series(1, 99224) g;
INSERT INTO dw.customer_summary (buyer_key, orders, kept_orders, revenue, first_purchase_date_key) SELECT md5('u' || g), 1, 1, 90.00, 20170101 FROM generate_series(1, 96000) g;

INSERT INTO dw.mart_executive_dashboard (purchase_date_key, purchase_date, orders, canceled_orders, kept_orders, gmv, freight, payments, new_customers, delivered_orders, late_orders,
  delivery_seconds, review_count, review_score_sum)
SELECT to_char(d, 'YYYYMMDD')::integer, d, 288, 0, 288, 25920, 2880, 28800, 280, 288, 24, 0, 280, 1100
FROM generate_series(date '2017-01-01', date '2018-12-31', interval '1 day') AS s(t), LATERAL (SELECT t::date AS d) x;
INSERT INTO dw.mart_seller_performance (seller_id, month_key, seller_key, orders, canceled_orders, lines, revenue, freight, review_count, review_score_sum, delivered_orders, late_orders,
  handoff_orders, handoff_seconds, handoff_lines, late_handoff_lines)
SELECT md5('s' || s), 201701 + m, s, 5, 0, 5, 450, 50, 5, 20, 5, 0, 5, 0, 5, 0 FROM generate_series(1, 3095) s, generate_series(0, 5) m;
INSERT INTO dw.mart_customer_segments (segment, customers, orders, revenue, recency_customers, recency_days_sum) VALUES ('loyal', 96000, 99441, 8949690, 96000, 0);
INSERT INTO dw.mart_delivery_performance (seller_state, customer_state, month_key, deliveries, delivery_seconds, late_deliveries, distance_deliveries, distance_km_sum)
SELECT 'SP', 'RJ', 201701 + m, 1000, 0, 80, 1000, 400000 FROM generate_series(0, 11) m;
INSERT INTO dw_meta.freshness VALUES ('sales.orders', now(), now(), ${ORDERS}, 1.5);
ANALYZE;
`;

function slowest(run: QualityRun, count: number): string[] {
  return run.suites
    .flatMap((s) => s.results.map((r) => ({ id: `${s.suite}/${r.expectationId}`, ms: r.durationMs ?? 0 })))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count)
    .map((r) => `${r.id} ${r.ms} ms`);
}

async function main(): Promise<void> {
  const database = await createTestDatabase(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', 'quality_bench');
  const pool = createPool(database.url, { max: 2 });
  try {
    await pool.query(templateSql('000-meta.ts'));
    await pool.query('CREATE SCHEMA dw');
    await pool.query(templateSql('001-star-schema.ts').replaceAll('{dw}', '"dw"'));
    await ensureQualitySchema(pool);
    let started = Date.now();
    await pool.query(FILL);
    console.log(`fill: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const suites = warehouseSuites();
    const expectations = suites.reduce((n, s) => n + s.expectations.length, 0);
    const cheap = suites.reduce((n, s) => n + s.expectations.filter((x) => x.cheap).length, 0);
    for (const trigger of ['schedule', 'batch'] as const) {
      const times: number[] = [];
      let last: QualityRun | undefined;
      for (let i = 0; i < RUNS; i++) {
        started = Date.now();
        last = await QualityRunner.run(pool, suites, { trigger, params: { orders: ORDERS } });
        times.push(Date.now() - started);
      }
      const best = Math.min(...times);
      console.log(
        `${trigger}: ${trigger === 'batch' ? cheap : expectations} expectations, best ${best} ms, worst ${Math.max(...times)} ms (${RUNS} runs); score ${last!.score.value.toFixed(4)}, ` +
          `failing: ${last!.score.failing.map((f) => `${f.suite}/${f.expectationId}`).join(', ') || 'none'}`,
      );
      console.log(`  slowest: ${slowest(last!, 5).join('; ')}`);
    }
  } finally {
    await pool.end();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
