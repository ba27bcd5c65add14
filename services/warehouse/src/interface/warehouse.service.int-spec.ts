import { catalog, type EventEnvelope } from '@mercado/contracts';
import { Pool } from 'pg';
import { loadGeolocation } from '../infrastructure/sql/geolocation.loader';
import { migrateWarehouse } from '../infrastructure/sql/migrator';
import { compareWarehouses } from '../infrastructure/sql/table-keys';
import { createWarehouseApplier } from '../infrastructure/warehouse-applier';
import { SCENARIO_GEOLOCATION, warehouseScenario } from '../testing/warehouse-scenario.fixture';
import { eventually, startWarehouseTestService, type WarehouseTestService } from './testing/warehouse-service.test-harness';

/*
 * The warehouse as main.ts starts it: the scripted history published to its topics is consumed
 * (all topics at once, in whatever order Kafka delivers) and answered over HTTP from the marts.
 */

describe('the warehouse service', () => {
  let warehouse: WarehouseTestService;
  let pool: Pool;
  const batches = warehouseScenario();
  const geolocation = SCENARIO_GEOLOCATION.map(([zip_prefix, latitude, longitude, city, state]) => ({ zip_prefix, latitude, longitude, city, state }));

  beforeAll(async () => {
    warehouse = await startWarehouseTestService();
    pool = new Pool({ connectionString: warehouse.database.url, max: 2 });
    await loadGeolocation(pool, geolocation);
    const producer = warehouse.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    try {
      for (const event of batches.flat()) {
        await producer.send({ topic: warehouse.topics[catalog.topicOf(event.type)]!, acks: -1, messages: [{ key: event.subject, value: JSON.stringify(event) }] });
      }
      // A poison message: it goes to the dead-letter topic, the rest goes on.
      await producer.send({ topic: warehouse.topics['sales.order.v1']!, acks: -1, messages: [{ key: 'x', value: '{"not":"an event"}' }] });
    } finally {
      await producer.disconnect();
    }
    const distinct = new Set(batches.flat().map((e: EventEnvelope) => e.id)).size;
    await eventually(
      'every event applied',
      async () => (await warehouse.sql<{ n: number }>(`SELECT coalesce(sum(events_applied), 0)::int AS n FROM dw_meta.freshness`))[0]!.n,
      (n) => n >= distinct,
    );
  });

  afterAll(async () => {
    await pool?.end();
    await warehouse?.stop();
  });

  const get = async (path: string, scopes = ['warehouse:read']) => {
    const response = await fetch(`${warehouse.baseUrl}${path}`, { headers: { authorization: `Bearer ${await warehouse.token(scopes)}` } });
    return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as Record<string, unknown> };
  };

  it('builds from the topics exactly what the incremental path builds', async () => {
    await migrateWarehouse(pool, 'dw_incremental');
    await loadGeolocation(pool, geolocation, { schema: 'dw_incremental' });
    const applier = createWarehouseApplier({ schema: 'dw_incremental' });
    for (const batch of batches) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await applier.execute(client, batch);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    }
    expect(await compareWarehouses(pool, 'dw', 'dw_incremental')).toEqual({});
  });

  it('answers the executive KPIs and a series', async () => {
    const kpis = await get('/warehouse/executive/kpis?from=2017-12-01&to=2018-03-31');
    expect(kpis.status).toBe(200);
    expect(kpis.body).toMatchObject({ orders: 5, canceledOrders: 1, gmv: '440.50', aov: '110.13', onTimeRate: 0.3333, avgDeliveryDays: 9.2014, newCustomers: 3 });
    const series = await get('/warehouse/executive/series?from=2018-01-08&to=2018-01-21&metric=orders&grain=iso_week');
    expect(series.body).toEqual({
      metric: 'orders',
      grain: 'iso_week',
      points: [
        { period: '2018-W02', from: '2018-01-08', to: '2018-01-14', value: 3 },
        { period: '2018-W03', from: '2018-01-15', to: '2018-01-21', value: 0 },
      ],
    });
  });

  it('answers sellers, segments, deliveries and freshness', async () => {
    const ranking = await get('/warehouse/sellers?from=2017-12&to=2018-03&by=orders&limit=1');
    expect((ranking.body.items as { sellerId: string; rank: number }[]).map((s) => [s.rank, s.sellerId])).toEqual([[1, 's1']]);
    expect((await get('/warehouse/sellers/s2?from=2018-01&to=2018-01')).body).toMatchObject({ sellerId: 's2', state: 'RJ', revenue: '200.00', avgHandoffHours: 58.5, lateHandoffShare: 1 });
    const unknown = await get('/warehouse/sellers/nobody?from=2018-01&to=2018-01');
    expect(unknown.status).toBe(404);
    expect(unknown.type).toContain('application/problem+json');
    expect((await get('/warehouse/segments')).body).toMatchObject({ all: { customers: 3, revenue: '440.50' } });
    expect(((await get('/warehouse/deliveries?from=2017-12&to=2018-01&customerState=MG')).body.items as unknown[]).length).toBe(1);
    const freshness = await get('/warehouse/freshness');
    expect((freshness.body.topics as unknown[]).length).toBe(7);
    expect((freshness.body.consumerLag as { lag: number }[]).length).toBeGreaterThan(0);
  });

  it('refuses bad queries naming each field, and wrong or missing credentials', async () => {
    const bad = await get('/warehouse/executive/kpis?from=2018-02-30&to=2018-01-01');
    expect(bad.status).toBe(400);
    expect(bad.type).toContain('application/problem+json');
    expect(bad.body.errors).toEqual([{ field: 'from', location: 'query', message: 'must be a calendar date YYYY-MM-DD' }]);
    const missing = await get('/warehouse/executive/series?from=2018&metric=profit');
    expect(missing.status).toBe(400);
    expect((missing.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['from', 'metric', 'to']);
    expect((await get('/warehouse/segments', ['orders:read'])).status).toBe(403);
    expect((await fetch(`${warehouse.baseUrl}/warehouse/segments`)).status).toBe(401);
  });

  it('imports geolocation samples as NDJSON, reporting each bad line', async () => {
    const lines = [
      { geolocation_zip_code_prefix: '40001', geolocation_lat: '-12.97', geolocation_lng: '-38.50', geolocation_city: 'salvador', geolocation_state: 'BA' },
      { geolocation_zip_code_prefix: '4001', geolocation_lat: '-12.97', geolocation_lng: '-38.50', geolocation_city: 'salvador', geolocation_state: 'BA' },
      { geolocation_zip_code_prefix: '40001', geolocation_lat: '-12.99', geolocation_lng: '-38.52', geolocation_city: 'salvador', geolocation_state: 'BA' },
    ];
    const body = `${lines.map((l) => JSON.stringify(l)).join('\n')}\nnot json\n`;
    const response = await fetch(`${warehouse.baseUrl}/imports/geolocation`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${await warehouse.token(['warehouse:write'])}` },
      body,
    });
    expect(response.status).toBe(200);
    const summary = (await response.json()) as { received: number; accepted: number; zipPrefixes: number; rejected: { line: number; field: string | null }[] };
    expect(summary).toMatchObject({ received: 4, accepted: 2, zipPrefixes: 1, outsideBrazil: 0 });
    expect(summary.rejected.map((r) => [r.line, r.field])).toEqual([
      [2, 'geolocation_zip_code_prefix'],
      [4, null],
    ]);
    expect(await warehouse.sql(`SELECT latitude::text, samples FROM dw.dim_geolocation WHERE zip_prefix = '40001'`)).toEqual([{ latitude: '-12.980000', samples: 2 }]);
    const forbidden = await fetch(`${warehouse.baseUrl}/imports/geolocation`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${await warehouse.token(['warehouse:read'])}` },
      body,
    });
    expect(forbidden.status).toBe(403);
  });

  it('exposes the event-to-mart latency histogram', async () => {
    const text = await (await fetch(`${warehouse.baseUrl}/metrics`)).text();
    expect(text).toMatch(/warehouse_event_to_mart_seconds_count\{[^}]*\} \d+/);
  });
});
