import { eachDate } from '../../domain/calendar/calendar-date';
import { timeBucket } from '../../domain/calendar/time-bucket';
import { emptyExecutiveTotals, sumExecutiveTotals, type ExecutiveTotals } from '../../domain/metrics/executive-metrics';
import { emptySellerTotals } from '../../domain/metrics/seller-metrics';
import { type ExecutiveDay, type MartReader } from '../ports/mart-reader.port';
import { InvalidQueryError } from './invalid-query.error';
import { WarehouseQueryService } from './warehouse-query.service';

const day = (date: string, totals: Partial<ExecutiveTotals>): ExecutiveDay => ({ date, totals: { ...emptyExecutiveTotals(), ...totals } });

/** Marts in memory: the reader filters as its SQL does. */
function marts(overrides: Partial<MartReader> = {}): MartReader & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  const days = [
    day('2017-12-31', { orders: 2, keptOrders: 2, gmv: '20.00', deliveredOrders: 1, lateOrders: 1, deliverySeconds: '86400.000000' }),
    day('2018-01-01', { orders: 4, keptOrders: 3, canceledOrders: 1, gmv: '100.01', deliveredOrders: 3, deliverySeconds: '518400.000000', reviewCount: 2, reviewScoreSum: 9 }),
    day('2018-01-08', { orders: 1, keptOrders: 1, gmv: '5.00', newCustomers: 1 }),
  ];
  return {
    calls,
    executiveDays: async (from, to) => {
      calls.push(['executiveDays', from, to]);
      return days.filter((d) => d.date >= from && d.date <= to);
    },
    // Each period of the range with the sums of the fields asked for only, as the SQL groups them.
    executivePeriods: async (from, to, grain, fields) => {
      calls.push(['executivePeriods', from, to, grain, fields]);
      const periods: { period: string; from: string; to: string; days: ExecutiveTotals[] }[] = [];
      for (const date of eachDate(from, to)) {
        const period = timeBucket(date, grain);
        if (periods.at(-1)?.period !== period) periods.push({ period, from: date, to: date, days: [] });
        const last = periods.at(-1)!;
        last.to = date;
        last.days.push(...days.filter((d) => d.date === date).map((d) => d.totals));
      }
      return periods.map(({ days: sums, ...p }) => {
        const all = sumExecutiveTotals(sums);
        return { ...p, totals: { ...emptyExecutiveTotals(), ...Object.fromEntries(fields.map((f) => [f, all[f]])) } };
      });
    },
    executiveTotals: async (from, to) => {
      calls.push(['executiveTotals', from, to]);
      return sumExecutiveTotals(days.filter((d) => d.date >= from && d.date <= to).map((d) => d.totals));
    },
    sellerMonths: async (sellerId, months) => {
      calls.push(['sellerMonths', sellerId, months]);
      return [
        { monthKey: 201801, totals: { ...emptySellerTotals(), orders: 2, lines: 3, revenue: '30.00', deliveredOrders: 2, lateOrders: 1 } },
        { monthKey: 201802, totals: { ...emptySellerTotals(), orders: 1, lines: 1, revenue: '12.50', deliveredOrders: 2, lateOrders: 0 } },
      ];
    },
    sellerExists: async (sellerId) => (sellerId === 's1' ? { city: 'sao paulo', state: 'SP' } : null),
    sellerRanking: async (months, by, limit, offset) => {
      calls.push(['sellerRanking', months, by, limit, offset]);
      return [
        { sellerId: 's9', city: 'lages', state: 'SC', totals: { ...emptySellerTotals(), orders: 9, revenue: '900.00', reviewCount: 2, reviewScoreSum: 7 } },
        { sellerId: 's1', city: null, state: null, totals: { ...emptySellerTotals(), orders: 3, revenue: '10.00' } },
      ];
    },
    segments: async () => [
      { segment: 'champions', customers: 2, orders: 6, revenue: '100.00', recencyCustomers: 2, recencyDaysSum: 20 },
      { segment: 'unsegmented', customers: 2, orders: 2, revenue: '10.00', recencyCustomers: 0, recencyDaysSum: 0 },
    ],
    deliveryCells: async (months, filter) => {
      calls.push(['deliveryCells', months, filter]);
      const cell = (sellerState: string, customerState: string, deliveries: number, late: number) => ({
        sellerState,
        customerState,
        totals: { deliveries, deliverySeconds: String(deliveries * 86_400 * 2), lateDeliveries: late, distanceDeliveries: deliveries, distanceKmSum: String(deliveries * 100) },
      });
      // Two months of SP → RJ, one of SP → SP.
      return [cell('SP', 'RJ', 3, 1), cell('SP', 'SP', 10, 0), cell('SP', 'RJ', 1, 1)];
    },
    topicFreshness: async () => [
      { topic: 'sales.order.v1', newestEventTime: '2024-05-01T12:00:00.000Z', lastAppliedAt: '2024-05-01T12:00:01.000Z', eventsApplied: 10, lastBatchLatencySeconds: 1 },
      { topic: 'customer.review.v1', newestEventTime: '2024-05-01T11:00:00.000Z', lastAppliedAt: '2024-05-01T12:00:01.000Z', eventsApplied: 2, lastBatchLatencySeconds: 3 },
    ],
    consumerLag: async () => [{ consumer: 'warehouse', topic: 'sales.order.v1', partition: 0, lag: 4, observedAt: '2024-05-01T12:00:01.000Z' }],
    recentBatches: async (limit) => {
      calls.push(['recentBatches', limit]);
      return [];
    },
    ...overrides,
  };
}

