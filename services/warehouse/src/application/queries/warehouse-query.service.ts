import { addDays, daysBetween, InvalidDateError, parseIsoDate } from '../../domain/calendar/calendar-date';
import { type TimeGrain } from '../../domain/calendar/time-bucket';
import { addDeliveryTotals, deliveryKpis, emptyDeliveryTotals } from '../../domain/metrics/delivery-metrics';
import { executiveKpis, executiveMetricOf, METRIC_TOTALS, sumExecutiveTotals, type ExecutiveMetric } from '../../domain/metrics/executive-metrics';
import { allSegmentsTotals, segmentKpis } from '../../domain/metrics/segment-metrics';
import { addSellerTotals, emptySellerTotals, sellerKpis } from '../../domain/metrics/seller-metrics';
import { type MartReader, type MonthKeyRange } from '../ports/mart-reader.port';
import {
  type DateRange,
  type DeliveryPerformanceRow,
  type ExecutiveSummary,
  type MonthRange,
  type RankedSeller,
  type SegmentSummary,
  type SellerPerformance,
  type SeriesPoint,
  type WarehouseFreshness,
  type WarehouseQueries,
} from '../ports/warehouse-queries.port';
import { InvalidQueryError, type QueryViolation } from './invalid-query.error';

/** The longest range a query may cover: dim_date's 15 years. */
export const MAX_RANGE_DAYS = 5_479;
export const MAX_PAGE = 500;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * The warehouse's read use cases. Each answer is computed from the marts' additive figures with the
 * domain's formulas, so a ratio over a range is weighted by its denominators (docs/metrics.md).
 */
export class WarehouseQueryService implements WarehouseQueries {
  constructor(private readonly marts: MartReader) {}

  async executiveKpis(range: DateRange): Promise<ExecutiveSummary> {
    const { from, to } = checkDateRange(range);
    // Summed by the database: one row back instead of one per day (the sum re-reads it in the domain's decimal form).
    return { from, to, ...executiveKpis(sumExecutiveTotals([await this.marts.executiveTotals(from, to)])) };
  }

  async executiveSeries(metric: ExecutiveMetric, grain: TimeGrain, range: DateRange): Promise<SeriesPoint[]> {
    const { from, to } = checkDateRange(range);
    // Grouped by period in the database, only the totals the metric needs; one metric per period here.
    const periods = await this.marts.executivePeriods(from, to, grain, METRIC_TOTALS[metric]);
    return periods.map((p) => ({ period: p.period, from: p.from, to: p.to, value: executiveMetricOf(p.totals, metric) }));
  }

  async sellerPerformance(sellerId: string, months: MonthRange): Promise<SellerPerformance | null> {
    const range = checkMonthRange(months, checkSellerId(sellerId));
    const seller = await this.marts.sellerExists(sellerId);
    if (!seller) return null;
    const rows = await this.marts.sellerMonths(sellerId, range);
    const total = rows.reduce((sum, row) => addSellerTotals(sum, row.totals), emptySellerTotals());
    return {
      sellerId,
      city: seller.city,
      state: seller.state,
      ...sellerKpis(total),
      months: rows.map((row) => ({ month: monthText(row.monthKey), ...sellerKpis(row.totals) })),
    };
  }

