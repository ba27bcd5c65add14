import { type EventEnvelope } from '@mercado/contracts';
import { withTransaction } from '@mercado/postgres';
import { olistHistory } from '../../../bench/olist-history';
import { warehouseTestDatabase, type WarehouseTestDatabase } from '../../testing/warehouse-database.fixture';
import { PgWarehouseSchemas } from './pg-warehouse.schemas';
import { loadGeolocation } from './geolocation.loader';
import { migrateWarehouse } from './migrator';
import { PgWarehouseWriter } from './pg-warehouse.writer';
import { compareWarehouses, findKeyViolations } from './table-keys';

/*
 * A rebuild's replay stages the events only and derives the facts and marts once at the end: on the
 * synthetic Olist-like history (every event family, repeat buyers, late and out-of-order events across
 * topics), the result must be the incremental path's, table by table.
 */

describe('deriving the facts and marts once after a staged-only replay', () => {
  let db: WarehouseTestDatabase;
  const history = olistHistory({ orders: 600, products: 120, sellers: 15 }, 7);
  /** The consumer's order: batches of one topic-partition at a time, partitions in turn. */
  const batches: EventEnvelope[][] = [];
  {
    const sources = Object.entries(history.partitions).flatMap(([topic, count]) => Array.from({ length: count }, (_, p) => [...history.partition(topic, p)]));
    for (let round = 0; sources.some((s) => s.length > round * 150); round++)
      for (const events of sources) if (events.length > round * 150) batches.push(events.slice(round * 150, (round + 1) * 150));
  }

  beforeAll(async () => {
    db = await warehouseTestDatabase('deferred');
    await db.pool.query('TRUNCATE dw.stg_geolocation, dw.dim_geolocation');
    await loadGeolocation(db.pool, history.geolocation());
  });

  afterAll(async () => {
    await db.close();
  });

  it('builds the tables the incremental path builds', async () => {
    await db.apply(batches);

    const schemas = new PgWarehouseSchemas(db.pool);
    await schemas.create('dw_replayed');
    const apply = schemas.applierFor('dw_replayed');
    for (const batch of batches) await apply(batch);
    // Before the completion only the staging and dimensions hold rows.
    expect(await db.rows(`SELECT count(*)::int AS n FROM dw_replayed.fact_orders`)).toEqual([{ n: 0 }]);
    await schemas.complete('dw_replayed');

    expect(await db.rows(`SELECT count(*)::int AS n FROM dw_replayed.fact_orders`)).toEqual([{ n: 600 }]);
    // The facts grew from empty in that one transaction: their statistics were taken there (never: -1).
    expect(await db.rows(`SELECT reltuples AS n FROM pg_class WHERE oid = 'dw_replayed.fact_orders'::regclass`)).toEqual([{ n: 600 }]);
    expect(await compareWarehouses(db.pool, 'dw_replayed', 'dw')).toEqual({});
    expect(await findKeyViolations(db.pool, 'dw_replayed')).toEqual([]);
  });

  it('deletes the mart rows of keys left without data, and leaves a complete warehouse as it was', async () => {
    await migrateWarehouse(db.pool, 'dw_stale');
    await db.pool.query(`INSERT INTO dw_stale.mart_customer_segments (segment, customers, orders, revenue, recency_customers, recency_days_sum)
                         VALUES ('ghosts', 1, 1, 1, 0, 0)`);
    await withTransaction(db.pool, (tx) => new PgWarehouseWriter(tx, 'dw_stale').completeDerivation());
    expect(await db.rows(`SELECT count(*)::int AS n FROM dw_stale.mart_customer_segments`)).toEqual([{ n: 0 }]);

    await withTransaction(db.pool, (tx) => new PgWarehouseWriter(tx, 'dw').completeDerivation());
    expect(await compareWarehouses(db.pool, 'dw_replayed', 'dw')).toEqual({});
  });
});
