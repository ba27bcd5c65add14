import { type IsoDate } from '../../domain/calendar/calendar-date';
import { type TimeGrain } from '../../domain/calendar/time-bucket';
import { emptyExecutiveTotals, type ExecutiveTotals } from '../../domain/metrics/executive-metrics';
import { type SegmentTotals } from '../../domain/metrics/segment-metrics';
import { type SellerTotals } from '../../domain/metrics/seller-metrics';
import {
  type BatchLatencyRow,
  type ConsumerLagRow,
  type DeliveryCellTotals,
  type ExecutiveDay,
  type ExecutivePeriod,
  type MartReader,
  type MonthKeyRange,
  type SellerMonth,
  type SellerSummary,
  type TopicFreshnessRow,
} from '../../application/ports/mart-reader.port';
import { inSchema, type SqlSession, WAREHOUSE_SCHEMA } from './sql-session';

const SELLER_TOTALS = `
  orders::integer, canceled_orders::integer, lines::integer, revenue::text, freight::text, review_count::integer,
  review_score_sum::integer, delivered_orders::integer, late_orders::integer, handoff_orders::integer,
  handoff_seconds::text, handoff_lines::integer, late_handoff_lines::integer`;

/** The sums of the additive seller figures over the months of mart_seller_performance m. */
const SELLER_SUMS = `
  sum(m.orders)::integer AS orders, sum(m.canceled_orders)::integer AS canceled_orders, sum(m.lines)::integer AS lines,
  sum(m.revenue)::text AS revenue, sum(m.freight)::text AS freight, sum(m.review_count)::integer AS review_count,
  sum(m.review_score_sum)::integer AS review_score_sum, sum(m.delivered_orders)::integer AS delivered_orders,
  sum(m.late_orders)::integer AS late_orders, sum(m.handoff_orders)::integer AS handoff_orders,
  sum(m.handoff_seconds)::text AS handoff_seconds, sum(m.handoff_lines)::integer AS handoff_lines,
  sum(m.late_handoff_lines)::integer AS late_handoff_lines`;

type SellerRow = {
  orders: number;
  canceled_orders: number;
  lines: number;
  revenue: string;
  freight: string;
  review_count: number;
  review_score_sum: number;
  delivered_orders: number;
  late_orders: number;
  handoff_orders: number;
  handoff_seconds: string;
  handoff_lines: number;
  late_handoff_lines: number;
};

const sellerTotals = (r: SellerRow): SellerTotals => ({
  orders: r.orders,
  canceledOrders: r.canceled_orders,
  lines: r.lines,
  revenue: r.revenue,
  freight: r.freight,
  reviewCount: r.review_count,
  reviewScoreSum: r.review_score_sum,
  deliveredOrders: r.delivered_orders,
  lateOrders: r.late_orders,
  handoffOrders: r.handoff_orders,
  handoffSeconds: r.handoff_seconds,
  handoffLines: r.handoff_lines,
  lateHandoffLines: r.late_handoff_lines,
});

/** The mart column of each executive total, and whether it is numeric (read as text, exact). */
const EXECUTIVE_COLUMNS: Record<keyof ExecutiveTotals, { column: string; numeric: boolean }> = {
  orders: { column: 'orders', numeric: false },
  canceledOrders: { column: 'canceled_orders', numeric: false },
  keptOrders: { column: 'kept_orders', numeric: false },
  gmv: { column: 'gmv', numeric: true },
  freight: { column: 'freight', numeric: true },
  payments: { column: 'payments', numeric: true },
  newCustomers: { column: 'new_customers', numeric: false },
  deliveredOrders: { column: 'delivered_orders', numeric: false },
  lateOrders: { column: 'late_orders', numeric: false },
  deliverySeconds: { column: 'delivery_seconds', numeric: true },
  reviewCount: { column: 'review_count', numeric: false },
  reviewScoreSum: { column: 'review_score_sum', numeric: false },
};

