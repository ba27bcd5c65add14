import { createEnvelope, customerCustomerRegisteredV1 } from '@mercado/contracts';
import { isPermanentError } from '@mercado/messaging';
import { withTransaction } from '@mercado/postgres';
import { haversineKm } from '../../domain/geo/haversine';
import { warehouseTestDatabase, type WarehouseTestDatabase } from '../../testing/warehouse-database.fixture';
import { warehouseScenario } from '../../testing/warehouse-scenario.fixture';
import { createWarehouseApplier } from '../warehouse-applier';
import { loadGeolocation } from './geolocation.loader';

describe('loading the geolocation file', () => {
  let db: WarehouseTestDatabase;

  beforeAll(async () => {
    db = await warehouseTestDatabase('geolocation');
    await db.apply(warehouseScenario());
  });
  afterAll(async () => db.close());

  it('takes the median of the samples inside Brazil, streamed from any iterable', async () => {
    async function* samples() {
      yield { zip_prefix: '30001', latitude: '-19.90', longitude: '-43.90', city: 'belo horizonte', state: 'MG' };
      yield { zip_prefix: '30001', latitude: '-19.80', longitude: '-43.80', city: 'belo horizonte', state: 'MG' };
      yield { zip_prefix: '30001', latitude: '-19.70', longitude: '-43.70', city: 'contagem', state: 'MG' };
      yield { zip_prefix: '30001', latitude: '51.5', longitude: '-0.12', city: 'london', state: 'MG' };
      yield { zip_prefix: '99999', latitude: '48.85', longitude: '2.35', city: 'paris', state: 'RS' };
    }
    expect(await loadGeolocation(db.pool, samples())).toEqual({ rows: 5, zipPrefixes: 1, outsideBrazil: 2 });
    // With the two samples of 30001 loaded before: latitudes −19.93, −19.92, −19.90, −19.80, −19.70.
    expect(await db.rows(`SELECT zip_prefix, latitude::text, longitude::text, city, state, samples, outside_brazil FROM dw.dim_geolocation WHERE zip_prefix IN ('30001', '99999')`)).toEqual([
      { zip_prefix: '30001', latitude: '-19.900000', longitude: '-43.900000', city: 'belo horizonte', state: 'MG', samples: 5, outside_brazil: 1 },
    ]);
  });

  it('gives a zip prefix whose samples came in two loads the point of all of them', async () => {
    const sample = (latitude: number, longitude: number) => ({ zip_prefix: '40001', latitude, longitude, city: 'salvador', state: 'BA' });
    await loadGeolocation(db.pool, [sample(-12.97, -38.5)]);
    await loadGeolocation(db.pool, [sample(-12.99, -38.52), sample(-12.98, -38.51)]);
    expect(await db.rows(`SELECT latitude::text, longitude::text, samples FROM dw.dim_geolocation WHERE zip_prefix = '40001'`)).toEqual([
      { latitude: '-12.980000', longitude: '-38.510000', samples: 3 },
    ]);
    // The same samples again double, and move nothing.
    await loadGeolocation(db.pool, [sample(-12.97, -38.5), sample(-12.99, -38.52), sample(-12.98, -38.51)]);
    expect(await db.rows(`SELECT latitude::text, longitude::text, samples FROM dw.dim_geolocation WHERE zip_prefix = '40001'`)).toEqual([
      { latitude: '-12.980000', longitude: '-38.510000', samples: 6 },
    ]);
  });

  it('re-derives the distances of the deliveries it moves, and their mart cells', async () => {
    const expected = haversineKm({ latitude: -22.91, longitude: -43.17 }, { latitude: -19.9, longitude: -43.9 });
    const [delivery] = await db.rows<{ distance_km: string }>(`SELECT distance_km::text FROM dw.fact_deliveries WHERE order_id = 'o2'`);
    expect(Number(delivery!.distance_km)).toBeCloseTo(expected, 3);
    const [cell] = await db.rows<{ avg_distance_km: string }>(
      `SELECT avg_distance_km::text FROM dw.mart_delivery_performance WHERE seller_state = 'RJ' AND customer_state = 'MG'`,
    );
    expect(Number(cell!.avg_distance_km)).toBeCloseTo(Number(delivery!.distance_km), 4);
  });
});

describe('refusing events that can never be applied', () => {
  let db: WarehouseTestDatabase;

  beforeAll(async () => {
    db = await warehouseTestDatabase('refusals');
  });
  afterAll(async () => db.close());

  it('names the events of two persons claiming one first account, as a permanent error', async () => {
    const register = (person: string) =>
      createEnvelope(
        customerCustomerRegisteredV1,
        { customer_unique_id: person, accounts: ['shared-account'], location: { zip_prefix: '01001', city: 'sao paulo', state: 'SP' } },
        { source: '/test', time: '2018-01-01T00:00:00Z' },
      );
    const first = register('p-one');
    const second = register('p-two');
    const applier = createWarehouseApplier();
    await withTransaction(db.pool, (tx) => applier.execute(tx, [first]));
    const failure = await withTransaction(db.pool, (tx) => applier.execute(tx, [second])).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isPermanentError(failure)).toBe(true);
    expect((failure as { eventIds: string[] }).eventIds).toEqual([second.id]);
    expect((failure as Error).message).toContain('p-two');
    // Nothing of the refused batch stayed.
    expect(await db.rows(`SELECT customer_unique_id FROM dw.dim_customer ORDER BY 1`)).toEqual([{ customer_unique_id: 'p-one' }]);
  });
});
