import { WarehouseQueryService } from '../../application/queries/warehouse-query.service';
import { eachDate } from '../../domain/calendar/calendar-date';
import { TIME_GRAINS, timeBucket, type TimeGrain } from '../../domain/calendar/time-bucket';
import { EXECUTIVE_METRICS, executiveKpis, executiveMetricValue, sumExecutiveTotals, type ExecutiveMetric, type ExecutiveTotals } from '../../domain/metrics/executive-metrics';
import { sellerKpis } from '../../domain/metrics/seller-metrics';
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

  it('gives every series as the per-day computation did (all metrics, all grains, gaps and year ends)', async () => {
    // The former implementation, kept as the reference: the mart's days read back and summed per
    // period in the domain's decimal form, all KPIs of each period computed.
    const reader = new PgMartReader(db.pool);
    const reference = async (metric: ExecutiveMetric, grain: TimeGrain, from: string, to: string) => {
      const byDate = new Map((await reader.executiveDays(from, to)).map((d) => [d.date, d.totals]));
      const points: { period: string; from: string; to: string; totals: ExecutiveTotals[] }[] = [];
      for (const date of eachDate(from, to)) {
        const period = timeBucket(date, grain);
        if (points.at(-1)?.period !== period) points.push({ period, from: date, to: date, totals: [] });
        const point = points.at(-1)!;
        point.to = date;
        const totals = byDate.get(date);
        if (totals) point.totals.push(totals);
      }
      return points.map((p) => ({ period: p.period, from: p.from, to: p.to, value: executiveMetricValue(executiveKpis(sumExecutiveTotals(p.totals)), metric) }));
    };
    for (const [from, to] of [
      ['2017-11-20', '2018-04-10'],
      ['2018-01-10', '2018-01-10'],
      ['2015-12-30', '2016-01-05'],
    ] as const) {
      for (const grain of TIME_GRAINS) {
        for (const metric of EXECUTIVE_METRICS) {
          expect([metric, grain, from, await queries.executiveSeries(metric, grain, { from, to })]).toEqual([metric, grain, from, await reference(metric, grain, from, to)]);
        }
      }
    }
  });

  it('ranks sellers as the one-aggregate ranking did', async () => {
    // The former query, kept as the reference: all 13 sums per seller, then the page.
    const reference = async (from: number, to: number, by: 'revenue' | 'orders', limit: number, offset: number) => {
      const order = by === 'revenue' ? 'sum(revenue) DESC, sum(orders) DESC' : 'sum(orders) DESC, sum(revenue) DESC';
      const rows = await db.rows<Record<string, string | number>>(
        `SELECT seller_id, sum(orders)::integer AS orders, sum(canceled_orders)::integer AS "canceledOrders", sum(lines)::integer AS lines,
                sum(revenue)::text AS revenue, sum(freight)::text AS freight, sum(review_count)::integer AS "reviewCount",
                sum(review_score_sum)::integer AS "reviewScoreSum", sum(delivered_orders)::integer AS "deliveredOrders",
                sum(late_orders)::integer AS "lateOrders", sum(handoff_orders)::integer AS "handoffOrders",
                sum(handoff_seconds)::text AS "handoffSeconds", sum(handoff_lines)::integer AS "handoffLines",
                sum(late_handoff_lines)::integer AS "lateHandoffLines"
         FROM dw.mart_seller_performance WHERE month_key BETWEEN $1 AND $2
         GROUP BY seller_id ORDER BY ${order}, seller_id LIMIT $3 OFFSET $4`,
        [from, to, limit, offset],
      );
      return rows.map(({ seller_id, ...totals }) => ({ sellerId: seller_id, ...sellerKpis(totals as never) }));
    };
    for (const [from, to] of [
      ['2017-12', '2018-03'],
      ['2018-01', '2018-01'],
      ['2016-01', '2016-12'],
    ] as const) {
      const keys = (f: string) => Number(f.replace('-', ''));
      for (const by of ['revenue', 'orders'] as const) {
        for (const [limit, offset] of [
          [10, 0],
          [1, 0],
          [1, 1],
          [5, 3],
        ] as const) {
          const ranked = await queries.sellerRanking({ from, to }, by, limit, offset);
          expect(ranked.map(({ rank: _rank, city: _city, state: _state, ...rest }) => rest)).toEqual(await reference(keys(from), keys(to), by, limit, offset));
          expect(ranked.map((r) => r.rank)).toEqual(ranked.map((_r, i) => offset + i + 1));
        }
      }
    }
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
