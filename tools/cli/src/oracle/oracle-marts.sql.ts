/*
 * The oracle's marts: plain SQL over the typed tables of oracle-load.sql.ts, computed in one batch from the raw
 * files, independently of the event pipeline. `{s}` is the quoted scratch schema. Steps run in order; each
 * creates one table and states its grain. The mart tables have the warehouse's names and column names
 * (services/warehouse/src/infrastructure/sql/migrations/001-star-schema.ts) so that compareMarts can join
 * them column by column.
 *
 * ORPHANS AND MISSING REFERENCES (the rules; README.md explains them for the warehouse):
 *  R1  A row that fails row validation is rejected (oracle_rejects) and contributes to nothing. A later row
 *      repeating the natural key of an earlier one is rejected too; the first one counts.
 *  R2  Order-level figures come from the orders file: an order line, payment or review whose order_id is not
 *      a (valid) order contributes to no mart.
 *  R3  An order whose customer_id has no customer row still counts everywhere an order counts (orders,
 *      GMV, deliveries, seller figures...), but it has no person: it is never a new customer, nor anybody's
 *      first order. Its customer state is unknown (see R6).
 *  R4  An order line whose product is missing counts as usual (no mart needs the product). An order line
 *      whose seller has no seller row still counts in mart_seller_performance (the seller id is on the line).
 *  R5  An order without lines counts in the executive dashboard (orders, payments, deliveries) with zero
 *      GMV and freight; it has no seller, so it is in no seller row and no delivery row.
 *  R6  mart_delivery_performance needs both states: a delivered order whose line-1 seller or whose customer
 *      has no row (so no state) is left out of it (it still counts in the other marts).
 *  R7  A distance needs both zip prefixes in the geolocation file (with at least one sample inside Brazil's
 *      box); otherwise the delivery counts in deliveries but not in distance_deliveries / distance_km_sum.
 *  R8  Payments of 0.00 and payment type not_defined are payments like any other (they add 0.00 or their value).
 *  R9  Reviews: one per (review_id, order_id); a review counts for its order whatever the order's status.
 */
/** How a zip prefix's point is derived from its geolocation samples; must match the warehouse's dim_geolocation. */
export interface GeolocationRule {
  /** 'median' (mean of the two middle values for an even count) or 'mean', per coordinate. */
  representative: 'median' | 'mean';
  /** Samples outside this box are ignored (null: all samples count). */
  box: { minLat: number; maxLat: number; minLng: number; maxLng: number } | null;
  /** Places the point is rounded to (the warehouse stores numeric(9,6)). */
  places: number;
}

/**
 * As docs/metrics.md defines it (dim_geolocation: the median latitude and longitude of a zip prefix's samples
 * inside Brazil's bounding box, latitude −34 to 5.5, longitude −74.5 to −34.5, both ends included;
 * numeric(9,6)). oracle-marts.sql.spec.ts checks the box against the document.
 */
export const WAREHOUSE_GEOLOCATION: GeolocationRule = {
  representative: 'median',
  box: { minLat: -34, maxLat: 5.5, minLng: -74.5, maxLng: -34.5 },
  places: 6,
};

export interface OracleMartOptions {
  geolocation?: GeolocationRule;
}

export interface OracleStep {
  name: string;
  sql: string;
}

function geoPointSql(rule: GeolocationRule): string {
  const box = rule.box;
  const inBox = box
    ? `WHERE lat BETWEEN ${box.minLat} AND ${box.maxLat} AND lng BETWEEN ${box.minLng} AND ${box.maxLng}`
    : '';
  const aggregate = (column: string) =>
    rule.representative === 'median'
      ? `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${column}::float8)`
      : `avg(${column}::float8)`;
  return `
-- GRAIN: one row per zip prefix with at least one usable sample: its representative point.
CREATE TABLE {s}.geo_point AS
SELECT zip_prefix,
       round(${aggregate('lat')}::numeric, ${rule.places}) AS latitude,
       round(${aggregate('lng')}::numeric, ${rule.places}) AS longitude
FROM {s}.geolocation ${inBox}
GROUP BY zip_prefix;
ALTER TABLE {s}.geo_point ADD PRIMARY KEY (zip_prefix);`;
}

