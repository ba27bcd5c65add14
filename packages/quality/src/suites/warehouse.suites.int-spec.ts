import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPool, type Pool } from '@mercado/postgres';
import { createTestDatabase, type TestDatabase, testInfrastructure } from '@mercado/testing';
import { QualityRunner } from '../infrastructure/quality-runner';
import { ensureQualitySchema } from '../infrastructure/sql/quality-schema';
import { INGESTED_FILE_KINDS, fileRejectedRowsParam, fileRowsReadParam, warehouseSuites } from './warehouse.suites';

/**
 * The suites against the warehouse's own DDL (its released migrations, read from the service's
 * source: this package cannot depend on the service that uses it). A renamed table or column shows
 * up here as an `error` result naming it.
 */
const MIGRATIONS = join(__dirname, '../../../../services/warehouse/src/infrastructure/sql/migrations');

function templateSql(file: string): string {
  const source = readFileSync(join(MIGRATIONS, file), 'utf8');
  const match = /_SQL = `([\s\S]*?)`;/.exec(source);
  if (!match) throw new Error(`no SQL template literal in ${file}`);
  return match[1]!;
}

let database: TestDatabase;
let pool: Pool;

beforeAll(async () => {
  database = await createTestDatabase(testInfrastructure().databaseUrl, 'quality_warehouse');
  pool = createPool(database.url, { max: 2 });
  await pool.query(templateSql('000-meta.ts'));
  await pool.query('CREATE SCHEMA dw');
  await pool.query(templateSql('001-star-schema.ts').replaceAll('{dw}', '"dw"'));
  await ensureQualitySchema(pool);
});

afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

describe('warehouse suites on the warehouse schema', () => {
  it('compile to queries the real tables answer; an empty warehouse fails only what needs data', async () => {
    // An import of nothing: every file read 0 rows and lost none.
    const perFile = Object.fromEntries(INGESTED_FILE_KINDS.flatMap((kind) => [[fileRejectedRowsParam(kind), 0], [fileRowsReadParam(kind), 0]]));
    const run = await QualityRunner.run(pool, warehouseSuites(), { trigger: 'on-demand', params: { orders: 0, imported_rows: 0, ...perFile } });
    const results = run.suites.flatMap((s) => s.results.map((r) => ({ suite: s.suite, ...r })));
    expect(results.filter((r) => r.status === 'error').map((r) => `${r.suite}/${r.expectationId}: ${r.error}`)).toEqual([]);
    expect(results.filter((r) => r.status !== 'passed').map((r) => `${r.suite}/${r.expectationId}`)).toEqual([
      'raw/freshness.last_applied_at:fresh',
      'dim_date/dim_date:row_count_equal',
    ]);
    expect(run.score.evaluated).toBe(results.length);
  });

  it('runs the cheap subset after a batch', async () => {
    const run = await QualityRunner.run(pool, warehouseSuites(), { trigger: 'batch' });
    const all = warehouseSuites().flatMap((s) => s.expectations);
    // The ingestion shares need the import's row counts, which a batch run does not have.
    const ingestion = 2 + INGESTED_FILE_KINDS.length;
    expect(run.score.skipped).toBe(ingestion);
    expect(run.score.evaluated).toBe(all.filter((x) => x.cheap).length - ingestion);
    expect(run.score.errored).toBe(0);
  });
});
