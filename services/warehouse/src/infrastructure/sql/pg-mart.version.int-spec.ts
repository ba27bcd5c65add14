import { type WarehouseQueries } from '../../application/ports/warehouse-queries.port';
import { CachedWarehouseQueries } from '../../application/queries/warehouse-query.cache';
import { WarehouseQueryService } from '../../application/queries/warehouse-query.service';
import { warehouseTestDatabase, type WarehouseTestDatabase } from '../../testing/warehouse-database.fixture';
import { warehouseScenario } from '../../testing/warehouse-scenario.fixture';
import { migrateWarehouse } from './migrator';
import { PgMartReader } from './pg-mart.reader';
import { PgMartVersion } from './pg-mart.version';

/** The marts' version on real PostgreSQL, and the cached answers it keeps current. */
describe('the version of the marts', () => {
  let db: WarehouseTestDatabase;
  const batches = warehouseScenario();

  beforeAll(async () => {
    db = await warehouseTestDatabase('martversion');
  });
  afterAll(async () => db.close());

  it('changes with every live batch and with a swapped-in schema, not with a rebuild’s batches', async () => {
    const version = new PgMartVersion(db.pool);
    const seen = [await version.current()];
    await db.apply(batches.slice(0, 1));
    seen.push(await version.current());
    await db.apply(batches.slice(1, 2));
    seen.push(await version.current());
    expect(new Set(seen).size).toBe(3);

    // A rebuild writes a schema of its own (no freshness recorded): the live answers have not changed.
    await migrateWarehouse(db.pool, 'dw_next');
    await db.apply(batches, { schema: 'dw_next' });
    expect(await version.current()).toBe(seen[2]);
    // Swapped in: the same events applied, but other marts.
    await db.pool.query('ALTER SCHEMA dw RENAME TO dw_retired');
    await db.pool.query('ALTER SCHEMA dw_next RENAME TO dw');
    expect(seen).not.toContain(await version.current());
    await db.pool.query('DROP SCHEMA dw CASCADE');
    await db.pool.query('ALTER SCHEMA dw_retired RENAME TO dw');
    expect(await version.current()).toBe(seen[2]);
  });

  it('keeps the cached answers those of the marts as batches come', async () => {
    const direct = new WarehouseQueryService(new PgMartReader(db.pool));
    const cached = new CachedWarehouseQueries(direct, new PgMartVersion(db.pool));
    const ask = async (queries: WarehouseQueries) => [
      await queries.executiveKpis({ from: '2017-12-01', to: '2018-03-31' }),
      await queries.executiveSeries('gmv', 'month', { from: '2017-12-01', to: '2018-03-31' }),
      await queries.sellerRanking({ from: '2017-12', to: '2018-03' }, 'revenue', 10),
      await queries.sellerPerformance('s1', { from: '2017-12', to: '2018-03' }),
      await queries.segmentSummary(),
      await queries.deliveryPerformance({ from: '2017-12', to: '2018-03' }),
    ];
    const answers = [];
    for (let applied = 2; applied <= batches.length; applied += 1) {
      const now = await ask(cached);
      expect(now).toEqual(await ask(direct));
      expect(await ask(cached)).toEqual(now);
      answers.push(JSON.stringify(now));
      if (applied < batches.length) await db.apply(batches.slice(applied, applied + 1));
    }
    // The batches did change the answers, and the cache followed.
    expect(new Set(answers).size).toBeGreaterThan(1);
  });
});
