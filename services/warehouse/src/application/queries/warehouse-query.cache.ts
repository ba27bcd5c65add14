import { type MartVersion } from '../ports/mart-version.port';
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
import { type TimeGrain } from '../../domain/calendar/time-bucket';
import { type ExecutiveMetric } from '../../domain/metrics/executive-metrics';

/** Answers kept per version at most; past it the oldest go first (ranking pages × ranges are unbounded). */
export const DEFAULT_CACHE_ENTRIES = 2_000;

/**
 * The read use cases, each answer kept until the marts' version changes (the next applied batch, a
 * rebuild swapped in, or invalidate()): a repeated question is then a version lookup, whatever its
 * aggregate costs. Every request reads the version first, so an answer is never served after a change
 * committed before the request came. Concurrent identical questions share one computation; failures
 * (invalid queries included) are not kept. Answers are shared between callers, which must not change them.
 * Freshness is never cached (it is what tells how old the rest is); concurrent reads of it share one.
 */
export class CachedWarehouseQueries implements WarehouseQueries {
  private version: string | undefined;
  private answers = new Map<string, Promise<unknown>>();
  private epoch = 0;
  private freshnessInFlight: Promise<WarehouseFreshness> | undefined;

  constructor(
    private readonly inner: WarehouseQueries,
    private readonly marts: MartVersion,
    private readonly maxEntries = DEFAULT_CACHE_ENTRIES,
  ) {}

  /** Drops every answer, for changes the version does not see (a geolocation import in this process). */
  invalidate(): void {
    this.epoch += 1;
    this.answers = new Map();
  }

  executiveKpis(range: DateRange): Promise<ExecutiveSummary> {
    return this.cached(['kpis', range.from, range.to], () => this.inner.executiveKpis(range));
  }

  executiveSeries(metric: ExecutiveMetric, grain: TimeGrain, range: DateRange): Promise<SeriesPoint[]> {
    return this.cached(['series', metric, grain, range.from, range.to], () => this.inner.executiveSeries(metric, grain, range));
  }

  sellerPerformance(sellerId: string, months: MonthRange): Promise<SellerPerformance | null> {
    return this.cached(['seller', sellerId, months.from, months.to], () => this.inner.sellerPerformance(sellerId, months));
  }

  sellerRanking(months: MonthRange, by: 'revenue' | 'orders', limit: number, offset = 0): Promise<RankedSeller[]> {
    return this.cached(['ranking', months.from, months.to, by, limit, offset], () => this.inner.sellerRanking(months, by, limit, offset));
  }

  segmentSummary(): Promise<SegmentSummary> {
    return this.cached(['segments'], () => this.inner.segmentSummary());
  }

  deliveryPerformance(months: MonthRange, filter: { sellerState?: string; customerState?: string } = {}): Promise<DeliveryPerformanceRow[]> {
    return this.cached(['deliveries', months.from, months.to, filter.sellerState ?? null, filter.customerState ?? null], () =>
      this.inner.deliveryPerformance(months, filter),
    );
  }

  /**
   * Never kept: each answer is read after the request came, except that requests arriving while one
   * read is in flight share it (its rows are at most that read's few milliseconds old), so a crowd of
   * pollers costs one read at a time.
   */
  freshness(): Promise<WarehouseFreshness> {
    this.freshnessInFlight ??= this.inner.freshness().finally(() => {
      this.freshnessInFlight = undefined;
    });
    return this.freshnessInFlight;
  }

  private async cached<T>(key: unknown[], compute: () => Promise<T>): Promise<T> {
    const epoch = this.epoch;
    const version = await this.marts.current();
    // Invalidated while the version was read: this answer may predate the change, keep nothing.
    if (epoch !== this.epoch) return compute();
    // Any other version starts afresh. Every answer kept is computed after its requester read the
    // version the map is kept under, so it is never older than that version (a slow request with a
    // version already replaced only makes the next request start afresh again).
    if (version !== this.version) {
      this.version = version;
      this.answers = new Map();
    }
    const text = JSON.stringify(key);
    const hit = this.answers.get(text);
    if (hit) return hit as Promise<T>;
    const answers = this.answers;
    const answer = compute();
    answers.set(text, answer);
    if (answers.size > this.maxEntries) answers.delete(answers.keys().next().value!);
    answer.catch(() => {
      if (answers.get(text) === answer) answers.delete(text);
    });
    return answer;
  }
}
