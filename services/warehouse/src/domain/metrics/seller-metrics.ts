import { fromScaled, ratioNumber, toScaled } from './decimal';
import { MONEY_SCALE, SECONDS_SCALE } from './executive-metrics';

/** The additive figures of mart_seller_performance for one seller over one month or more. */
export interface SellerTotals {
  orders: number;
  canceledOrders: number;
  lines: number;
  revenue: string;
  freight: string;
  reviewCount: number;
  reviewScoreSum: number;
  deliveredOrders: number;
  lateOrders: number;
  handoffOrders: number;
  /** Σ (carrier hand-off − purchase) in seconds over handoffOrders. */
  handoffSeconds: string;
  handoffLines: number;
  lateHandoffLines: number;
}

export interface SellerKpis {
  orders: number;
  canceledOrders: number;
  lines: number;
  revenue: string;
  freight: string;
  avgReviewScore: number | null;
  /** late / delivered orders, 4 places. */
  lateDeliveryRate: number | null;
  /** Mean hours from purchase to carrier hand-off, 4 places. */
  avgHandoffHours: number | null;
  /** Lines handed over after their shipping limit / lines handed over, 4 places. */
  lateHandoffShare: number | null;
}

export function emptySellerTotals(): SellerTotals {
  return {
    orders: 0,
    canceledOrders: 0,
    lines: 0,
    revenue: '0.00',
    freight: '0.00',
    reviewCount: 0,
    reviewScoreSum: 0,
    deliveredOrders: 0,
    lateOrders: 0,
    handoffOrders: 0,
    handoffSeconds: '0.000000',
    handoffLines: 0,
    lateHandoffLines: 0,
  };
}

export function addSellerTotals(a: SellerTotals, b: SellerTotals): SellerTotals {
  return {
    orders: a.orders + b.orders,
    canceledOrders: a.canceledOrders + b.canceledOrders,
    lines: a.lines + b.lines,
    revenue: fromScaled(toScaled(a.revenue, MONEY_SCALE) + toScaled(b.revenue, MONEY_SCALE), MONEY_SCALE),
    freight: fromScaled(toScaled(a.freight, MONEY_SCALE) + toScaled(b.freight, MONEY_SCALE), MONEY_SCALE),
    reviewCount: a.reviewCount + b.reviewCount,
    reviewScoreSum: a.reviewScoreSum + b.reviewScoreSum,
    deliveredOrders: a.deliveredOrders + b.deliveredOrders,
    lateOrders: a.lateOrders + b.lateOrders,
    handoffOrders: a.handoffOrders + b.handoffOrders,
    handoffSeconds: fromScaled(toScaled(a.handoffSeconds, SECONDS_SCALE) + toScaled(b.handoffSeconds, SECONDS_SCALE), SECONDS_SCALE),
    handoffLines: a.handoffLines + b.handoffLines,
    lateHandoffLines: a.lateHandoffLines + b.lateHandoffLines,
  };
}

export function sellerKpis(totals: SellerTotals): SellerKpis {
  return {
    orders: totals.orders,
    canceledOrders: totals.canceledOrders,
    lines: totals.lines,
    revenue: totals.revenue,
    freight: totals.freight,
    avgReviewScore: ratioNumber(BigInt(totals.reviewScoreSum), 0, BigInt(totals.reviewCount), 4),
    lateDeliveryRate: ratioNumber(BigInt(totals.lateOrders), 0, BigInt(totals.deliveredOrders), 4),
    avgHandoffHours: ratioNumber(toScaled(totals.handoffSeconds, SECONDS_SCALE), SECONDS_SCALE, BigInt(totals.handoffOrders) * 3600n, 4),
    lateHandoffShare: ratioNumber(BigInt(totals.lateHandoffLines), 0, BigInt(totals.handoffLines), 4),
  };
}
