import { createPool, type Pool } from '@mercado/postgres';
import { createTestDatabase, type TestDatabase, testInfrastructure } from '@mercado/testing';
import { expectations as e } from '../../domain/expectation/expectation.builders';
import { defineSuite, type Suite } from '../../domain/suite/suite';
import { type QualityRun } from '../../domain/run/quality-run';
import { RunQualitySuitesHandler } from '../../application/commands/run-quality-suites/run-quality-suites.handler';
import { applyDefect, createStarFixture, DEFECTS, starFixtureSuite } from '../../testing/star-schema.fixture';
import { PgExpectationExecutor } from './pg-expectation.executor';

let database: TestDatabase;
let pool: Pool;

beforeAll(async () => {
  database = await createTestDatabase(testInfrastructure().databaseUrl, 'quality_kinds');
  pool = createPool(database.url, { max: 2 });
});

afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

/** Runs suites through the real executor (nothing stored). */
function run(suites: Suite[], params: Record<string, number> = { orders: 4 }, statementTimeoutMillis?: number): Promise<QualityRun> {
  const executor = new PgExpectationExecutor(pool, statementTimeoutMillis === undefined ? {} : { statementTimeoutMillis });
  return new RunQualitySuitesHandler({ executor, store: { save: async () => undefined } }).execute({ suites, trigger: 'on-demand', params });
}

function results(quality: QualityRun) {
  return new Map(quality.suites[0]!.results.map((r) => [r.expectationId, r]));
}

