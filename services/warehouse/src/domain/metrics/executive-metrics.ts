import { fromScaled, ratio, ratioNumber, toScaled } from './decimal';

/**
 * The additive figures of mart_executive_dashboard: what one day stores and what a range of days
 * sums. Every ratio of the dashboard is computed from these sums, never as a mean of daily ratios.
 * Money is a decimal string with two places (exact to the cent).
 */
export interface ExecutiveTotals {
  orders: number;
  canceledOrders: number;
  keptOrders: number;
  gmv: string;
  freight: string;
  payments: string;
  newCustomers: number;
  deliveredOrders: number;
  lateOrders: number;
  /** Σ (delivered − purchase) in seconds over delivered orders, exact. */
  deliverySeconds: string;
  reviewCount: number;
  reviewScoreSum: number;
}

export interface ExecutiveKpis {
  orders: number;
  canceledOrders: number;
  gmv: string;
  freight: string;
  payments: string;
  /** gmv / kept orders, to the cent; null without kept orders. */
  aov: string | null;
  newCustomers: number;
  deliveredOrders: number;
  lateOrders: number;
  /** 1 − late / delivered, 4 places; null without delivered orders. */
  onTimeRate: number | null;
  /** Mean (delivered − purchase) in days, 4 places; null without delivered orders. */
  avgDeliveryDays: number | null;
  /** Mean review score, 4 places; null without reviews. */
  avgReviewScore: number | null;
}

export const EXECUTIVE_METRICS = [
  'orders',
  'canceled_orders',
  'gmv',
  'freight',
  'payments',
  'aov',
  'new_customers',
  'delivered_orders',
  'late_orders',
  'on_time_rate',
  'avg_delivery_days',
  'avg_review_score',
] as const;
export type ExecutiveMetric = (typeof EXECUTIVE_METRICS)[number];

export const MONEY_SCALE = 2;
export const SECONDS_SCALE = 6;
const SECONDS_PER_DAY = 86_400n;

export function emptyExecutiveTotals(): ExecutiveTotals {
  return {
    orders: 0,
    canceledOrders: 0,
    keptOrders: 0,
    gmv: '0.00',
    freight: '0.00',
    payments: '0.00',
    newCustomers: 0,
    deliveredOrders: 0,
    lateOrders: 0,
    deliverySeconds: '0.000000',
    reviewCount: 0,
    reviewScoreSum: 0,
  };
}

const money = (value: string) => toScaled(value, MONEY_SCALE);
const addMoney = (a: string, b: string) => fromScaled(money(a) + money(b), MONEY_SCALE);
const addSeconds = (a: string, b: string) => fromScaled(toScaled(a, SECONDS_SCALE) + toScaled(b, SECONDS_SCALE), SECONDS_SCALE);

export function addExecutiveTotals(a: ExecutiveTotals, b: ExecutiveTotals): ExecutiveTotals {
  return {
    orders: a.orders + b.orders,
    canceledOrders: a.canceledOrders + b.canceledOrders,
    keptOrders: a.keptOrders + b.keptOrders,
    gmv: addMoney(a.gmv, b.gmv),
    freight: addMoney(a.freight, b.freight),
    payments: addMoney(a.payments, b.payments),
    newCustomers: a.newCustomers + b.newCustomers,
    deliveredOrders: a.deliveredOrders + b.deliveredOrders,
    lateOrders: a.lateOrders + b.lateOrders,
    deliverySeconds: addSeconds(a.deliverySeconds, b.deliverySeconds),
    reviewCount: a.reviewCount + b.reviewCount,
    reviewScoreSum: a.reviewScoreSum + b.reviewScoreSum,
  };
}

export function sumExecutiveTotals(rows: Iterable<ExecutiveTotals>): ExecutiveTotals {
  let total = emptyExecutiveTotals();
  for (const row of rows) total = addExecutiveTotals(total, row);
  return total;
}

