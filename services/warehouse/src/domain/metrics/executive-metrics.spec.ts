import {
  emptyExecutiveTotals,
  EXECUTIVE_METRICS,
  executiveKpis,
  executiveMetricOf,
  executiveMetricValue,
  isExecutiveMetric,
  METRIC_TOTALS,
  sumExecutiveTotals,
  type ExecutiveTotals,
} from './executive-metrics';

const day = (overrides: Partial<ExecutiveTotals>): ExecutiveTotals => ({ ...emptyExecutiveTotals(), ...overrides });

describe('executive KPIs', () => {
  const monday = day({
    orders: 3,
    canceledOrders: 1,
    keptOrders: 2,
    gmv: '100.00',
    freight: '20.50',
    payments: '120.50',
    newCustomers: 2,
    deliveredOrders: 2,
    lateOrders: 1,
    deliverySeconds: '777600.000000', // 4 + 5 days
    reviewCount: 2,
    reviewScoreSum: 9,
  });
  const tuesday = day({
    orders: 10,
    keptOrders: 10,
    gmv: '1000.01',
    freight: '0.99',
    payments: '1001.00',
    newCustomers: 1,
    deliveredOrders: 8,
    lateOrders: 0,
    deliverySeconds: '6912000.000000', // 80 days in all
    reviewCount: 3,
    reviewScoreSum: 4,
  });

  it('derives the ratios of a day', () => {
    expect(executiveKpis(monday)).toEqual({
      orders: 3,
      canceledOrders: 1,
      gmv: '100.00',
      freight: '20.50',
      payments: '120.50',
      aov: '50.00',
      newCustomers: 2,
      deliveredOrders: 2,
      lateOrders: 1,
      onTimeRate: 0.5,
      avgDeliveryDays: 4.5,
      avgReviewScore: 4.5,
    });
  });

  it('weights ratios over a range by their denominators, never averaging daily ratios', () => {
    const range = executiveKpis(sumExecutiveTotals([monday, tuesday]));
    expect(range.orders).toBe(13);
    expect(range.gmv).toBe('1100.01');
    expect(range.freight).toBe('21.49');
    expect(range.payments).toBe('1121.50');
    // 1100.01 / 12 kept orders = 91.6675 → 91.67 (the mean of daily AOVs would be 75.00).
    expect(range.aov).toBe('91.67');
    // 1 − 1/10 = 0.9 (the mean of daily rates would be 0.75).
    expect(range.onTimeRate).toBe(0.9);
    // (9 + 80) / 10 = 8.9 days.
    expect(range.avgDeliveryDays).toBe(8.9);
    // 13 / 5 = 2.6.
    expect(range.avgReviewScore).toBe(2.6);
    expect(range.newCustomers).toBe(3);
  });

  it('leaves a ratio of nothing null', () => {
    const kpis = executiveKpis(day({ orders: 1, canceledOrders: 1 }));
    expect(kpis.aov).toBeNull();
    expect(kpis.onTimeRate).toBeNull();
    expect(kpis.avgDeliveryDays).toBeNull();
    expect(kpis.avgReviewScore).toBeNull();
    expect(executiveKpis(sumExecutiveTotals([]))).toMatchObject({ orders: 0, gmv: '0.00', aov: null });
  });

  it('rounds to 4 places half away from zero', () => {
    const kpis = executiveKpis(day({ deliveredOrders: 3, lateOrders: 1, deliverySeconds: '100000.000000', reviewCount: 3, reviewScoreSum: 14 }));
    expect(kpis.onTimeRate).toBe(0.6667);
    expect(kpis.avgDeliveryDays).toBe(0.3858); // 100000 / 3 / 86400 = 0.385802…
    expect(kpis.avgReviewScore).toBe(4.6667);
  });

  it('names its metrics', () => {
    const kpis = executiveKpis(monday);
    expect(EXECUTIVE_METRICS.map((m) => executiveMetricValue(kpis, m))).toEqual([3, 1, '100.00', '20.50', '120.50', '50.00', 2, 2, 1, 0.5, 4.5, 4.5]);
    expect(isExecutiveMetric('gmv')).toBe(true);
    expect(isExecutiveMetric('profit')).toBe(false);
  });
});

describe('one executive metric from its totals', () => {
  const samples: ExecutiveTotals[] = [
    emptyExecutiveTotals(),
    // Sums as the database writes them: '0' for an empty period, more places than stored.
    { ...emptyExecutiveTotals(), gmv: '0', freight: '0', payments: '0', deliverySeconds: '0' },
    day({ orders: 7, canceledOrders: 2, keptOrders: 3, gmv: '100.01', freight: '7.5', payments: '107.51', newCustomers: 1, deliveredOrders: 3, lateOrders: 1, deliverySeconds: '300000.5', reviewCount: 3, reviewScoreSum: 11 }),
  ];

  it('is the value the KPIs give it, with money in two places', () => {
    for (const totals of samples) {
      const kpis = executiveKpis(sumExecutiveTotals([totals]));
      for (const metric of EXECUTIVE_METRICS) expect([metric, executiveMetricOf(totals, metric)]).toEqual([metric, executiveMetricValue(kpis, metric)]);
    }
  });

  it('needs only the totals METRIC_TOTALS names', () => {
    const full = samples[2]!;
    for (const metric of EXECUTIVE_METRICS) {
      const only = { ...emptyExecutiveTotals(), ...Object.fromEntries(METRIC_TOTALS[metric].map((f) => [f, full[f]])) };
      expect([metric, executiveMetricOf(only, metric)]).toEqual([metric, executiveMetricOf(full, metric)]);
    }
  });
});