/** The label of a day's period, in SQL, as timeBucket writes it (ISO year and week: IYYY, IW). */
const PERIOD_OF: Record<TimeGrain, string> = {
  day: `to_char(d.day, 'YYYY-MM-DD')`,
  iso_week: `to_char(d.day, 'IYYY-"W"IW')`,
  month: `to_char(d.day, 'YYYY-MM')`,
};

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The marts in PostgreSQL. Every query reads a mart (or a dimension, for names), never a fact table. */
export class PgMartReader implements MartReader {
  constructor(
    private readonly session: SqlSession,
    private readonly schema: string = WAREHOUSE_SCHEMA,
  ) {}

  private sql(text: string): string {
    return inSchema(text, this.schema);
  }

  async executiveDays(from: IsoDate, to: IsoDate): Promise<ExecutiveDay[]> {
    const { rows } = await this.session.query<{
      date: string;
      orders: number;
      canceled_orders: number;
      kept_orders: number;
      gmv: string;
      freight: string;
      payments: string;
      new_customers: number;
      delivered_orders: number;
      late_orders: number;
      delivery_seconds: string;
      review_count: number;
      review_score_sum: number;
    }>(
      this.sql(`
        SELECT purchase_date::text AS date, orders, canceled_orders, kept_orders, gmv::text, freight::text, payments::text,
               new_customers, delivered_orders, late_orders, delivery_seconds::text, review_count, review_score_sum
        FROM {dw}.mart_executive_dashboard
        WHERE purchase_date_key BETWEEN to_char($1::date, 'YYYYMMDD')::integer AND to_char($2::date, 'YYYYMMDD')::integer
        ORDER BY purchase_date_key`),
      [from, to],
    );
    return rows.map((r) => ({
      date: r.date,
      totals: {
        orders: r.orders,
        canceledOrders: r.canceled_orders,
        keptOrders: r.kept_orders,
        gmv: r.gmv,
        freight: r.freight,
        payments: r.payments,
        newCustomers: r.new_customers,
        deliveredOrders: r.delivered_orders,
        lateOrders: r.late_orders,
        deliverySeconds: r.delivery_seconds,
        reviewCount: r.review_count,
        reviewScoreSum: r.review_score_sum,
      },
    }));
  }

  async executivePeriods(from: IsoDate, to: IsoDate, grain: TimeGrain, fields: readonly (keyof ExecutiveTotals)[]): Promise<ExecutivePeriod[]> {
    const wanted = [...new Set(fields)];
    // The days come from generate_series, not the mart, so that days without sales are periods too;
    // joined on the date (a LATERAL cast cost ten times the planning, a to_char key per day twice the join).
    const sums = wanted.map((field, i) => {
      const { column, numeric } = EXECUTIVE_COLUMNS[field];
      return `coalesce(sum(m.${column}), 0)::${numeric ? 'text' : 'bigint'} AS s${i}`;
    });
    const { rows } = await this.session.query<Record<string, string | number>>(
      this.sql(`
        SELECT ${PERIOD_OF[grain]} AS period, min(d.day)::text AS first, max(d.day)::text AS last${sums.map((s) => `, ${s}`).join('')}
        FROM (SELECT g::date AS day FROM generate_series($1::date, $2::date, interval '1 day') AS g) d
        LEFT JOIN {dw}.mart_executive_dashboard m
          ON m.purchase_date = d.day
         AND m.purchase_date_key BETWEEN to_char($1::date, 'YYYYMMDD')::integer AND to_char($2::date, 'YYYYMMDD')::integer
        GROUP BY 1
        ORDER BY min(d.day)`),
      [from, to],
    );
    return rows.map((r) => {
      const totals: ExecutiveTotals = emptyExecutiveTotals();
      wanted.forEach((field, i) => {
        const value = r[`s${i}`]!;
        // bigint sums come back as text from pg; counts of a period fit a JavaScript number.
        (totals as unknown as Record<string, string | number>)[field] = EXECUTIVE_COLUMNS[field].numeric ? String(value) : Number(value);
      });
      return { period: String(r.period), from: String(r.first), to: String(r.last), totals };
    });
  }