  async sellerRanking(months: MonthRange, by: 'revenue' | 'orders', limit: number, offset = 0): Promise<RankedSeller[]> {
    const violations: QueryViolation[] = [];
    if (by !== 'revenue' && by !== 'orders') violations.push({ field: 'by', message: 'must be revenue or orders' });
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) violations.push({ field: 'limit', message: `must be an integer from 1 to ${MAX_PAGE}` });
    if (!Number.isInteger(offset) || offset < 0) violations.push({ field: 'offset', message: 'must be an integer of 0 or more' });
    const range = checkMonthRange(months, violations);
    const rows = await this.marts.sellerRanking(range, by, limit, offset);
    return rows.map((row, index) => ({ rank: offset + index + 1, sellerId: row.sellerId, city: row.city, state: row.state, ...sellerKpis(row.totals) }));
  }

  async segmentSummary(): Promise<SegmentSummary> {
    const rows = await this.marts.segments();
    return { segments: rows.map(segmentKpis), all: segmentKpis(allSegmentsTotals(rows)) };
  }

  async deliveryPerformance(months: MonthRange, filter: { sellerState?: string; customerState?: string } = {}): Promise<DeliveryPerformanceRow[]> {
    const violations: QueryViolation[] = [];
    for (const [field, value] of Object.entries(filter)) {
      if (value !== undefined && !/^[A-Z]{2}$/.test(value)) violations.push({ field, message: 'must be a two-letter state, e.g. SP' });
    }
    const range = checkMonthRange(months, violations);
    const cells = new Map<string, DeliveryPerformanceRow & { totals: ReturnType<typeof emptyDeliveryTotals> }>();
    for (const cell of await this.marts.deliveryCells(range, filter)) {
      const key = `${cell.sellerState}>${cell.customerState}`;
      const entry = cells.get(key) ?? { sellerState: cell.sellerState, customerState: cell.customerState, totals: emptyDeliveryTotals(), ...deliveryKpis(emptyDeliveryTotals()) };
      entry.totals = addDeliveryTotals(entry.totals, cell.totals);
      cells.set(key, entry);
    }
    return [...cells.values()]
      .map(({ totals, sellerState, customerState }) => ({ sellerState, customerState, ...deliveryKpis(totals) }))
      .sort((a, b) => b.deliveries - a.deliveries || a.sellerState.localeCompare(b.sellerState) || a.customerState.localeCompare(b.customerState));
  }

  async freshness(): Promise<WarehouseFreshness> {
    const [topics, consumerLag, recentBatches] = await Promise.all([this.marts.topicFreshness(), this.marts.consumerLag(), this.marts.recentBatches(20)]);
    const newest = topics.map((t) => t.newestEventTime).sort();
    return { topics, consumerLag, recentBatches, completeThrough: newest[0] ?? null };
  }
}

function checkDateRange(range: DateRange): DateRange {
  const violations: QueryViolation[] = [];
  const valid = (field: 'from' | 'to') => {
    try {
      parseIsoDate(range[field]);
      return true;
    } catch (error) {
      if (!(error instanceof InvalidDateError)) throw error;
      violations.push({ field, message: 'must be a calendar date YYYY-MM-DD' });
      return false;
    }
  };
  const fromValid = valid('from');
  const toValid = valid('to');
  if (fromValid && toValid) {
    const days = daysBetween(range.from, range.to);
    if (days < 0) violations.push({ field: 'to', message: 'must not be before from' });
    else if (days >= MAX_RANGE_DAYS) violations.push({ field: 'to', message: `must be less than ${MAX_RANGE_DAYS} days after from (up to ${addDays(range.from, MAX_RANGE_DAYS - 1)})` });
  }
  if (violations.length > 0) throw new InvalidQueryError(violations);
  return range;
}

function checkMonthRange(months: MonthRange, violations: QueryViolation[] = []): MonthKeyRange {
  const key = (field: 'from' | 'to') => {
    const match = MONTH.exec(months[field] ?? '');
    if (!match) violations.push({ field, message: 'must be a month YYYY-MM' });
    return match ? Number(match[1]) * 100 + Number(match[2]) : undefined;
  };
  const from = key('from');
  const to = key('to');
  if (from !== undefined && to !== undefined && to < from) violations.push({ field: 'to', message: 'must not be before from' });
  if (violations.length > 0) throw new InvalidQueryError(violations);
  return { from: from!, to: to! };
}

function checkSellerId(sellerId: string): QueryViolation[] {
  return /^[0-9A-Za-z][0-9A-Za-z_-]{0,63}$/.test(sellerId) ? [] : [{ field: 'sellerId', message: 'must be a seller id (letters, digits, _ or -)' }];
}

function monthText(monthKey: number): string {
  return `${Math.floor(monthKey / 100)}-${String(monthKey % 100).padStart(2, '0')}`;
}
