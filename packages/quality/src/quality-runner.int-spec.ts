import { createPool, type Pool } from '@mercado/postgres';
import { createTestDatabase, type TestDatabase, testInfrastructure } from '@mercado/testing';
import { Registry } from 'prom-client';
import { assertQualityGate, QualityGateError } from './domain/gate/quality-gate';
import { renderDataDocs } from './interface/data-docs/data-docs.renderer';
import { attributeValues, htmlProblems } from './interface/testing/html-structure.test-double';
import { applyDefect, createStarFixture, DEFECTS, starFixtureSuite } from './testing/star-schema.fixture';
import { registerQualityMetrics } from './infrastructure/metrics/quality-score.gauge';
import { loadDataDocsModel, QualityRunner } from './infrastructure/quality-runner';
import { PgQualityQueries } from './infrastructure/sql/pg-quality.queries';
import { ensureQualitySchema } from './infrastructure/sql/quality-schema';

let database: TestDatabase;
let pool: Pool;
let queries: PgQualityQueries;
const clean = starFixtureSuite('dw', 'facts');
const other = starFixtureSuite('other', 'other_facts');

beforeAll(async () => {
  database = await createTestDatabase(testInfrastructure().databaseUrl, 'quality_runner');
  pool = createPool(database.url, { max: 3 });
  await Promise.all([ensureQualitySchema(pool), ensureQualitySchema(pool)]);
  await ensureQualitySchema(pool);
  await createStarFixture(pool, 'dw');
  await createStarFixture(pool, 'other');
  queries = new PgQualityQueries(pool);
});

afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

async function count(table: string): Promise<number> {
  const { rows } = await pool.query(`SELECT count(*)::integer AS n FROM quality.${table}`);
  return rows[0].n;
}