  async executiveTotals(from: IsoDate, to: IsoDate): Promise<ExecutiveTotals> {
    const { rows } = await this.session.query<{
      orders: number;
      canceled_orders: number;
      kept_orders: number;
      gmv: string;
      freight: string;
      payments: string;
      new_customers: number;
      delivered_orders: number;
      late_orders: number;
      delivery_seconds: string;
      review_count: number;
      review_score_sum: number;
    }>(
      this.sql(`
        SELECT coalesce(sum(orders), 0)::integer AS orders, coalesce(sum(canceled_orders), 0)::integer AS canceled_orders,
               coalesce(sum(kept_orders), 0)::integer AS kept_orders, coalesce(sum(gmv), 0)::text AS gmv,
               coalesce(sum(freight), 0)::text AS freight, coalesce(sum(payments), 0)::text AS payments,
               coalesce(sum(new_customers), 0)::integer AS new_customers, coalesce(sum(delivered_orders), 0)::integer AS delivered_orders,
               coalesce(sum(late_orders), 0)::integer AS late_orders, coalesce(sum(delivery_seconds), 0)::text AS delivery_seconds,
               coalesce(sum(review_count), 0)::integer AS review_count, coalesce(sum(review_score_sum), 0)::integer AS review_score_sum
        FROM {dw}.mart_executive_dashboard
        WHERE purchase_date_key BETWEEN to_char($1::date, 'YYYYMMDD')::integer AND to_char($2::date, 'YYYYMMDD')::integer`),
      [from, to],
    );
    const r = rows[0]!;
    return {
      orders: r.orders,
      canceledOrders: r.canceled_orders,
      keptOrders: r.kept_orders,
      gmv: r.gmv,
      freight: r.freight,
      payments: r.payments,
      newCustomers: r.new_customers,
      deliveredOrders: r.delivered_orders,
      lateOrders: r.late_orders,
      deliverySeconds: r.delivery_seconds,
      reviewCount: r.review_count,
      reviewScoreSum: r.review_score_sum,
    };
  }

  async sellerMonths(sellerId: string, months: MonthKeyRange): Promise<SellerMonth[]> {
    const { rows } = await this.session.query<SellerRow & { month_key: number }>(
      this.sql(`
        SELECT month_key, ${SELLER_TOTALS}
        FROM {dw}.mart_seller_performance WHERE seller_id = $1 AND month_key BETWEEN $2 AND $3 ORDER BY month_key`),
      [sellerId, months.from, months.to],
    );
    return rows.map((r) => ({ monthKey: r.month_key, totals: sellerTotals(r) }));
  }

  async sellerExists(sellerId: string): Promise<{ city: string | null; state: string | null } | null> {
    const { rows } = await this.session.query<{ city: string | null; state: string | null }>(
      this.sql(`SELECT coalesce(normalized_city, city) AS city, state FROM {dw}.dim_seller WHERE seller_id = $1`),
      [sellerId],
    );
    return rows[0] ?? null;
  }

  async sellerRanking(months: MonthKeyRange, by: 'revenue' | 'orders', limit: number, offset: number): Promise<SellerSummary[]> {
    const order = by === 'revenue' ? 'rank_revenue DESC, rank_orders DESC' : 'rank_orders DESC, rank_revenue DESC';
    // Ranked on the two sums that order it (a hash aggregate by seller of the mart alone); the 13
    // sums of the answer are then taken over the page's sellers only, through the primary key (a
    // lateral lookup per seller: a join let the planner scan the whole mart again), and
    // only the page is joined to the seller names (grouping the joined rows by name too sorted
    // every seller-month on disk).
    const { rows } = await this.session.query<SellerRow & { seller_id: string; city: string | null; state: string | null }>(
      this.sql(`
        WITH page AS (
          SELECT m.seller_id, sum(m.revenue) AS rank_revenue, sum(m.orders) AS rank_orders
          FROM {dw}.mart_seller_performance m
          WHERE m.month_key BETWEEN $1 AND $2
          GROUP BY m.seller_id
          ORDER BY ${order}, m.seller_id
          LIMIT $3 OFFSET $4
        )
        SELECT coalesce(s.normalized_city, s.city) AS city, s.state, p.seller_id, r.*
        FROM page p
        CROSS JOIN LATERAL (
          SELECT ${SELLER_SUMS} FROM {dw}.mart_seller_performance m WHERE m.seller_id = p.seller_id AND m.month_key BETWEEN $1 AND $2
        ) r
        LEFT JOIN {dw}.dim_seller s ON s.seller_id = p.seller_id
        ORDER BY ${order}, p.seller_id`),
      [months.from, months.to, limit, offset],
    );
    return rows.map((r) => ({ sellerId: r.seller_id, city: r.city, state: r.state, totals: sellerTotals(r) }));
  }

