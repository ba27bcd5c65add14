import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OlistHeaderError } from '../olist';
import { createPool, type Pool } from '@mercado/postgres';
import { createTestDatabase, testInfrastructure, type TestDatabase } from '@mercado/testing';
import { compareMarts, formatReport } from './compare-marts';
import { computeOracleMarts } from './compute-oracle-marts';
import { loadRawOlist, OracleInputError, type OracleLoadResult } from './load-raw-olist';

/*
 * fixtures/tiny, by hand (ids shortened: O1 = order …0001, S1 = seller 5e…01, P1 = person b0…01):
 *   O1  account ca1 (P1)  delivered   2017-03-01 10:00  carrier 03-02 10:00  delivered 03-05 10:00  est. 03-10 (on time)
 *       lines: 1 S1 100.00 + 10.00 (limit 03-03 10:00, handed on time), 2 S2 50.50 + 5.25 (limit 03-01 23:00, late)
 *       payments 165.75 credit card and 0.00 voucher; review R1 score 5
 *   O2  account cb1 (P2)  delivered   2017-02-15 12:00 (summer time, UTC−2)  carrier 02-17 12:00
 *       delivered 02-26 18:00 (UTC−3)  est. 02-25 (late): 11 days 7 hours = 975 600 s
 *       line 1 S1 200.00 + 20.00 (limit 02-16 12:00, handed late); payment 220.00 boleto; review R2 score 1 (multi-line)
 *   O3  account cc1 (P3)  canceled    2017-03-01 15:00; line S2 30.00 + 3.00; payment 33.00; review R3 score 2
 *   O4  account ca2 (P1, repeat buyer)  unavailable  2017-03-02 09:00; line S1 40.00 + 4.00; no payment
 *   O5  account cd1 (no customer row)   shipped      2017-03-02 11:00  carrier 03-03 11:00
 *       line S2 60.00 + 6.00 (limit 03-04 11:00, on time); payment 66.00; review R5 score 3
 *   O6  status "lost": rejected; its line (S2 70.00) is then an orphan.
 *   O9  not in the orders file: its line (S1 999.00), payment (1098.00) and review R4 are orphans.
 *   customers: a second row for ca1 (another person) is a duplicate key: rejected.
 *   product PB (lines of S2) is missing from the products file: no effect.
 *   geolocation: 01001 (S1) has samples (-23.55, -46.63), (-23.56, -46.64) and one in Portugal (ignored) →
 *   median (-23.555, -46.635); 01310 (-23.56, -46.65); 30110 (-19.92, -43.94); 20040 (S2, RJ) unused.
 *   Distances (haversine, R = 6371.0088 km): 01001→01310 1.627 km, 01001→30110 490.732 km.
 */
const TINY = join(__dirname, 'fixtures', 'tiny');
const S1 = '5e000000000000000000000000000001';
const S2 = '5e000000000000000000000000000002';

