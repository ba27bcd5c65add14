import { fromScaled, ratio, ratioNumber, toScaled } from './decimal';
import { MONEY_SCALE } from './executive-metrics';

/** The additive figures of mart_customer_segments for one segment. */
export interface SegmentTotals {
  segment: string;
  customers: number;
  /** Σ kept orders of the segment's customers. */
  orders: number;
  revenue: string;
  /** Customers with a recency figure, and the sum of their recency_days. */
  recencyCustomers: number;
  recencyDaysSum: number;
}

export interface SegmentKpis {
  segment: string;
  customers: number;
  orders: number;
  revenue: string;
  /** orders / customers, 4 places. */
  avgOrders: number | null;
  /** revenue / customers, to the cent. */
  revenuePerCustomer: string | null;
  /** Mean recency_days of the segment's customers, 4 places. */
  avgRecencyDays: number | null;
}

export function segmentKpis(totals: SegmentTotals): SegmentKpis {
  const customers = BigInt(totals.customers);
  return {
    segment: totals.segment,
    customers: totals.customers,
    orders: totals.orders,
    revenue: totals.revenue,
    avgOrders: ratioNumber(BigInt(totals.orders), 0, customers, 4),
    revenuePerCustomer: ratio(toScaled(totals.revenue, MONEY_SCALE), MONEY_SCALE, customers, MONEY_SCALE),
    avgRecencyDays: ratioNumber(BigInt(totals.recencyDaysSum), 0, BigInt(totals.recencyCustomers), 4),
  };
}

/** The all-segments line: the sum of every segment. */
export function allSegmentsTotals(rows: readonly SegmentTotals[]): SegmentTotals {
  return rows.reduce<SegmentTotals>(
    (sum, row) => ({
      segment: sum.segment,
      customers: sum.customers + row.customers,
      orders: sum.orders + row.orders,
      revenue: fromScaled(toScaled(sum.revenue, MONEY_SCALE) + toScaled(row.revenue, MONEY_SCALE), MONEY_SCALE),
      recencyCustomers: sum.recencyCustomers + row.recencyCustomers,
      recencyDaysSum: sum.recencyDaysSum + row.recencyDaysSum,
    }),
    { segment: 'all', customers: 0, orders: 0, revenue: '0.00', recencyCustomers: 0, recencyDaysSum: 0 },
  );
}