  async segments(): Promise<SegmentTotals[]> {
    const { rows } = await this.session.query<{
      segment: string;
      customers: number;
      orders: number;
      revenue: string;
      recency_customers: number;
      recency_days_sum: string;
    }>(this.sql(`SELECT segment, customers, orders, revenue::text, recency_customers, recency_days_sum::text FROM {dw}.mart_customer_segments ORDER BY customers DESC, segment`));
    return rows.map((r) => ({
      segment: r.segment,
      customers: r.customers,
      orders: r.orders,
      revenue: r.revenue,
      recencyCustomers: r.recency_customers,
      recencyDaysSum: Number(r.recency_days_sum),
    }));
  }

  async deliveryCells(months: MonthKeyRange, filter: { sellerState?: string; customerState?: string }): Promise<DeliveryCellTotals[]> {
    const { rows } = await this.session.query<{
      seller_state: string;
      customer_state: string;
      deliveries: number;
      delivery_seconds: string;
      late_deliveries: number;
      distance_deliveries: number;
      distance_km_sum: string;
    }>(
      this.sql(`
        SELECT seller_state, customer_state, sum(deliveries)::integer AS deliveries, sum(delivery_seconds)::text AS delivery_seconds,
               sum(late_deliveries)::integer AS late_deliveries, sum(distance_deliveries)::integer AS distance_deliveries,
               sum(distance_km_sum)::text AS distance_km_sum
        FROM {dw}.mart_delivery_performance
        WHERE month_key BETWEEN $1 AND $2 AND ($3::text IS NULL OR seller_state = $3) AND ($4::text IS NULL OR customer_state = $4)
        GROUP BY seller_state, customer_state`),
      [months.from, months.to, filter.sellerState ?? null, filter.customerState ?? null],
    );
    return rows.map((r) => ({
      sellerState: r.seller_state,
      customerState: r.customer_state,
      totals: {
        deliveries: r.deliveries,
        deliverySeconds: r.delivery_seconds,
        lateDeliveries: r.late_deliveries,
        distanceDeliveries: r.distance_deliveries,
        distanceKmSum: r.distance_km_sum,
      },
    }));
  }

  async topicFreshness(): Promise<TopicFreshnessRow[]> {
    const { rows } = await this.session.query<{ topic: string; newest: string; applied: string; events: string; latency: string }>(
      `SELECT topic, ${iso('newest_event_time')} AS newest, ${iso('last_applied_at')} AS applied, events_applied::text AS events,
              last_batch_latency_seconds::text AS latency
       FROM dw_meta.freshness ORDER BY topic`,
    );
    return rows.map((r) => ({
      topic: r.topic,
      newestEventTime: r.newest,
      lastAppliedAt: r.applied,
      eventsApplied: Number(r.events),
      lastBatchLatencySeconds: Number(r.latency),
    }));
  }

  async consumerLag(): Promise<ConsumerLagRow[]> {
    const { rows } = await this.session.query<{ consumer: string; topic: string; partition: number; lag: string; observed: string }>(
      `SELECT consumer, topic, partition, lag::text, ${iso('observed_at')} AS observed FROM dw_meta.consumer_lag ORDER BY consumer, topic, partition`,
    );
    return rows.map((r) => ({ consumer: r.consumer, topic: r.topic, partition: r.partition, lag: Number(r.lag), observedAt: r.observed }));
  }

  async recentBatches(limit: number): Promise<BatchLatencyRow[]> {
    const { rows } = await this.session.query<{ applied: string; events: number; apply: string; min: string; max: string; avg: string }>(
      `SELECT ${iso('applied_at')} AS applied, events, apply_seconds::text AS apply, min_latency_seconds::text AS min,
              max_latency_seconds::text AS max, avg_latency_seconds::text AS avg
       FROM dw_meta.batch_log ORDER BY batch_id DESC LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({
      appliedAt: r.applied,
      events: r.events,
      applySeconds: Number(r.apply),
      minLatencySeconds: Number(r.min),
      maxLatencySeconds: Number(r.max),
      avgLatencySeconds: Number(r.avg),
    }));
  }
}