const aovOf = (t: ExecutiveTotals) => ratio(money(t.gmv), MONEY_SCALE, BigInt(t.keptOrders), MONEY_SCALE);
const onTimeRateOf = (t: ExecutiveTotals) => ratioNumber(BigInt(t.deliveredOrders) - BigInt(t.lateOrders), 0, BigInt(t.deliveredOrders), 4);
const avgDeliveryDaysOf = (t: ExecutiveTotals) =>
  ratioNumber(toScaled(t.deliverySeconds, SECONDS_SCALE), SECONDS_SCALE, BigInt(t.deliveredOrders) * SECONDS_PER_DAY, 4);
const avgReviewScoreOf = (t: ExecutiveTotals) => ratioNumber(BigInt(t.reviewScoreSum), 0, BigInt(t.reviewCount), 4);

/** The KPIs of a day or a range, from its totals (docs/metrics.md gives the definitions). */
export function executiveKpis(totals: ExecutiveTotals): ExecutiveKpis {
  return {
    orders: totals.orders,
    canceledOrders: totals.canceledOrders,
    gmv: totals.gmv,
    freight: totals.freight,
    payments: totals.payments,
    aov: aovOf(totals),
    newCustomers: totals.newCustomers,
    deliveredOrders: totals.deliveredOrders,
    lateOrders: totals.lateOrders,
    onTimeRate: onTimeRateOf(totals),
    avgDeliveryDays: avgDeliveryDaysOf(totals),
    avgReviewScore: avgReviewScoreOf(totals),
  };
}

const METRIC_FIELD: Record<ExecutiveMetric, keyof ExecutiveKpis> = {
  orders: 'orders',
  canceled_orders: 'canceledOrders',
  gmv: 'gmv',
  freight: 'freight',
  payments: 'payments',
  aov: 'aov',
  new_customers: 'newCustomers',
  delivered_orders: 'deliveredOrders',
  late_orders: 'lateOrders',
  on_time_rate: 'onTimeRate',
  avg_delivery_days: 'avgDeliveryDays',
  avg_review_score: 'avgReviewScore',
};

/**
 * The totals each metric is computed from: a series reads only these (the others stay 0), and
 * executiveMetricOf computes the one metric from them exactly as executiveKpis does.
 */
export const METRIC_TOTALS: Record<ExecutiveMetric, readonly (keyof ExecutiveTotals)[]> = {
  orders: ['orders'],
  canceled_orders: ['canceledOrders'],
  gmv: ['gmv'],
  freight: ['freight'],
  payments: ['payments'],
  aov: ['gmv', 'keptOrders'],
  new_customers: ['newCustomers'],
  delivered_orders: ['deliveredOrders'],
  late_orders: ['lateOrders'],
  on_time_rate: ['deliveredOrders', 'lateOrders'],
  avg_delivery_days: ['deliverySeconds', 'deliveredOrders'],
  avg_review_score: ['reviewScoreSum', 'reviewCount'],
};

/** One metric from the totals, without the others' arithmetic: the value executiveKpis gives it. */
export function executiveMetricOf(totals: ExecutiveTotals, metric: ExecutiveMetric): number | string | null {
  switch (metric) {
    case 'orders':
      return totals.orders;
    case 'canceled_orders':
      return totals.canceledOrders;
    // Money in its canonical two-place form, as the decimal sum of executiveKpis' path writes it.
    case 'gmv':
      return fromScaled(money(totals.gmv), MONEY_SCALE);
    case 'freight':
      return fromScaled(money(totals.freight), MONEY_SCALE);
    case 'payments':
      return fromScaled(money(totals.payments), MONEY_SCALE);
    case 'new_customers':
      return totals.newCustomers;
    case 'delivered_orders':
      return totals.deliveredOrders;
    case 'late_orders':
      return totals.lateOrders;
    case 'aov':
      return aovOf(totals);
    case 'on_time_rate':
      return onTimeRateOf(totals);
    case 'avg_delivery_days':
      return avgDeliveryDaysOf(totals);
    case 'avg_review_score':
      return avgReviewScoreOf(totals);
  }
}

/** One metric of the KPIs: a count, a money string, or a ratio (null when undefined). */
export function executiveMetricValue(kpis: ExecutiveKpis, metric: ExecutiveMetric): number | string | null {
  return kpis[METRIC_FIELD[metric]];
}

export function isExecutiveMetric(name: string): name is ExecutiveMetric {
  return (EXECUTIVE_METRICS as readonly string[]).includes(name);
}