describe('QualityRunner', () => {
  it('runs the suites, stores the run, its suite runs and every result, and returns the scores', async () => {
    const run = await QualityRunner.run(pool, [clean, other], { trigger: 'schedule', params: { orders: 4 }, inputs: { rejectedRows: 3, deadLetters: 1 } });
    expect(run.score).toMatchObject({ value: 1, evaluated: 40, failed: 0, errored: 0 });
    expect(await count('runs')).toBe(1);
    expect(await count('suite_runs')).toBe(2);
    expect(await count('results')).toBe(40);
    const { rows } = await pool.query(`SELECT trigger, score, rejected_rows, dead_letters, params, suites FROM quality.runs WHERE run_id = $1`, [run.id]);
    expect(rows[0]).toEqual({ trigger: 'schedule', score: 1, rejected_rows: '3', dead_letters: '1', params: { orders: 4 }, suites: ['facts', 'other_facts'] });
    expect(await queries.latestRun()).toMatchObject({ runId: run.id, inputs: { rejectedRows: 3, deadLetters: 1 }, params: { orders: 4 }, score: 1, evaluated: 40 });
  });

  it('answers the HTTP queries: latest runs, failing expectations with samples, score history', async () => {
    await applyDefect(pool, 'dw', DEFECTS.find((d) => d.name === 'an orphan foreign key')!);
    await applyDefect(pool, 'dw', DEFECTS.find((d) => d.name === 'payments not matching lines plus freight')!);
    const run = await QualityRunner.run(pool, [clean], { trigger: 'on-demand' });
    // Failed: an error (3) and a warning (1); skipped: the published row count (no parameter).
    expect(run.score).toMatchObject({ evaluated: 19, skipped: 1, failed: 2 });
    expect(run.score.value).toBeCloseTo(1 - 4 / run.score.totalWeight);

    const latest = await queries.latestRuns();
    expect(latest.map((s) => [s.suite, s.trigger, s.runId])).toEqual([
      ['facts', 'on-demand', run.id],
      ['other_facts', 'schedule', expect.any(String)],
    ]);
    expect(latest[0]).toMatchObject({ layer: 'fact', failed: 2, skipped: 1, evaluated: 19, score: run.suites[0]!.score.value });
    expect((await queries.latestRuns({ trigger: 'schedule' })).map((s) => s.suite)).toEqual(['facts', 'other_facts']);

    const failing = await queries.failingExpectations();
    expect(failing.map((f) => [f.suite, f.expectationId, f.severity, f.status])).toEqual([
      ['facts', 'fk_customer', 'error', 'failed'],
      ['facts', 'payments_match_lines', 'warning', 'failed'],
    ]);
    expect(failing[0]).toMatchObject({ table: 'dw.fact_orders', columns: ['customer_key'], unexpectedCount: 1, elementCount: 4, sample: [{ order_id: 'o3', customer_key: '999' }] });
    expect(failing[0]!.observedValue).toMatchObject({ orphans: 1, inferred: 0 });
    expect((await queries.failingExpectations({ severity: 'warning' })).map((f) => f.expectationId)).toEqual(['payments_match_lines']);
    expect(await queries.failingExpectations({ suite: 'other_facts' })).toEqual([]);

    const skipped = (await queries.latestResults('facts')).find((r) => r.expectationId === 'row_count_equal_param')!;
    expect(skipped).toMatchObject({ status: 'skipped', error: 'run parameter "orders" was not supplied', passed: false });

    const history = await queries.scoreHistory({ suite: 'facts' });
    expect(history.map((p) => [p.trigger, p.score])).toEqual([
      ['schedule', 1],
      ['on-demand', run.suites[0]!.score.value],
    ]);
    const overall = await queries.scoreHistory();
    expect(overall.map((p) => [p.suite, p.score])).toEqual([
      [null, 1],
      [null, run.score.value],
    ]);
    expect(await queries.scoreHistory({ limit: 1 })).toEqual([overall[1]]);
    expect(await queries.scoreHistory({ suite: 'facts', trigger: 'schedule' })).toEqual([history[0]]);
    expect(await queries.scoreHistory({ since: new Date(Date.now() + 60_000) })).toEqual([]);
    await expect(queries.scoreHistory({ limit: 0 })).rejects.toThrow(RangeError);
  });

  it('blocks at the gate, listing the failing expectations and the inputs', async () => {
    const run = await QualityRunner.run(pool, [clean], { trigger: 'on-demand', params: { orders: 4 }, inputs: { rejectedRows: 12, deadLetters: 2 } });
    let error: unknown;
    try {
      assertQualityGate(run);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(QualityGateError);
    expect((error as Error).message).toContain('[error] facts/fk_customer (expect_foreign_keys_to_exist on dw.fact_orders): 1 of 4 unexpected');
    expect((error as Error).message).toContain('[warning] facts/payments_match_lines');
    expect((error as Error).message).toContain('inputs: 12 rejected CSV rows, 2 dead-lettered events');
    expect(() => assertQualityGate(run, 0.5)).not.toThrow();
  });

  it('runs only the cheap subset after a batch and prunes old batch runs', async () => {
    const twoDaysAgo = new Date(Date.now() - 48 * 3_600_000);
    const old = await QualityRunner.run(pool, [other], { trigger: 'batch', clock: () => twoDaysAgo });
    expect(old.suites[0]!.results.map((r) => r.expectationId)).toEqual(['row_count_between', 'row_count_equal_other', 'fresh_per_topic']);
    const runs = await count('runs');
    const recent = await QualityRunner.run(pool, [other], { trigger: 'batch', statementTimeoutMillis: 10_000 });
    expect(await count('runs')).toBe(runs);
    const { rows } = await pool.query(`SELECT run_id FROM quality.runs WHERE trigger = 'batch'`);
    expect(rows.map((r) => r.run_id)).toEqual([recent.id]);
    await QualityRunner.run(pool, [other], { trigger: 'batch', clock: () => twoDaysAgo, batchRetentionHours: 0 });
    expect(await count('runs')).toBe(runs + 1);
  });

  it('exports the latest scores as Prometheus gauges', async () => {
    const registry = new Registry();
    registerQualityMetrics(registry, queries);
    const text = await registry.metrics();
    const facts = (await queries.latestRuns()).find((s) => s.suite === 'facts')!;
    expect(text).toContain('# TYPE quality_score gauge');
    expect(text).toContain(`quality_score{suite="facts"} ${facts.score}`);
    expect(text).toContain('quality_score{suite="other_facts"} 1');
    expect(text).toContain('quality_failing_expectations{suite="facts"} 2');
    expect(text).toContain('quality_failing_expectations{suite="other_facts"} 0');
    expect(text).toMatch(/quality_overall_score \d/);
  });

  it('keeps the last values when the store cannot answer a scrape', async () => {
    const registry = new Registry();
    let fail = false;
    registerQualityMetrics(registry, {
      latestRuns: async () => {
        if (fail) throw new Error('connection refused');
        return [{ suite: 's', score: 0.5, failed: 1, errored: 0 }];
      },
      latestRun: async () => ({ score: 0.5 }),
    });
    expect(await registry.metrics()).toContain('quality_score{suite="s"} 0.5');
    fail = true;
    expect(await registry.metrics()).toContain('quality_score{suite="s"} 0.5');
  });

  it('renders the data docs from the stored runs', async () => {
    const model = await loadDataDocsModel(pool, [clean, other], { title: 'Warehouse quality' });
    const html = renderDataDocs(model);
    expect(htmlProblems(html)).toEqual([]);
    expect(attributeValues(html, 'data-suite')).toEqual(['facts', 'other_facts']);
    expect(new Set(attributeValues(html, 'data-expectation'))).toEqual(new Set(clean.expectations.map((x) => x.id)));
    expect(Number(attributeValues(html, 'data-overall-score')[0])).toBeCloseTo(model.latestRun!.score);
    expect(html).toContain('<span data-rejected-rows>0</span>');
    expect(html).toContain('Sample of unexpected rows (1)');
    expect(html).toContain('<td>999</td>');
    expect(html.match(/<svg class="sparkline"/g)!.length).toBe(5);
  });
});
