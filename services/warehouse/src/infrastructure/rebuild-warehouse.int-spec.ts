import { catalog, type EventEnvelope } from '@mercado/contracts';
import { withTransaction } from '@mercado/postgres';
import { createTestTopics, testInfrastructure, type TestTopics } from '@mercado/testing';
import { Kafka, logLevel } from 'kafkajs';
import { warehouseTestDatabase, type WarehouseTestDatabase } from '../testing/warehouse-database.fixture';
import { SCENARIO_GEOLOCATION, warehouseScenario } from '../testing/warehouse-scenario.fixture';
import { rebuildWarehouse } from './rebuild-warehouse';
import { loadGeolocation } from './sql/geolocation.loader';
import { migrateWarehouse } from './sql/migrator';
import { PgWarehouseSchemas } from './sql/pg-warehouse.schemas';
import { compareWarehouses, findKeyViolations } from './sql/table-keys';
import { applyBatch, createWarehouseApplier } from './warehouse-applier';

/*
 * The scripted history published to real Kafka topics (unique names), replayed into a fresh schema
 * and swapped in: the result must be exactly what the incremental path built from the same events.
 */

describe('rebuilding the warehouse by replaying the topics', () => {
  const infrastructure = () => testInfrastructure();
  let db: WarehouseTestDatabase;
  let topics: TestTopics;
  let kafka: Kafka;
  const batches = warehouseScenario();
  const geolocation = SCENARIO_GEOLOCATION.map(([zip_prefix, latitude, longitude, city, state]) => ({ zip_prefix, latitude, longitude, city, state }));

  beforeAll(async () => {
    db = await warehouseTestDatabase('rebuild');
    topics = await createTestTopics(infrastructure().kafkaBrokers, catalog.topics().map((t) => t.name), 3);
    kafka = new Kafka({ clientId: 'warehouse-rebuild-test', brokers: infrastructure().kafkaBrokers, logLevel: logLevel.NOTHING });
  });

  afterAll(async () => {
    await topics.delete();
    await db.close();
  });

  async function publish(events: readonly EventEnvelope[], extra: { topic: string; value: string }[] = []) {
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    try {
      for (const event of events) {
        const topic = topics.names[catalog.topicOf(event.type)]!;
        await producer.send({ topic, acks: -1, messages: [{ key: event.subject, value: JSON.stringify(event) }] });
      }
      for (const { topic, value } of extra) await producer.send({ topic: topics.names[topic]!, acks: -1, messages: [{ key: 'x', value }] });
    } finally {
      await producer.disconnect();
    }
  }

  it('builds exactly the tables of the incremental path, and swaps them in', async () => {
    // The incremental path, in a schema of its own for the comparison.
    await migrateWarehouse(db.pool, 'dw_incremental');
    await loadGeolocation(db.pool, geolocation, { schema: 'dw_incremental' });
    await db.apply(batches, { schema: 'dw_incremental' });
    // The live warehouse holds only part of the history: the rebuild must replace it whole.
    await db.apply(batches.slice(0, 2));

    await publish(batches.flat(), [{ topic: 'sales.order.v1', value: 'not an event' }]);
    const report = await rebuildWarehouse({ pool: db.pool, kafka, topics: topics.names, idleTimeoutMs: 30_000 });

    expect(report).toMatchObject({ events: batches.flat().length, rejected: 1, skipped: [] });
    expect(await compareWarehouses(db.pool, 'dw', 'dw_incremental')).toEqual({});
    expect(await findKeyViolations(db.pool, 'dw')).toEqual([]);
    expect(await db.rows(`SELECT nspname FROM pg_namespace WHERE nspname LIKE 'dw%' ORDER BY nspname`)).toEqual([
      { nspname: 'dw' },
      { nspname: 'dw_incremental' },
      { nspname: 'dw_meta' },
    ]);
    expect(await db.rows(`SELECT status, events::int FROM dw_meta.rebuild_log`)).toEqual([{ status: 'swapped', events: batches.flat().length }]);
    // The geolocation no event carries came over from the replaced warehouse.
    expect(await db.rows(`SELECT count(*)::int AS n FROM dw.dim_geolocation`)).toEqual([{ n: 3 }]);
  });

  it('holds the live consumer off during the swap, and lets it go on on the new schema', async () => {
    const schemas = new PgWarehouseSchemas(db.pool);
    const [o1Placed] = batches[1]!.filter((e) => e.type === 'sales.order.placed');
    const review = batches[2]!.find((e) => e.type === 'customer.review.submitted')!;
    await schemas.create('dw_rebuild_swap');
    await schemas.applierFor('dw_rebuild_swap')(batches.slice(0, 2).flat());
    await schemas.complete('dw_rebuild_swap');

    let liveDone = false;
    let live: Promise<unknown> | undefined;
    await schemas.swapIn('dw_rebuild_swap', async (apply) => {
      // A live batch starts now: it must wait for the swap.
      live = withTransaction(db.pool, (tx) => applyBatch(tx, [review])).then(() => (liveDone = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(liveDone).toBe(false);
      await apply([o1Placed!]);
    });
    await live;
    expect(liveDone).toBe(true);
    // The review the live consumer applied landed in the new warehouse, next to what the swap applied.
    expect(await db.rows(`SELECT review_id, order_id, purchase_date_key FROM dw.fact_reviews`)).toEqual([{ review_id: 'r1', order_id: 'o1', purchase_date_key: 20180110 }]);
    expect(await db.rows(`SELECT nspname FROM pg_namespace WHERE nspname LIKE 'dw\\_%' ORDER BY nspname`)).toEqual([{ nspname: 'dw_incremental' }, { nspname: 'dw_meta' }]);
  });

  it('leaves the live warehouse as it was when the catch-up fails', async () => {
    const schemas = new PgWarehouseSchemas(db.pool);
    await schemas.create('dw_rebuild_failed');
    const before = await db.rows(`SELECT count(*)::int AS n FROM dw.fact_orders`);
    await expect(
      schemas.swapIn('dw_rebuild_failed', async () => {
        throw new Error('broker gone');
      }),
    ).rejects.toThrow('broker gone');
    await schemas.drop('dw_rebuild_failed');
    expect(await db.rows(`SELECT count(*)::int AS n FROM dw.fact_orders`)).toEqual(before);
    await expect(schemas.drop('dw')).rejects.toThrow('refusing to drop the live warehouse schema dw');
    // An applier on the live schema still works after all this.
    await withTransaction(db.pool, (tx) => createWarehouseApplier().execute(tx, batches[0]!));
  });
});
