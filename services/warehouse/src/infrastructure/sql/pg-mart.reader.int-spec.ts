import { WarehouseQueryService } from '../../application/queries/warehouse-query.service';
import { warehouseTestDatabase, type WarehouseTestDatabase } from '../../testing/warehouse-database.fixture';
import { warehouseScenario } from '../../testing/warehouse-scenario.fixture';
import { PgMartReader } from './pg-mart.reader';

/** The read use cases over the marts of the scripted history (figures by hand from docs/metrics.md). */
describe('querying the marts of the scripted history', () => {
  let db: WarehouseTestDatabase;
  let queries: WarehouseQueryService;

  beforeAll(async () => {
    db = await warehouseTestDatabase('queries');
    await db.apply(warehouseScenario());
    queries = new WarehouseQueryService(new PgMartReader(db.pool));
  });
  afterAll(async () => db.close());

  it('answers the executive KPIs of a range with weighted ratios', async () => {
    expect(await queries.executiveKpis({ from: '2017-12-01', to: '2018-03-31' })).toEqual({
      from: '2017-12-01',
      to: '2018-03-31',
      orders: 5,
      canceledOrders: 1,
      gmv: '440.50',
      freight: '44.25',
      payments: '484.75',
      // 440.50 / 4 kept orders = 110.125
      aov: '110.13',
      newCustomers: 3,
      deliveredOrders: 3,
      lateOrders: 2,
      onTimeRate: 0.3333,
      // (8 + 5.1667 + 14.4375 days) / 3, from the exact seconds: 2 385 000 / 259 200
      avgDeliveryDays: 9.2014,
      avgReviewScore: 2.75,
    });
    // One day: the same figures as the mart's own row.
    const day = await queries.executiveKpis({ from: '2018-01-10', to: '2018-01-10' });
    const [row] = await db.rows<{ aov: string; on_time_rate: string; avg_delivery_days: string; avg_review_score: string }>(
      `SELECT aov::text, on_time_rate::text, avg_delivery_days::text, avg_review_score::text FROM dw.mart_executive_dashboard WHERE purchase_date_key = 20180110`,
    );
    expect([day.aov, day.onTimeRate, day.avgDeliveryDays, day.avgReviewScore]).toEqual([row!.aov, Number(row!.on_time_rate), Number(row!.avg_delivery_days), Number(row!.avg_review_score)]);
  });

  it('gives a monthly series', async () => {
    expect(await queries.executiveSeries('gmv', 'month', { from: '2017-12-01', to: '2018-03-31' })).toEqual([
      { period: '2017-12', from: '2017-12-01', to: '2017-12-31', value: '10.00' },
      { period: '2018-01', from: '2018-01-01', to: '2018-01-31', value: '350.50' },
      { period: '2018-02', from: '2018-02-01', to: '2018-02-28', value: '0.00' },
      { period: '2018-03', from: '2018-03-01', to: '2018-03-31', value: '80.00' },
    ]);
  });

  it('ranks sellers and reports one seller', async () => {
    const byRevenue = await queries.sellerRanking({ from: '2017-12', to: '2018-03' }, 'revenue', 10);
    expect(byRevenue.map((s) => [s.rank, s.sellerId, s.state, s.revenue, s.orders])).toEqual([
      [1, 's1', 'SP', '240.50', 4],
      [2, 's2', 'RJ', '200.00', 1],
    ]);
    expect((await queries.sellerRanking({ from: '2018-01', to: '2018-01' }, 'revenue', 1, 1)).map((s) => [s.rank, s.sellerId])).toEqual([[2, 's1']]);
    const s1 = await queries.sellerPerformance('s1', { from: '2017-12', to: '2018-03' });
    expect(s1).toMatchObject({ sellerId: 's1', city: 'sao paulo', state: 'SP', orders: 4, canceledOrders: 1, lines: 5, lateDeliveryRate: 0.5, avgHandoffHours: 23 });
    expect(s1!.months.map((m) => m.month)).toEqual(['2017-12', '2018-01', '2018-03']);
    expect(await queries.sellerPerformance('unknown', { from: '2017-12', to: '2018-03' })).toBeNull();
  });

  it('summarises segments and deliveries', async () => {
    const segments = await queries.segmentSummary();
    expect(segments.all).toMatchObject({ customers: 3, orders: 4, revenue: '440.50' });
    expect(segments.segments.map((s) => s.segment).sort()).toEqual(['champions', 'hibernating', 'unsegmented']);
    const deliveries = await queries.deliveryPerformance({ from: '2017-12', to: '2018-01' });
    expect(deliveries.map((d) => [d.sellerState, d.customerState, d.deliveries, d.lateRate, d.avgDeliveryDays])).toEqual([
      ['SP', 'SP', 2, 0.5, 6.5833],
      ['RJ', 'MG', 1, 1, 14.4375],
    ]);
    expect(await queries.deliveryPerformance({ from: '2017-12', to: '2018-01' }, { customerState: 'MG' })).toHaveLength(1);
  });

  it('tells how fresh the warehouse is', async () => {
    const freshness = await queries.freshness();
    expect(freshness.topics).toHaveLength(7);
    expect(freshness.recentBatches).toHaveLength(7);
    expect(freshness.completeThrough).toBe('2017-01-01T02:00:00.000Z');
  });
});