describe('the oracle over a hand-made fixture', () => {
  let database: TestDatabase;
  let pool: Pool;
  let load: OracleLoadResult;
  const schema = 'oracle_tiny';

  beforeAll(async () => {
    database = await createTestDatabase(testInfrastructure().databaseUrl, 'oracle_tiny');
    pool = createPool(database.url, { max: 4 });
    load = await loadRawOlist(pool, TINY, schema);
    await computeOracleMarts(pool, schema);
  });

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  async function rows(sql: string): Promise<Record<string, unknown>[]> {
    return (await pool.query(sql)).rows;
  }

  it('rejects the bad status and the duplicate customer, with file, line, column, value and reason', async () => {
    expect(load.rejects).toBe(2);
    expect(await rows(`SELECT file, line, column_name, value, reason FROM ${schema}.oracle_rejects ORDER BY file`)).toEqual([
      {
        file: 'olist_customers_dataset.csv',
        line: 6,
        column_name: 'customer_id',
        value: 'c0000000000000000000000000000a01',
        reason: 'duplicate customer_id: repeats the key of line 2',
      },
      {
        file: 'olist_orders_dataset.csv',
        line: 7,
        column_name: 'order_status',
        value: 'lost',
        reason: 'unknown order status: expected one of created, approved, invoiced, processing, shipped, delivered, canceled, unavailable',
      },
    ]);
  });

  it('mart_executive_dashboard: every row as computed by hand', async () => {
    expect(
      await rows(`SELECT purchase_date_key, purchase_date::text, orders, canceled_orders, kept_orders, gmv::text, freight::text,
                         payments::text, aov::text, new_customers, delivered_orders, late_orders, on_time_rate::text,
                         delivery_seconds::text, avg_delivery_days::text, review_count, review_score_sum, avg_review_score::text
                  FROM ${schema}.mart_executive_dashboard ORDER BY purchase_date_key`),
    ).toEqual([
      {
        // O2 alone: late, delivered across the end of summer time.
        purchase_date_key: 20170215, purchase_date: '2017-02-15', orders: 1, canceled_orders: 0, kept_orders: 1,
        gmv: '200.00', freight: '20.00', payments: '220.00', aov: '200.00', new_customers: 1,
        delivered_orders: 1, late_orders: 1, on_time_rate: '0.0000', delivery_seconds: '975600.000000',
        avg_delivery_days: '11.2917', review_count: 1, review_score_sum: 1, avg_review_score: '1.0000',
      },
      {
        // O1 (kept, on time) and O3 (canceled: out of money, in orders, its review counts); P1 and P3 are new.
        purchase_date_key: 20170301, purchase_date: '2017-03-01', orders: 2, canceled_orders: 1, kept_orders: 1,
        gmv: '150.50', freight: '15.25', payments: '165.75', aov: '150.50', new_customers: 2,
        delivered_orders: 1, late_orders: 0, on_time_rate: '1.0000', delivery_seconds: '345600.000000',
        avg_delivery_days: '4.0000', review_count: 2, review_score_sum: 7, avg_review_score: '3.5000',
      },
      {
        // O4 (unavailable, P1's second order: not new) and O5 (no customer row: no person, not new).
        purchase_date_key: 20170302, purchase_date: '2017-03-02', orders: 2, canceled_orders: 1, kept_orders: 1,
        gmv: '60.00', freight: '6.00', payments: '66.00', aov: '60.00', new_customers: 0,
        delivered_orders: 0, late_orders: 0, on_time_rate: null, delivery_seconds: '0.000000',
        avg_delivery_days: null, review_count: 1, review_score_sum: 3, avg_review_score: '3.0000',
      },
    ]);
  });

  it('mart_seller_performance: every row as computed by hand', async () => {
    expect(
      await rows(`SELECT seller_id, month_key, orders, canceled_orders, lines, revenue::text, freight::text, review_count,
                         review_score_sum, avg_review_score::text, delivered_orders, late_orders, late_delivery_rate::text,
                         handoff_orders, handoff_seconds::text, avg_handoff_hours::text, handoff_lines, late_handoff_lines,
                         late_handoff_share::text
                  FROM ${schema}.mart_seller_performance ORDER BY seller_id, month_key`),
    ).toEqual([
      {
        // O2: handed over 48 h after purchase, a day after the line's limit.
        seller_id: S1, month_key: 201702, orders: 1, canceled_orders: 0, lines: 1, revenue: '200.00', freight: '20.00',
        review_count: 1, review_score_sum: 1, avg_review_score: '1.0000', delivered_orders: 1, late_orders: 1,
        late_delivery_rate: '1.0000', handoff_orders: 1, handoff_seconds: '172800.000000', avg_handoff_hours: '48.0000',
        handoff_lines: 1, late_handoff_lines: 1, late_handoff_share: '1.0000',
      },
      {
        // O1 line 1 and O4 (unavailable: counted, no revenue, never handed over). O9's orphan line: nowhere.
        seller_id: S1, month_key: 201703, orders: 2, canceled_orders: 1, lines: 2, revenue: '100.00', freight: '10.00',
        review_count: 1, review_score_sum: 5, avg_review_score: '5.0000', delivered_orders: 1, late_orders: 0,
        late_delivery_rate: '0.0000', handoff_orders: 1, handoff_seconds: '86400.000000', avg_handoff_hours: '24.0000',
        handoff_lines: 1, late_handoff_lines: 0, late_handoff_share: '0.0000',
      },
      {
        // O1 line 2 (handed late), O3 (canceled), O5 (no customer row, handed on time). O6's line: nowhere.
        seller_id: S2, month_key: 201703, orders: 3, canceled_orders: 1, lines: 3, revenue: '110.50', freight: '11.25',
        review_count: 3, review_score_sum: 10, avg_review_score: '3.3333', delivered_orders: 1, late_orders: 0,
        late_delivery_rate: '0.0000', handoff_orders: 2, handoff_seconds: '172800.000000', avg_handoff_hours: '24.0000',
        handoff_lines: 2, late_handoff_lines: 1, late_handoff_share: '0.5000',
      },
    ]);
  });

  it('mart_delivery_performance: every row as computed by hand (seller of line 1, Portugal sample ignored)', async () => {
    expect(
      await rows(`SELECT seller_state, customer_state, month_key, deliveries, delivery_seconds::text, avg_delivery_days::text,
                         late_deliveries, late_rate::text, distance_deliveries, distance_km_sum::text, avg_distance_km::text
                  FROM ${schema}.mart_delivery_performance ORDER BY month_key, customer_state`),
    ).toEqual([
      {
        seller_state: 'SP', customer_state: 'MG', month_key: 201702, deliveries: 1, delivery_seconds: '975600.000000',
        avg_delivery_days: '11.2917', late_deliveries: 1, late_rate: '1.0000', distance_deliveries: 1,
        distance_km_sum: '490.732', avg_distance_km: '490.7320',
      },
      {
        seller_state: 'SP', customer_state: 'SP', month_key: 201703, deliveries: 1, delivery_seconds: '345600.000000',
        avg_delivery_days: '4.0000', late_deliveries: 0, late_rate: '0.0000', distance_deliveries: 1,
        distance_km_sum: '1.627', avg_distance_km: '1.6270',
      },
    ]);
  });

  it('reads a local time repeated at the end of summer time as the earlier instant, like the sales service', async () => {
    const [utc] = await rows(`SELECT to_char(${schema}.sp_instant('2017-02-18 23:30:00') AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS repeated,
                                     to_char(${schema}.sp_instant('2017-10-15 00:30:00') AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS skipped,
                                     to_char(${schema}.sp_instant('2017-03-01 10:00:00') AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS plain`);
    expect(utc).toEqual({ repeated: '2017-02-19 01:30', skipped: '2017-10-15 03:30', plain: '2017-03-01 13:00' });
  });

  it('refuses a directory without the nine files, naming the missing ones', async () => {
    await expect(loadRawOlist(pool, join(TINY, '..'), 'oracle_none')).rejects.toThrow(OracleInputError);
    await expect(loadRawOlist(pool, join(TINY, '..'), 'oracle_none')).rejects.toThrow(/olist_orders_dataset\.csv/);
    await expect(loadRawOlist(pool, TINY, 'Bad-Name')).rejects.toThrow(/not a plain schema name/);
  });

  it('refuses a file with a foreign header and leaves no schema behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oracle-header-'));
    try {
      cpSync(TINY, dir, { recursive: true });
      writeFileSync(join(dir, 'olist_sellers_dataset.csv'), 'seller,zip,city,state\n');
      await expect(loadRawOlist(pool, dir, 'oracle_refused')).rejects.toBeInstanceOf(OlistHeaderError);
      const { rows: schemas } = await pool.query(`SELECT 1 FROM pg_namespace WHERE nspname = 'oracle_refused'`);
      expect(schemas).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('compareMarts', () => {
    const warehouse = 'dw_copy';

    beforeAll(async () => {
      // A stand-in for the warehouse's schema: copies of the oracle's marts, then altered per test.
      await pool.query(`CREATE SCHEMA ${warehouse}`);
      for (const mart of ['mart_executive_dashboard', 'mart_seller_performance', 'mart_delivery_performance']) {
        await pool.query(`CREATE TABLE ${warehouse}.${mart} AS SELECT * FROM ${schema}.${mart}`);
      }
    });

    it('reports no difference between identical tables', async () => {
      const report = await compareMarts(pool, { oracleSchema: schema, warehouseSchema: warehouse });
      expect(report.equal).toBe(true);
      expect(report.marts.map((m) => [m.mart, m.oracleRows, m.warehouseRows, m.differences.length])).toEqual([
        ['mart_executive_dashboard', 3, 3, 0],
        ['mart_seller_performance', 3, 3, 0],
        ['mart_delivery_performance', 2, 2, 0],
      ]);
      expect(formatReport(report)).toContain('Result: the warehouse agrees with the oracle.');
    });

    it('names the key, the column and both values of an injected difference, and missing and extra rows', async () => {
      await pool.query(`UPDATE ${warehouse}.mart_executive_dashboard SET gmv = gmv + 0.01 WHERE purchase_date_key = 20170301`);
      await pool.query(`UPDATE ${warehouse}.mart_seller_performance SET avg_review_score = NULL WHERE seller_id = '${S2}'`);
      await pool.query(`DELETE FROM ${warehouse}.mart_delivery_performance WHERE month_key = 201702`);
      await pool.query(
        `INSERT INTO ${warehouse}.mart_delivery_performance SELECT 'RJ', customer_state, month_key, deliveries, delivery_seconds,
           avg_delivery_days, late_deliveries, late_rate, distance_deliveries, distance_km_sum, avg_distance_km
         FROM ${warehouse}.mart_delivery_performance WHERE month_key = 201703`,
      );
      const report = await compareMarts(pool, { oracleSchema: schema, warehouseSchema: warehouse });
      expect(report.equal).toBe(false);
      const [executive, seller, delivery] = report.marts;
      expect(executive!.differences).toEqual([
        { key: { purchase_date_key: '20170301' }, column: 'gmv', oracle: '150.50', warehouse: '150.51' },
      ]);
      expect(seller!.differences).toEqual([
        { key: { seller_id: S2, month_key: '201703' }, column: 'avg_review_score', oracle: '3.3333', warehouse: null },
      ]);
      expect(delivery!.missingInWarehouse).toEqual([{ seller_state: 'SP', customer_state: 'MG', month_key: '201702' }]);
      expect(delivery!.extraInWarehouse).toEqual([{ seller_state: 'RJ', customer_state: 'SP', month_key: '201703' }]);
      const text = formatReport(report);
      expect(text).toContain('differs  purchase_date_key=20170301  gmv: oracle 150.50, warehouse 150.51');
      expect(text).toContain(`differs  seller_id=${S2} month_key=201703  avg_review_score: oracle 3.3333, warehouse null`);
      expect(text).toContain('missing in warehouse  seller_state=SP customer_state=MG month_key=201702');
      expect(text).toContain('extra in warehouse    seller_state=RJ customer_state=SP month_key=201703');
      expect(text).toContain('Result: 4 discrepancies.');
    });

    it('accepts a measure within the tolerance, never money, and says when a warehouse table is missing', async () => {
      await pool.query(`UPDATE ${warehouse}.mart_seller_performance SET avg_review_score = 3.3334 WHERE seller_id = '${S2}'`);
      const strict = await compareMarts(pool, { oracleSchema: schema, warehouseSchema: warehouse });
      expect(strict.marts[1]!.differences).toEqual([
        { key: { seller_id: S2, month_key: '201703' }, column: 'avg_review_score', oracle: '3.3333', warehouse: '3.3334' },
      ]);
      const lenient = await compareMarts(pool, { oracleSchema: schema, warehouseSchema: warehouse, tolerance: 1e-4 });
      expect(lenient.marts[1]!.differences).toEqual([]);
      expect(lenient.marts[0]!.differences.map((d) => d.column)).toEqual(['gmv']);
      await pool.query(`DROP TABLE ${warehouse}.mart_delivery_performance`);
      const partial = await compareMarts(pool, { oracleSchema: schema, warehouseSchema: warehouse, tolerance: 1e-4 });
      expect(partial.marts[2]!.missingTable).toBe('warehouse');
      expect(formatReport(partial)).toContain('mart_delivery_performance: not compared, the warehouse table is missing');
      await expect(compareMarts(pool, { oracleSchema: schema, warehouseSchema: warehouse, tolerance: -1 })).rejects.toThrow(RangeError);
    });
  });
});