describe('expectation kinds compiled to SQL, on a star-schema fixture', () => {
  it('all pass on clean data, with the figures of the data', async () => {
    await createStarFixture(pool, 'clean');
    const suite = starFixtureSuite('clean');
    const byId = results(await run([suite]));
    expect([...byId.values()].filter((r) => r.status !== 'passed').map((r) => `${r.expectationId}: ${r.status} ${r.error ?? JSON.stringify(r.observedValue)}`)).toEqual([]);
    expect(byId.size).toBe(suite.expectations.length);
    expect(byId.get('not_null')).toMatchObject({ elementCount: 3, unexpectedCount: 0, sample: [] });
    expect(byId.get('compound_unique')).toMatchObject({ elementCount: 3, unexpectedCount: 0 });
    expect(byId.get('one_current')).toMatchObject({ elementCount: 2, unexpectedCount: 0 });
    expect(byId.get('row_count_equal_param')!.observedValue).toEqual({ rows: 4, expected: 4 });
    expect(byId.get('row_count_equal_other')!.observedValue).toEqual({ rows: 4, otherRows: 4 });
    expect(byId.get('row_count_between')!.observedValue).toEqual({ rows: 5 });
    expect(byId.get('fk_customer')!.observedValue).toMatchObject({ orphans: 0, inferred: 0 });
    // An inferred member is counted apart, not as an orphan.
    expect(byId.get('fk_product')).toMatchObject({ elementCount: 5, unexpectedCount: 0, observedValue: { orphans: 0, inferred: 1, inferredProportion: 0.2 } });
    // 22.01 paid for 22.00 of lines and freight: within the 0.01 tolerance.
    expect(byId.get('payments_match_lines')).toMatchObject({ elementCount: 4, unexpectedCount: 0 });
    expect(byId.get('fresh_per_topic')).toMatchObject({ elementCount: 2, unexpectedCount: 0 });
    expect(byId.get('fresh')!.observedValue.ageSeconds).toBeGreaterThanOrEqual(60);
    expect(byId.get('mean')!.observedValue.mean).toBe(4);
    expect(byId.get('late_share')).toMatchObject({ elementCount: 3, observedValue: { matching: 1 } });
    expect(byId.get('late_share')!.observedValue.proportion).toBeCloseTo(1 / 3);
  });

  it.each(DEFECTS.map((defect, index) => [defect.name, index] as const))('catches %s, and nothing else fails', async (_name, index) => {
    const defect = DEFECTS[index]!;
    const schema = `defect_${index}`;
    await createStarFixture(pool, schema);
    await applyDefect(pool, schema, defect);
    const quality = await run([starFixtureSuite(schema)], defect.params ?? { orders: 4 });
    const failing = quality.suites[0]!.results.filter((r) => r.status !== 'passed');
    expect(failing.map((r) => [r.expectationId, r.status])).toEqual([[defect.breaks, 'failed']]);
    expect(failing[0]!.error).toBeUndefined();
  });

  it('reports the unexpected rows with their identifying columns, exactly', async () => {
    const sampleOf = async (index: number) => {
      const byId = results(await run([starFixtureSuite(`defect_${index}`)], DEFECTS[index]!.params ?? { orders: 4 }));
      return byId.get(DEFECTS[index]!.breaks)!;
    };
    const index = (name: string) => DEFECTS.findIndex((d) => d.name === name);
    expect(await sampleOf(index('a null key'))).toMatchObject({ elementCount: 4, unexpectedCount: 1, unexpectedPercent: 25, sample: [{ review_id: null, order_id: 'o3' }] });
    expect(await sampleOf(index('a duplicate key'))).toMatchObject({ unexpectedCount: 2, sample: [{ product_id: 'p2', Rows: '2' }] });
    expect(await sampleOf(index('a value out of range'))).toMatchObject({ unexpectedCount: 1, sample: [{ order_id: 'o3', gmv: '-5.00' }] });
    expect(await sampleOf(index('a value outside the set'))).toMatchObject({ sample: [{ order_id: 'o3', sequential: '2', payment_type: 'pix' }] });
    expect(await sampleOf(index('a zip prefix that lost its leading zero'))).toMatchObject({ sample: [{ seller_id: 's1', zip_prefix: '1037' }] });
    expect(await sampleOf(index('an empty validity interval'))).toMatchObject({ sample: [{ customer_key: '1', valid_to: expect.any(String), valid_from: expect.any(String) }] });
    expect(await sampleOf(index('too many rows'))).toMatchObject({ observedValue: { rows: 11 }, unexpectedCount: null, sample: [] });
    expect(await sampleOf(index('a row count other than the published one'))).toMatchObject({ observedValue: { rows: 4, expected: 5 } });
    expect(await sampleOf(index('a wrong row count against staging'))).toMatchObject({ observedValue: { rows: 4, otherRows: 3 } });
    expect(await sampleOf(index('an orphan foreign key'))).toMatchObject({ unexpectedCount: 1, observedValue: { orphans: 1, inferred: 0 }, sample: [{ order_id: 'o3', customer_key: '999' }] });
    expect(await sampleOf(index('an inferred member above the accepted share'))).toMatchObject({ unexpectedCount: 0, observedValue: { orphans: 0, inferred: 1, inferredProportion: 0.25 }, sample: [] });
    expect(await sampleOf(index('payments not matching lines plus freight'))).toMatchObject({
      severity: 'warning',
      unexpectedCount: 1,
      sample: [{ order_id: 'o2', Sum: '60.00', 'Other sum': '55.00', Difference: '5.00' }],
    });
    expect(await sampleOf(index('a stale topic'))).toMatchObject({ unexpectedCount: 1, sample: [{ topic: 'customer.customers', Newest: expect.any(String), 'Age seconds': expect.stringMatching(/^2592\d\d$/) }] });
    expect((await sampleOf(index('a low mean review score'))).observedValue.mean).toBeCloseTo(8 / 3);
    expect((await sampleOf(index('too many late deliveries'))).observedValue.proportion).toBeCloseTo(2 / 3);
  });

  it('keeps at most 20 unexpected rows in a sample while counting them all', async () => {
    await pool.query(`CREATE SCHEMA many; CREATE TABLE many.t (id integer, v integer); INSERT INTO many.t SELECT g, CASE WHEN g % 2 = 0 THEN NULL ELSE g END FROM generate_series(1, 100) g`);
    const suite = defineSuite({ name: 'many', layer: 'raw', schema: 'many', expectations: [e.notNull('t', 'v', { sampleColumns: ['id'] }), e.notNull('t', 'v', { id: 'mostly', mostly: 0.5 })] });
    const byId = results(await run([suite]));
    expect(byId.get('t.v:not_null')).toMatchObject({ elementCount: 100, unexpectedCount: 50, passed: false });
    expect(byId.get('t.v:not_null')!.sample).toHaveLength(20);
    expect(byId.get('t.v:not_null')!.sample.every((row) => row.v === null && Number(row.id) % 2 === 0)).toBe(true);
    expect(byId.get('mostly')).toMatchObject({ unexpectedCount: 50, passed: true });
  });

  it('compares 64-bit keys and exact decimals without rounding', async () => {
    await pool.query(`CREATE SCHEMA wide; CREATE TABLE wide.t (k bigint, amount numeric(20,2));
      INSERT INTO wide.t VALUES (1152921504606846975, 12345678901234567.89), (1152921504606846975, 0.01)`);
    const suite = defineSuite({
      name: 'wide',
      layer: 'raw',
      schema: 'wide',
      expectations: [e.unique('t', 'k'), e.between('t', 'amount', { maxValue: '12345678901234567.88' }, { sampleColumns: ['k'] })],
    });
    const byId = results(await run([suite]));
    expect(byId.get('t.k:unique')!.sample).toEqual([{ k: '1152921504606846975', Rows: '2' }]);
    expect(byId.get('t.amount:between')!.sample).toEqual([{ k: '1152921504606846975', amount: '12345678901234567.89' }]);
  });

  it('sends every value as a parameter: quotes and SQL in values are data', async () => {
    await pool.query(`CREATE SCHEMA quoted; CREATE TABLE quoted.t (name text)`);
    await pool.query(`INSERT INTO quoted.t VALUES ($1), ('plain')`, ["o'brien\"; DROP TABLE quoted.t; --"]);
    const suite = defineSuite({
      name: 'quoted',
      layer: 'raw',
      schema: 'quoted',
      expectations: [
        e.inSet('t', 'name', ["o'brien\"; DROP TABLE quoted.t; --"], { id: 'in_set' }),
        e.notNull('t', 'name', { id: 'filtered', rowCondition: [{ column: 'name', op: 'ne', value: "'; DROP TABLE quoted.t; --" }] }),
        e.matchRegex('t', 'name', "^o'brien", { id: 'regex' }),
      ],
    });
    const byId = results(await run([suite]));
    expect(byId.get('in_set')).toMatchObject({ elementCount: 2, unexpectedCount: 1, sample: [{ name: 'plain' }] });
    expect(byId.get('filtered')).toMatchObject({ elementCount: 2, unexpectedCount: 0 });
    expect(byId.get('regex')).toMatchObject({ unexpectedCount: 1, sample: [{ name: 'plain' }] });
    const { rows } = await pool.query('SELECT count(*)::integer AS n FROM quoted.t');
    expect(rows[0].n).toBe(2);
  });

  it('turns a check that cannot run into an error result and runs the others in the same snapshot', async () => {
    const suite = defineSuite({
      name: 'broken',
      layer: 'fact',
      schema: 'clean',
      expectations: [
        e.notNull('no_such_table', 'x', { id: 'missing_table' }),
        e.matchRegex('fact_orders', 'status', '(unclosed', { id: 'bad_regex' }),
        e.rowCountEqualOtherTable('fact_orders', 'stg_order_placed', {}, { id: 'still_runs' }),
      ],
    });
    const byId = results(await run([suite]));
    expect(byId.get('missing_table')).toMatchObject({ status: 'error', error: 'relation "clean.no_such_table" does not exist' });
    expect(byId.get('bad_regex')).toMatchObject({ status: 'error', error: expect.stringMatching(/regular expression/) });
    expect(byId.get('still_runs')).toMatchObject({ status: 'passed' });
  });

  it('stops a check at the statement timeout', async () => {
    await pool.query(`CREATE SCHEMA slow; CREATE TABLE slow.t AS SELECT g AS id FROM generate_series(1, 300000) g`);
    const suite = defineSuite({ name: 'slow', layer: 'raw', schema: 'slow', expectations: [e.unique('t', 'id')] });
    const byId = results(await run([suite], {}, 2));
    expect(byId.get('t.id:unique')).toMatchObject({ status: 'error', error: 'canceling statement due to statement timeout' });
    await expect(run([suite], {}, -1)).rejects.toThrow(/statementTimeoutMillis must be a positive integer/);
  });
});
