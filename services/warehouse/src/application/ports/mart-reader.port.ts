import { type IsoDate } from '../../domain/calendar/calendar-date';
import { type TimeGrain } from '../../domain/calendar/time-bucket';
import { type DeliveryTotals } from '../../domain/metrics/delivery-metrics';
import { type ExecutiveTotals } from '../../domain/metrics/executive-metrics';
import { type SegmentTotals } from '../../domain/metrics/segment-metrics';
import { type SellerTotals } from '../../domain/metrics/seller-metrics';

/** Months as keys yyyymm, both included. */
export interface MonthKeyRange {
  from: number;
  to: number;
}

export interface ExecutiveDay {
  date: IsoDate;
  totals: ExecutiveTotals;
}

/** The sums of one period (day, ISO week or month) of a series, clipped to the range asked for. */
export interface ExecutivePeriod {
  period: string;
  from: IsoDate;
  to: IsoDate;
  /** Only the fields asked for are summed; the others are 0. */
  totals: ExecutiveTotals;
}

export interface SellerMonth {
  monthKey: number;
  totals: SellerTotals;
}

export interface SellerSummary {
  sellerId: string;
  city: string | null;
  state: string | null;
  totals: SellerTotals;
}

export interface DeliveryCellTotals {
  sellerState: string;
  customerState: string;
  totals: DeliveryTotals;
}

export interface TopicFreshnessRow {
  topic: string;
  newestEventTime: string;
  lastAppliedAt: string;
  eventsApplied: number;
  lastBatchLatencySeconds: number;
}

export interface ConsumerLagRow {
  consumer: string;
  topic: string;
  partition: number;
  lag: number;
  observedAt: string;
}

export interface BatchLatencyRow {
  appliedAt: string;
  events: number;
  applySeconds: number;
  minLatencySeconds: number;
  maxLatencySeconds: number;
  avgLatencySeconds: number;
}

/**
 * Reads the marts (and dimensions for names), never the facts: every answer is a lookup or a sum over
 * pre-aggregated rows, whatever the size of the history.
 */
export interface MartReader {
  executiveDays(from: IsoDate, to: IsoDate): Promise<ExecutiveDay[]>;
  /** The sums of the executive totals over the days from..to (a single row, summed by the database). */
  executiveTotals(from: IsoDate, to: IsoDate): Promise<ExecutiveTotals>;
  /**
   * Every period of from..to (days without sales included, with zero sums), in time order, each with
   * the sums of `fields` over its days: grouped by the database, one row per period.
   */
  executivePeriods(from: IsoDate, to: IsoDate, grain: TimeGrain, fields: readonly (keyof ExecutiveTotals)[]): Promise<ExecutivePeriod[]>;
  sellerMonths(sellerId: string, months: MonthKeyRange): Promise<SellerMonth[]>;
  sellerExists(sellerId: string): Promise<{ city: string | null; state: string | null } | null>;
  /** Sellers ranked by the sum of `by` over the months, best first. */
  sellerRanking(months: MonthKeyRange, by: 'revenue' | 'orders', limit: number, offset: number): Promise<SellerSummary[]>;
  segments(): Promise<SegmentTotals[]>;
  deliveryCells(months: MonthKeyRange, filter: { sellerState?: string; customerState?: string }): Promise<DeliveryCellTotals[]>;
  topicFreshness(): Promise<TopicFreshnessRow[]>;
  consumerLag(): Promise<ConsumerLagRow[]>;
  recentBatches(limit: number): Promise<BatchLatencyRow[]>;
}
