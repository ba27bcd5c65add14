import { type IsoDate } from '../../domain/calendar/calendar-date';
import { type TimeGrain } from '../../domain/calendar/time-bucket';
import { type DeliveryKpis } from '../../domain/metrics/delivery-metrics';
import { type ExecutiveKpis, type ExecutiveMetric } from '../../domain/metrics/executive-metrics';
import { type SegmentKpis } from '../../domain/metrics/segment-metrics';
import { type SellerKpis } from '../../domain/metrics/seller-metrics';
import { type BatchLatencyRow, type ConsumerLagRow, type TopicFreshnessRow } from './mart-reader.port';

export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

/** Months as `YYYY-MM`, both included. */
export interface MonthRange {
  from: string;
  to: string;
}

export interface ExecutiveSummary extends ExecutiveKpis {
  from: IsoDate;
  to: IsoDate;
}

export interface SeriesPoint {
  /** `2018-01-10`, `2018-W02` or `2018-01`. */
  period: string;
  /** The first and last day of the period inside the range. */
  from: IsoDate;
  to: IsoDate;
  value: number | string | null;
}

export interface SellerPerformance extends SellerKpis {
  sellerId: string;
  city: string | null;
  state: string | null;
  months: (SellerKpis & { month: string })[];
}

export interface RankedSeller extends SellerKpis {
  rank: number;
  sellerId: string;
  city: string | null;
  state: string | null;
}

export interface SegmentSummary {
  segments: SegmentKpis[];
  all: SegmentKpis;
}

export interface DeliveryPerformanceRow extends DeliveryKpis {
  sellerState: string;
  customerState: string;
}

export interface WarehouseFreshness {
  topics: TopicFreshnessRow[];
  consumerLag: ConsumerLagRow[];
  recentBatches: BatchLatencyRow[];
  /** The oldest of the topics' newest event times: everything before it is in the marts. */
  completeThrough: string | null;
}

/** What the warehouse answers, from its marts only. */
export interface WarehouseQueries {
  executiveKpis(range: DateRange): Promise<ExecutiveSummary>;
  executiveSeries(metric: ExecutiveMetric, grain: TimeGrain, range: DateRange): Promise<SeriesPoint[]>;
  /** null when the warehouse knows no such seller. */
  sellerPerformance(sellerId: string, months: MonthRange): Promise<SellerPerformance | null>;
  sellerRanking(months: MonthRange, by: 'revenue' | 'orders', limit: number, offset?: number): Promise<RankedSeller[]>;
  segmentSummary(): Promise<SegmentSummary>;
  deliveryPerformance(months: MonthRange, filter?: { sellerState?: string; customerState?: string }): Promise<DeliveryPerformanceRow[]>;
  freshness(): Promise<WarehouseFreshness>;
}