describe('the warehouse read use cases', () => {
  it('sums a range of days and weighs its ratios', async () => {
    const service = new WarehouseQueryService(marts());
    expect(await service.executiveKpis({ from: '2017-12-31', to: '2018-01-07' })).toEqual({
      from: '2017-12-31',
      to: '2018-01-07',
      orders: 6,
      canceledOrders: 1,
      gmv: '120.01',
      freight: '0.00',
      payments: '0.00',
      aov: '24.00',
      newCustomers: 0,
      deliveredOrders: 4,
      lateOrders: 1,
      onTimeRate: 0.75,
      avgDeliveryDays: 1.75,
      avgReviewScore: 4.5,
    });
  });

  it('gives a time series per day, ISO week or month, every period of the range included', async () => {
    const service = new WarehouseQueryService(marts());
    const byDay = await service.executiveSeries('orders', 'day', { from: '2017-12-31', to: '2018-01-02' });
    expect(byDay).toEqual([
      { period: '2017-12-31', from: '2017-12-31', to: '2017-12-31', value: 2 },
      { period: '2018-01-01', from: '2018-01-01', to: '2018-01-01', value: 4 },
      { period: '2018-01-02', from: '2018-01-02', to: '2018-01-02', value: 0 },
    ]);
    // 2017-12-31 is a Sunday of 2017-W52; 2018-01-01 opens 2018-W01.
    expect(await service.executiveSeries('on_time_rate', 'iso_week', { from: '2017-12-31', to: '2018-01-14' })).toEqual([
      { period: '2017-W52', from: '2017-12-31', to: '2017-12-31', value: 0 },
      { period: '2018-W01', from: '2018-01-01', to: '2018-01-07', value: 1 },
      { period: '2018-W02', from: '2018-01-08', to: '2018-01-14', value: null },
    ]);
    expect(await service.executiveSeries('gmv', 'month', { from: '2017-12-15', to: '2018-01-31' })).toEqual([
      { period: '2017-12', from: '2017-12-15', to: '2017-12-31', value: '20.00' },
      { period: '2018-01', from: '2018-01-01', to: '2018-01-31', value: '105.01' },
    ]);
  });

  it('asks the marts for the periods and only the totals the metric needs', async () => {
    const reader = marts();
    const service = new WarehouseQueryService(reader);
    await service.executiveSeries('avg_delivery_days', 'month', { from: '2017-12-01', to: '2018-01-31' });
    expect(reader.calls).toContainEqual(['executivePeriods', '2017-12-01', '2018-01-31', 'month', ['deliverySeconds', 'deliveredOrders']]);
    expect((await service.executiveSeries('aov', 'month', { from: '2017-12-01', to: '2018-01-31' })).map((p) => p.value)).toEqual(['10.00', '26.25']);
  });

  it('refuses a bad range, naming each bad field', async () => {
    const service = new WarehouseQueryService(marts());
    const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error);
    const bad = await failure(service.executiveKpis({ from: '2018-02-30', to: 'soon' }));
    expect(bad).toBeInstanceOf(InvalidQueryError);
    expect((bad as InvalidQueryError).violations).toEqual([
      { field: 'from', message: 'must be a calendar date YYYY-MM-DD' },
      { field: 'to', message: 'must be a calendar date YYYY-MM-DD' },
    ]);
    expect(((await failure(service.executiveKpis({ from: '2018-02-02', to: '2018-02-01' }))) as InvalidQueryError).violations).toEqual([
      { field: 'to', message: 'must not be before from' },
    ]);
    expect(((await failure(service.executiveSeries('gmv', 'day', { from: '2016-01-01', to: '2031-01-01' }))) as InvalidQueryError).message).toBe(
      'to: must be less than 5479 days after from (up to 2030-12-31)',
    );
    expect(((await failure(service.sellerRanking({ from: '2018-13', to: '2018-01' }, 'profit' as 'orders', 0, -1))) as InvalidQueryError).violations).toEqual([
      { field: 'by', message: 'must be revenue or orders' },
      { field: 'limit', message: 'must be an integer from 1 to 500' },
      { field: 'offset', message: 'must be an integer of 0 or more' },
      { field: 'from', message: 'must be a month YYYY-MM' },
    ]);
    expect(((await failure(service.sellerPerformance('bad id!', { from: '2018-02', to: '2018-01' }))) as InvalidQueryError).violations).toEqual([
      { field: 'sellerId', message: 'must be a seller id (letters, digits, _ or -)' },
      { field: 'to', message: 'must not be before from' },
    ]);
    expect(((await failure(service.deliveryPerformance({ from: '2018-01', to: '2018-02' }, { sellerState: 'sp' }))) as InvalidQueryError).violations).toEqual([
      { field: 'sellerState', message: 'must be a two-letter state, e.g. SP' },
    ]);
  });

  it('reports one seller over months, and nothing for an unknown seller', async () => {
    const reader = marts();
    const service = new WarehouseQueryService(reader);
    const performance = await service.sellerPerformance('s1', { from: '2018-01', to: '2018-06' });
    expect(performance).toMatchObject({ sellerId: 's1', city: 'sao paulo', state: 'SP', orders: 3, lines: 4, revenue: '42.50', lateDeliveryRate: 0.25 });
    expect(performance!.months.map((m) => [m.month, m.orders, m.lateDeliveryRate])).toEqual([
      ['2018-01', 2, 0.5],
      ['2018-02', 1, 0],
    ]);
    expect(reader.calls).toContainEqual(['sellerMonths', 's1', { from: 201801, to: 201806 }]);
    expect(await service.sellerPerformance('nobody', { from: '2018-01', to: '2018-06' })).toBeNull();
  });

  it('ranks sellers from the offset on', async () => {
    const reader = marts();
    const ranked = await new WarehouseQueryService(reader).sellerRanking({ from: '2017-01', to: '2018-12' }, 'revenue', 2, 10);
    expect(ranked.map((r) => [r.rank, r.sellerId, r.revenue, r.avgReviewScore])).toEqual([
      [11, 's9', '900.00', 3.5],
      [12, 's1', '10.00', null],
    ]);
    expect(reader.calls).toContainEqual(['sellerRanking', { from: 201701, to: 201812 }, 'revenue', 2, 10]);
    await new WarehouseQueryService(reader).sellerRanking({ from: '2017-01', to: '2018-12' }, 'orders', 5);
    expect(reader.calls).toContainEqual(['sellerRanking', { from: 201701, to: 201812 }, 'orders', 5, 0]);
  });

  it('summarises segments with an all-segments line', async () => {
    const summary = await new WarehouseQueryService(marts()).segmentSummary();
    expect(summary.segments.map((s) => [s.segment, s.avgOrders, s.avgRecencyDays])).toEqual([
      ['champions', 3, 10],
      ['unsegmented', 1, null],
    ]);
    expect(summary.all).toMatchObject({ segment: 'all', customers: 4, orders: 8, revenue: '110.00', avgOrders: 2, avgRecencyDays: 10 });
  });

  it('sums delivery cells over the months, biggest first', async () => {
    const reader = marts();
    const rows = await new WarehouseQueryService(reader).deliveryPerformance({ from: '2018-01', to: '2018-02' }, { sellerState: 'SP' });
    expect(rows).toEqual([
      { sellerState: 'SP', customerState: 'SP', deliveries: 10, lateDeliveries: 0, avgDeliveryDays: 2, lateRate: 0, avgDistanceKm: 100 },
      { sellerState: 'SP', customerState: 'RJ', deliveries: 4, lateDeliveries: 2, avgDeliveryDays: 2, lateRate: 0.5, avgDistanceKm: 100 },
    ]);
    expect(reader.calls).toContainEqual(['deliveryCells', { from: 201801, to: 201802 }, { sellerState: 'SP' }]);
  });

  it('tells how fresh the warehouse is', async () => {
    const reader = marts();
    const freshness = await new WarehouseQueryService(reader).freshness();
    expect(freshness.completeThrough).toBe('2024-05-01T11:00:00.000Z');
    expect(freshness.consumerLag).toHaveLength(1);
    expect(reader.calls).toContainEqual(['recentBatches', 20]);
    expect((await new WarehouseQueryService(marts({ topicFreshness: async () => [] })).freshness()).completeThrough).toBeNull();
  });
});