/** The oracle's steps, in order. */
export function oracleMartSteps(options: OracleMartOptions = {}): OracleStep[] {
  const geolocation = options.geolocation ?? WAREHOUSE_GEOLOCATION;
  return [
    {
      name: 'order_fact',
      sql: `
-- GRAIN: one row per valid order (R2: the orders file decides which orders exist).
-- kept: status neither canceled nor unavailable. delivered: status delivered AND a delivered date.
-- late: delivered on a local calendar date (as written) after the estimated date (as written).
-- person: the customer_unique_id of the order's account, null when the account has no row (R3).
CREATE TABLE {s}.order_fact AS
SELECT o.order_id, o.customer_id, c.customer_unique_id AS person, c.state AS customer_state, c.zip_prefix AS customer_zip,
       o.status, o.purchase_date,
       to_char(o.purchase_date, 'YYYYMMDD')::integer AS purchase_date_key,
       to_char(o.purchase_date, 'YYYYMM')::integer AS month_key,
       o.status NOT IN ('canceled', 'unavailable') AS is_kept,
       (o.status = 'delivered' AND o.delivered_at IS NOT NULL) AS is_delivered,
       (o.status = 'delivered' AND o.delivered_at IS NOT NULL AND o.delivered_date > o.estimated_date) AS is_late,
       CASE WHEN o.status = 'delivered' AND o.delivered_at IS NOT NULL
            THEN extract(epoch FROM o.delivered_at - o.purchase_at) END AS delivery_seconds,
       o.carrier_at,
       extract(epoch FROM o.carrier_at - o.purchase_at) AS handoff_seconds
FROM {s}.orders o
LEFT JOIN {s}.customers c ON c.customer_id = o.customer_id;
ALTER TABLE {s}.order_fact ADD PRIMARY KEY (order_id);`,
    },
    {
      name: 'order_totals',
      sql: `
-- GRAIN: one row per valid order: its lines, payments and reviews summed (R2: lines, payments and reviews of
-- unknown orders fall out of the inner joins; R8: 0.00 payments add 0.00; R9: reviews of any status).
CREATE TABLE {s}.order_totals AS
SELECT f.order_id,
       coalesce(l.lines, 0) AS lines, coalesce(l.gmv, 0) AS gmv, coalesce(l.freight, 0) AS freight,
       coalesce(p.payments, 0) AS payments,
       coalesce(r.review_count, 0) AS review_count, coalesce(r.review_score_sum, 0) AS review_score_sum
FROM {s}.order_fact f
LEFT JOIN (SELECT order_id, count(*) AS lines, sum(price) AS gmv, sum(freight) AS freight
           FROM {s}.order_items GROUP BY order_id) l ON l.order_id = f.order_id
LEFT JOIN (SELECT order_id, sum(value) AS payments FROM {s}.order_payments GROUP BY order_id) p ON p.order_id = f.order_id
LEFT JOIN (SELECT order_id, count(*) AS review_count, sum(score) AS review_score_sum
           FROM {s}.order_reviews GROUP BY order_id) r ON r.order_id = f.order_id;
ALTER TABLE {s}.order_totals ADD PRIMARY KEY (order_id);`,
    },
    {
      name: 'person_first_date',
      sql: `
-- GRAIN: one row per person (customer_unique_id) with at least one valid order: the local date of the
-- person's first order of all, any status. Orders without a customer row have no person (R3).
CREATE TABLE {s}.person_first_date AS
SELECT person, min(purchase_date) AS first_date
FROM {s}.order_fact WHERE person IS NOT NULL
GROUP BY person;`,
    },
    {
      name: 'mart_executive_dashboard',
      sql: `
-- GRAIN: one row per purchase date d (the local date of the purchase as written) with at least one order.
--   orders            all orders purchased on d
--   canceled_orders   those with status canceled or unavailable; kept_orders the others
--   gmv, freight      Σ line price, Σ line freight of the kept orders (exact, numeric)
--   payments          Σ payment values of the kept orders
--   aov               gmv / kept_orders rounded to the cent (half away from zero); null without kept orders
--   new_customers     persons whose first order of all (any status) was purchased on d
--   delivered_orders  status delivered and a delivered date; late_orders those delivered after the estimate
--   on_time_rate      1 − late/delivered = (delivered − late)/delivered, 4 places; null without deliveries
--   delivery_seconds  Σ (delivered − purchase) over delivered orders, instants (São Paulo summer time applies)
--   avg_delivery_days delivery_seconds / 86400 / delivered_orders, 4 places
--   review_count, review_score_sum, avg_review_score (4 places): reviews of the orders purchased on d
CREATE TABLE {s}.mart_executive_dashboard AS
WITH day AS (
  SELECT f.purchase_date_key, f.purchase_date,
         count(*) AS orders,
         count(*) FILTER (WHERE NOT f.is_kept) AS canceled_orders,
         count(*) FILTER (WHERE f.is_kept) AS kept_orders,
         coalesce(sum(t.gmv) FILTER (WHERE f.is_kept), 0) AS gmv,
         coalesce(sum(t.freight) FILTER (WHERE f.is_kept), 0) AS freight,
         coalesce(sum(t.payments) FILTER (WHERE f.is_kept), 0) AS payments,
         count(*) FILTER (WHERE f.is_delivered) AS delivered_orders,
         count(*) FILTER (WHERE f.is_late) AS late_orders,
         coalesce(sum(f.delivery_seconds), 0) AS delivery_seconds,
         sum(t.review_count) AS review_count,
         sum(t.review_score_sum) AS review_score_sum
  FROM {s}.order_fact f JOIN {s}.order_totals t USING (order_id)
  GROUP BY f.purchase_date_key, f.purchase_date
), newcomers AS (
  SELECT first_date, count(*) AS new_customers FROM {s}.person_first_date GROUP BY first_date
)
SELECT d.purchase_date_key, d.purchase_date,
       d.orders::integer, d.canceled_orders::integer, d.kept_orders::integer,
       d.gmv::numeric(14,2) AS gmv, d.freight::numeric(14,2) AS freight, d.payments::numeric(14,2) AS payments,
       CASE WHEN d.kept_orders > 0 THEN round(d.gmv / d.kept_orders, 2) END::numeric(14,2) AS aov,
       coalesce(n.new_customers, 0)::integer AS new_customers,
       d.delivered_orders::integer, d.late_orders::integer,
       CASE WHEN d.delivered_orders > 0
            THEN round((d.delivered_orders - d.late_orders)::numeric / d.delivered_orders, 4) END AS on_time_rate,
       d.delivery_seconds::numeric(20,6) AS delivery_seconds,
       CASE WHEN d.delivered_orders > 0 THEN round(d.delivery_seconds / (d.delivered_orders * 86400), 4) END AS avg_delivery_days,
       d.review_count::integer, d.review_score_sum::integer,
       CASE WHEN d.review_count > 0 THEN round(d.review_score_sum::numeric / d.review_count, 4) END AS avg_review_score
FROM day d LEFT JOIN newcomers n ON n.first_date = d.purchase_date;
ALTER TABLE {s}.mart_executive_dashboard ADD PRIMARY KEY (purchase_date_key);`,
    },
    {
      name: 'seller_order',
      sql: `
-- GRAIN: one row per (seller, valid order) with at least one line of that seller: the seller's lines of the
-- order and, of those, the ones handed to the carrier after their shipping limit (carrier_at > limit, as
-- instants; lines of orders not yet handed over are not "handed over" at all).
CREATE TABLE {s}.seller_order AS
SELECT i.seller_id, i.order_id,
       count(*) AS lines,
       sum(i.price) AS revenue, sum(i.freight) AS freight,
       count(*) FILTER (WHERE f.carrier_at IS NOT NULL) AS handoff_lines,
       count(*) FILTER (WHERE f.carrier_at > i.shipping_limit_at) AS late_handoff_lines
FROM {s}.order_items i JOIN {s}.order_fact f USING (order_id)
GROUP BY i.seller_id, i.order_id;`,
    },
    {
      name: 'mart_seller_performance',
      sql: `
-- GRAIN: one row per (seller_id, purchase month yyyymm) with at least one order line (R4: sellers without a
-- seller row included). An order with lines of several sellers counts once for each of them.
--   orders, canceled_orders  the seller's orders (any status), and those canceled or unavailable
--   lines                    the seller's lines, any status
--   revenue, freight         Σ price, Σ freight of the seller's lines in kept orders (exact)
--   review_count/score_sum   reviews of the seller's orders; avg_review_score 4 places
--   delivered/late_orders    the seller's delivered orders and the late ones; late_delivery_rate = late/delivered, 4 places
--   handoff_orders/seconds   the seller's orders with a carrier hand-off (any status), Σ (carrier − purchase) in
--                            seconds; avg_handoff_hours = seconds / 3600 / handoff_orders, 4 places
--   handoff_lines            the seller's lines in orders handed over; late_handoff_lines those handed over after
--                            their shipping limit; late_handoff_share = late / handoff_lines, 4 places
CREATE TABLE {s}.mart_seller_performance AS
WITH cell AS (
  SELECT so.seller_id, f.month_key,
         count(*) AS orders,
         count(*) FILTER (WHERE NOT f.is_kept) AS canceled_orders,
         sum(so.lines) AS lines,
         coalesce(sum(so.revenue) FILTER (WHERE f.is_kept), 0) AS revenue,
         coalesce(sum(so.freight) FILTER (WHERE f.is_kept), 0) AS freight,
         sum(t.review_count) AS review_count, sum(t.review_score_sum) AS review_score_sum,
         count(*) FILTER (WHERE f.is_delivered) AS delivered_orders,
         count(*) FILTER (WHERE f.is_late) AS late_orders,
         count(*) FILTER (WHERE f.carrier_at IS NOT NULL) AS handoff_orders,
         coalesce(sum(f.handoff_seconds), 0) AS handoff_seconds,
         sum(so.handoff_lines) AS handoff_lines, sum(so.late_handoff_lines) AS late_handoff_lines
  FROM {s}.seller_order so
  JOIN {s}.order_fact f USING (order_id)
  JOIN {s}.order_totals t USING (order_id)
  GROUP BY so.seller_id, f.month_key
)
SELECT seller_id, month_key,
       orders::integer, canceled_orders::integer, lines::integer,
       revenue::numeric(14,2) AS revenue, freight::numeric(14,2) AS freight,
       review_count::integer, review_score_sum::integer,
       CASE WHEN review_count > 0 THEN round(review_score_sum::numeric / review_count, 4) END AS avg_review_score,
       delivered_orders::integer, late_orders::integer,
       CASE WHEN delivered_orders > 0 THEN round(late_orders::numeric / delivered_orders, 4) END AS late_delivery_rate,
       handoff_orders::integer, handoff_seconds::numeric(20,6) AS handoff_seconds,
       CASE WHEN handoff_orders > 0 THEN round(handoff_seconds / (handoff_orders * 3600), 4) END AS avg_handoff_hours,
       handoff_lines::integer, late_handoff_lines::integer,
       CASE WHEN handoff_lines > 0 THEN round(late_handoff_lines::numeric / handoff_lines, 4) END AS late_handoff_share
FROM cell;
ALTER TABLE {s}.mart_seller_performance ADD PRIMARY KEY (seller_id, month_key);`,
    },
    { name: 'geo_point', sql: geoPointSql(geolocation) },
    {
      name: 'delivery',
      sql: `
-- GRAIN: one row per delivered order (status delivered and a delivered date) whose seller of line 1 (the lowest
-- order_item_id) and customer both have a row, hence a state (R6). distance_km: haversine on a sphere of
-- radius 6371.0088 km (IUGG mean) between the two zip prefixes' points, rounded to 3 places (R7: null when
-- either point is unknown).
CREATE TABLE {s}.delivery AS
SELECT f.order_id, f.month_key, s.state AS seller_state, f.customer_state, f.delivery_seconds, f.is_late,
       CASE WHEN sp.zip_prefix IS NOT NULL AND cp.zip_prefix IS NOT NULL THEN round((
         2 * 6371.0088 * asin(least(1, sqrt(
           sin(radians(cp.latitude::float8 - sp.latitude::float8) / 2) ^ 2
           + cos(radians(sp.latitude::float8)) * cos(radians(cp.latitude::float8))
             * sin(radians(cp.longitude::float8 - sp.longitude::float8) / 2) ^ 2)))
       )::numeric, 3) END AS distance_km
FROM {s}.order_fact f
JOIN LATERAL (SELECT seller_id FROM {s}.order_items i WHERE i.order_id = f.order_id
              ORDER BY i.order_item_id LIMIT 1) first_line ON true
JOIN {s}.sellers s ON s.seller_id = first_line.seller_id
LEFT JOIN {s}.geo_point sp ON sp.zip_prefix = s.zip_prefix
LEFT JOIN {s}.geo_point cp ON cp.zip_prefix = f.customer_zip
WHERE f.is_delivered AND f.customer_state IS NOT NULL;`,
    },
    {
      name: 'mart_delivery_performance',
      sql: `
-- GRAIN: one row per (seller state, customer state, purchase month) with at least one delivery.
--   deliveries, delivery_seconds (Σ delivered − purchase), avg_delivery_days (4 places)
--   late_deliveries, late_rate = late / deliveries (4 places)
--   distance_deliveries (deliveries with a distance), distance_km_sum, avg_distance_km (4 places)
CREATE TABLE {s}.mart_delivery_performance AS
SELECT seller_state, customer_state, month_key,
       count(*)::integer AS deliveries,
       sum(delivery_seconds)::numeric(20,6) AS delivery_seconds,
       round(sum(delivery_seconds) / (count(*) * 86400), 4) AS avg_delivery_days,
       count(*) FILTER (WHERE is_late)::integer AS late_deliveries,
       round(count(*) FILTER (WHERE is_late)::numeric / count(*), 4) AS late_rate,
       count(distance_km)::integer AS distance_deliveries,
       coalesce(sum(distance_km), 0)::numeric(16,3) AS distance_km_sum,
       CASE WHEN count(distance_km) > 0 THEN round(sum(distance_km) / count(distance_km), 4) END AS avg_distance_km
FROM {s}.delivery
GROUP BY seller_state, customer_state, month_key;
ALTER TABLE {s}.mart_delivery_performance ADD PRIMARY KEY (seller_state, customer_state, month_key);`,
    },
  ];
}

/** The marts the oracle computes (mart_customer_segments needs the customer service's RFM: not here). */
export const ORACLE_MARTS = ['mart_executive_dashboard', 'mart_seller_performance', 'mart_delivery_performance'] as const;
export type OracleMart = (typeof ORACLE_MARTS)[number];
