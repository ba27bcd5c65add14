import { ORDER_STATUS_RANK, ORDER_STATUSES } from '../../domain/order/order-status';

/*
 * The set-based statements of one batch, written against `{dw}` (see sql-session.ts). Staging
 * statements take the batch's rows of one family as a single jsonb parameter; the derivation
 * statements take no parameter and work from the keys the staging marked as touched, in session
 * temporary tables emptied at every commit.
 *
 * Everything derived (dimensions, facts, summaries, marts) is recomputed for the touched keys from
 * the staged state, never incremented, so a duplicate or a late event cannot double count, and the
 * result does not depend on the order events arrived in.
 */

/**
 * What must be re-derived for a touched order, as bits: each event family sets only what it can
 * change (a payment changes the order's payments total, never its lines or its delivery).
 */
export const DERIVE = {
  ORDER: 1, // the fact_orders row
  ITEMS: 2, // its fact_order_items rows
  PAYMENTS: 4, // its fact_payments rows
  REVIEWS: 8, // its fact_reviews rows
  DELIVERY: 16, // its fact_deliveries row (and delivery mart cells)
  BUYER: 32, // its buyer's summary (first purchase, orders, revenue)
  SELLER_MONTHS: 64, // the seller-months of its lines
} as const;
const ALL = 127;
const has = (bit: number) => `(t.parts & ${bit}) <> 0`;
const touch = (mask: number, select: string) => `
INSERT INTO pg_temp.dw_touched_order (order_id, parts)
${select.replace('$MASK', String(mask))}
ON CONFLICT (order_id) DO UPDATE SET parts = dw_touched_order.parts | excluded.parts`;

const LOCAL = `'America/Sao_Paulo'`;
const dateKeyOf = (ts: string) => `to_char(${ts} AT TIME ZONE ${LOCAL}, 'YYYYMMDD')::integer`;
const monthKeyOf = (ts: string) => `to_char(${ts} AT TIME ZONE ${LOCAL}, 'YYYYMM')::integer`;
const localDateOf = (ts: string) => `(${ts} AT TIME ZONE ${LOCAL})::date`;

// JIT compilation costs hundreds of milliseconds per statement and pays off only on long scans; the
// statements of a batch are short lookups by touched keys. Each is written from the touched keys
// outwards, so the planner keeps the written join order instead of searching them all (the search
// cost more than the execution).
export const SESSION_SETUP = `
SET LOCAL client_min_messages = warning;
SET LOCAL jit = off;
SET LOCAL join_collapse_limit = 1;
SET LOCAL from_collapse_limit = 1;
CREATE TEMP TABLE IF NOT EXISTS dw_touched_order (order_id text PRIMARY KEY, parts integer NOT NULL) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS dw_touched_person (customer_unique_id text PRIMARY KEY) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS dw_touched_buyer (buyer_key text PRIMARY KEY) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS dw_touched_date (date_key integer PRIMARY KEY) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS dw_touched_seller_month (seller_id text, month_key integer, PRIMARY KEY (seller_id, month_key)) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS dw_touched_segment (segment text PRIMARY KEY) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS dw_touched_cell (seller_state text, customer_state text, month_key integer, PRIMARY KEY (seller_state, customer_state, month_key)) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS dw_customer_versions (
  customer_key bigint NOT NULL, customer_unique_id text, version smallint, valid_from timestamptz, valid_to timestamptz,
  is_current boolean, zip_prefix text, city text, state text, segment text, recency_score smallint, frequency_score smallint,
  monetary_score smallint, recency_days integer, frequency integer, monetary numeric(14,2), segment_as_of date
) ON COMMIT DELETE ROWS;
CREATE INDEX IF NOT EXISTS dw_customer_versions_key ON dw_customer_versions (customer_key);`;

/**
 * The warehouse's tables that changed by a fifth since their statistics were taken. The batch
 * statements look rows up by touched keys, and the planner does so only when it knows how big the
 * tables are: the writer refreshes their statistics as autovacuum's analyze would (which may be off,
 * and lags behind tables growing from empty during a replay). A small sample is enough for the sizes
 * and the key distributions these plans depend on, and keeps the refresh cheap. The count is read
 * with pg_stat_get_mod_since_analyze on the schema's tables (pg_stat_user_tables cost ~6 ms of
 * planning per batch: it computes twenty statistics of every table of the database).
 */
export const STALE_STATISTICS = `
SELECT c.relname AS table_name
FROM pg_class c
WHERE c.relnamespace = $1::text::regnamespace AND c.relkind IN ('r', 'p')
  AND pg_stat_get_mod_since_analyze(c.oid) > 500 + 0.2 * greatest(c.reltuples, 0)`;

/** The tables of a warehouse schema. */
export const SCHEMA_TABLES = `SELECT c.relname AS table_name FROM pg_class c WHERE c.relnamespace = $1::text::regnamespace AND c.relkind IN ('r', 'p')`;

export const STATISTICS_SAMPLE = `SET LOCAL default_statistics_target = 10`;

/** Serialises the batches applied to one warehouse schema (and a rebuild's swap of `dw`). */
export const LOCK_SCHEMA = `SELECT pg_advisory_xact_lock(hashtext('mercado.warehouse.apply:' || $1::text))`;

// ============================================================================================ staging

export const STAGE_ORDERS = `
WITH batch AS (
  SELECT DISTINCT ON (r.order_id) r.*
  FROM jsonb_to_recordset($1::jsonb) AS r(order_id text, customer_id text, purchased_at timestamptz, imported boolean,
       anomalies text[], lines jsonb, event_id uuid, event_time timestamptz)
  ORDER BY r.order_id, r.event_time DESC, r.event_id DESC
), staged AS (
  INSERT INTO {dw}.stg_order_placed AS t (order_id, customer_id, purchased_at, imported, anomalies, lines, event_id, event_time)
  SELECT order_id, customer_id, purchased_at, imported, anomalies, lines, event_id, event_time FROM batch
  ON CONFLICT (order_id) DO UPDATE SET
    customer_id = excluded.customer_id, purchased_at = excluded.purchased_at, imported = excluded.imported,
    anomalies = excluded.anomalies, lines = excluded.lines, event_id = excluded.event_id, event_time = excluded.event_time
  WHERE (excluded.event_time, excluded.event_id) > (t.event_time, t.event_id)
)
${touch(ALL, 'SELECT order_id, $MASK FROM batch')}`;

/** The column of stg_order_status holding each status's time (`created` is the placement itself). */
const STATUS_COLUMNS = ORDER_STATUSES.filter((status) => status !== 'created').map((status) => ({ status, column: `${status}_at` }));

/** The current status: the reported status of highest lifecycle rank, `created` when none. */
const currentStatusOf = (alias: string) =>
  `CASE ${[...STATUS_COLUMNS]
    .sort((a, b) => ORDER_STATUS_RANK[b.status] - ORDER_STATUS_RANK[a.status])
    .map(({ status, column }) => `WHEN ${alias}.${column} IS NOT NULL THEN '${status}'`)
    .join(' ')} ELSE 'created' END`;

export const STAGE_ORDER_STATUSES = `
WITH raw AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(order_id text, status text, occurred_at timestamptz, anomalies text[])
), batch AS (
  SELECT r.order_id,
         ${STATUS_COLUMNS.map(({ status, column }) => `min(r.occurred_at) FILTER (WHERE r.status = '${status}') AS ${column}`).join(',\n         ')},
         -- A delivered time the producer estimated (flag time-estimated) sets the status, not the delivered date.
         min(r.occurred_at) FILTER (WHERE r.status = 'delivered' AND NOT coalesce('time-estimated' = ANY (r.anomalies), false)) AS recorded_delivered_at,
         coalesce(array_agg(DISTINCT flag ORDER BY flag) FILTER (WHERE flag IS NOT NULL), '{}') AS anomalies
  FROM raw r LEFT JOIN LATERAL unnest(r.anomalies) AS flag ON true
  GROUP BY r.order_id
), staged AS (
  INSERT INTO {dw}.stg_order_status AS t (order_id, ${STATUS_COLUMNS.map((c) => c.column).join(', ')}, recorded_delivered_at, anomalies)
  SELECT order_id, ${STATUS_COLUMNS.map((c) => c.column).join(', ')}, recorded_delivered_at, anomalies FROM batch
  ON CONFLICT (order_id) DO UPDATE SET
    ${STATUS_COLUMNS.map(({ column }) => `${column} = least(t.${column}, excluded.${column})`).join(',\n    ')},
    recorded_delivered_at = least(t.recorded_delivered_at, excluded.recorded_delivered_at),
    anomalies = {dw}.merge_flags(t.anomalies, excluded.anomalies)
)
${touch(ALL, 'SELECT order_id, $MASK FROM batch')}`;

export const STAGE_PAYMENTS = `
WITH batch AS (
  SELECT DISTINCT ON (r.order_id, r.sequential) r.*
  FROM jsonb_to_recordset($1::jsonb) AS r(order_id text, sequential smallint, payment_type text, installments smallint,
       value_cents bigint, anomalies text[], event_id uuid, event_time timestamptz)
  ORDER BY r.order_id, r.sequential, r.event_time DESC, r.event_id DESC
), staged AS (
  INSERT INTO {dw}.stg_payment AS t (order_id, sequential, payment_type, installments, value_cents, anomalies, event_id, event_time)
  SELECT order_id, sequential, payment_type, installments, value_cents, anomalies, event_id, event_time FROM batch
  ON CONFLICT (order_id, sequential) DO UPDATE SET
    payment_type = excluded.payment_type, installments = excluded.installments, value_cents = excluded.value_cents,
    anomalies = excluded.anomalies, event_id = excluded.event_id, event_time = excluded.event_time
  WHERE (excluded.event_time, excluded.event_id) > (t.event_time, t.event_id)
)
${touch(DERIVE.ORDER | DERIVE.PAYMENTS, 'SELECT DISTINCT order_id, $MASK FROM batch')}`;

export const STAGE_REVIEWS = `
WITH batch AS (
  SELECT DISTINCT ON (r.review_id, r.order_id) r.*
  FROM jsonb_to_recordset($1::jsonb) AS r(review_id text, order_id text, score smallint, title text, message text,
       created_at timestamptz, answered_at timestamptz, event_id uuid, event_time timestamptz)
  ORDER BY r.review_id, r.order_id, r.event_time DESC, r.event_id DESC
), staged AS (
  INSERT INTO {dw}.stg_review AS t (review_id, order_id, score, title, message, created_at, answered_at, event_id, event_time)
  SELECT review_id, order_id, score, title, message, created_at, answered_at, event_id, event_time FROM batch
  ON CONFLICT (review_id, order_id) DO UPDATE SET
    score = excluded.score, title = excluded.title, message = excluded.message, created_at = excluded.created_at,
    answered_at = excluded.answered_at, event_id = excluded.event_id, event_time = excluded.event_time
  WHERE (excluded.event_time, excluded.event_id) > (t.event_time, t.event_id)
)
${touch(DERIVE.REVIEWS | DERIVE.SELLER_MONTHS, 'SELECT DISTINCT order_id, $MASK FROM batch')}`;

export const STAGE_SHIPMENTS = `
WITH raw AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(order_id text, customer_id text, created_at timestamptz, promised_date date,
       seller_limits jsonb, dispatched_at timestamptz, delivered_at timestamptz, delivered_promised_date date, anomalies text[])
), batch AS (
  SELECT r.order_id, min(r.customer_id) AS customer_id, min(r.created_at) AS created_at, min(r.promised_date) AS promised_date,
         (array_agg(r.seller_limits ORDER BY r.seller_limits) FILTER (WHERE r.seller_limits IS NOT NULL))[1] AS seller_limits,
         min(r.dispatched_at) AS dispatched_at, min(r.delivered_at) AS delivered_at,
         min(r.delivered_promised_date) AS delivered_promised_date,
         coalesce(array_agg(DISTINCT flag ORDER BY flag) FILTER (WHERE flag IS NOT NULL), '{}') AS anomalies
  FROM raw r LEFT JOIN LATERAL unnest(r.anomalies) AS flag ON true
  GROUP BY r.order_id
), staged AS (
  INSERT INTO {dw}.stg_shipment AS t (order_id, customer_id, created_at, promised_date, seller_limits, dispatched_at,
         delivered_at, delivered_promised_date, anomalies)
  SELECT order_id, customer_id, created_at, promised_date, seller_limits, dispatched_at, delivered_at, delivered_promised_date, anomalies
  FROM batch
  ON CONFLICT (order_id) DO UPDATE SET
    customer_id = least(t.customer_id, excluded.customer_id),
    created_at = least(t.created_at, excluded.created_at),
    promised_date = least(t.promised_date, excluded.promised_date),
    seller_limits = least(t.seller_limits, excluded.seller_limits),
    dispatched_at = least(t.dispatched_at, excluded.dispatched_at),
    delivered_at = least(t.delivered_at, excluded.delivered_at),
    delivered_promised_date = least(t.delivered_promised_date, excluded.delivered_promised_date),
    anomalies = {dw}.merge_flags(t.anomalies, excluded.anomalies)
)
${touch(DERIVE.ORDER | DERIVE.ITEMS | DERIVE.DELIVERY | DERIVE.SELLER_MONTHS, 'SELECT order_id, $MASK FROM batch')}`;

export const STAGE_CUSTOMER_CHANGES = `
WITH batch AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(event_id uuid, event_time timestamptz, customer_unique_id text, kind text,
       first_account text, zip_prefix text, city text, state text, segment text, recency_score smallint, frequency_score smallint,
       monetary_score smallint, recency_days integer, frequency integer, monetary_cents bigint, segment_as_of date)
), staged AS (
  INSERT INTO {dw}.stg_customer_change (event_id, customer_unique_id, kind, effective_at, first_account, zip_prefix, city, state,
         segment, recency_score, frequency_score, monetary_score, recency_days, frequency, monetary_cents, segment_as_of)
  SELECT event_id, customer_unique_id, kind, event_time, first_account, zip_prefix, city, state, segment, recency_score,
         frequency_score, monetary_score, recency_days, frequency, monetary_cents, segment_as_of
  FROM batch
  ON CONFLICT (event_id) DO NOTHING
)
INSERT INTO pg_temp.dw_touched_person (customer_unique_id) SELECT DISTINCT customer_unique_id FROM batch ON CONFLICT DO NOTHING`;

export const STAGE_CUSTOMER_ACCOUNTS = `
WITH batch AS (
  SELECT DISTINCT ON (r.customer_id) r.*
  FROM jsonb_to_recordset($1::jsonb) AS r(customer_id text, customer_unique_id text, zip_prefix text, city text, state text,
       event_id uuid, event_time timestamptz)
  ORDER BY r.customer_id, r.event_time DESC, r.event_id DESC
), previous AS (
  SELECT a.customer_unique_id FROM {dw}.customer_account a JOIN batch b USING (customer_id)
), staged AS (
  INSERT INTO {dw}.customer_account AS t (customer_id, customer_unique_id, zip_prefix, city, state, event_id, event_time)
  SELECT customer_id, customer_unique_id, zip_prefix, city, state, event_id, event_time FROM batch
  ON CONFLICT (customer_id) DO UPDATE SET
    customer_unique_id = excluded.customer_unique_id, zip_prefix = excluded.zip_prefix, city = excluded.city,
    state = excluded.state, event_id = excluded.event_id, event_time = excluded.event_time
  WHERE (excluded.event_time, excluded.event_id) > (t.event_time, t.event_id)
)
INSERT INTO pg_temp.dw_touched_person (customer_unique_id)
SELECT customer_unique_id FROM batch UNION SELECT customer_unique_id FROM previous
ON CONFLICT DO NOTHING`;

export const STAGE_PRODUCTS = `
WITH batch AS (
  SELECT DISTINCT ON (r.product_id) r.*
  FROM jsonb_to_recordset($1::jsonb) AS r(product_id text, category_name text, category_name_en text, translation_missing boolean,
       name_length integer, description_length integer, photos_qty integer, weight_g integer, length_cm integer,
       height_cm integer, width_cm integer, anomalies text[], event_id uuid, event_time timestamptz)
  ORDER BY r.product_id, r.event_time DESC, r.event_id DESC
), staged AS (
  INSERT INTO {dw}.stg_product AS t (product_id, category_name, category_name_en, translation_missing, name_length,
         description_length, photos_qty, weight_g, length_cm, height_cm, width_cm, anomalies, event_id, event_time)
  SELECT product_id, category_name, category_name_en, translation_missing, name_length, description_length, photos_qty,
         weight_g, length_cm, height_cm, width_cm, anomalies, event_id, event_time
  FROM batch
  ON CONFLICT (product_id) DO UPDATE SET
    category_name = excluded.category_name, category_name_en = excluded.category_name_en,
    translation_missing = excluded.translation_missing, name_length = excluded.name_length,
    description_length = excluded.description_length, photos_qty = excluded.photos_qty, weight_g = excluded.weight_g,
    length_cm = excluded.length_cm, height_cm = excluded.height_cm, width_cm = excluded.width_cm,
    anomalies = excluded.anomalies, event_id = excluded.event_id, event_time = excluded.event_time
  WHERE (excluded.event_time, excluded.event_id) > (t.event_time, t.event_id)
  RETURNING *
)
INSERT INTO {dw}.dim_product AS d (product_key, product_id, category_name, category_name_en, translation_missing, name_length,
       description_length, photos_qty, weight_g, length_cm, height_cm, width_cm, is_inferred)
SELECT {dw}.surrogate_key('product:' || product_id), product_id, category_name, category_name_en, translation_missing, name_length,
       description_length, photos_qty, weight_g, length_cm, height_cm, width_cm, false
FROM staged
ON CONFLICT (product_key) DO UPDATE SET
  category_name = excluded.category_name, category_name_en = excluded.category_name_en,
  translation_missing = excluded.translation_missing, name_length = excluded.name_length,
  description_length = excluded.description_length, photos_qty = excluded.photos_qty, weight_g = excluded.weight_g,
  length_cm = excluded.length_cm, height_cm = excluded.height_cm, width_cm = excluded.width_cm, is_inferred = false
WHERE d IS DISTINCT FROM excluded`;

export const STAGE_SELLERS = `
WITH batch AS (
  SELECT DISTINCT ON (r.seller_id) r.*
  FROM jsonb_to_recordset($1::jsonb) AS r(seller_id text, zip_prefix text, city text, normalized_city text, state text,
       anomalies text[], event_id uuid, event_time timestamptz)
  ORDER BY r.seller_id, r.event_time DESC, r.event_id DESC
), staged AS (
  INSERT INTO {dw}.stg_seller AS t (seller_id, zip_prefix, city, normalized_city, state, anomalies, event_id, event_time)
  SELECT seller_id, zip_prefix, city, normalized_city, state, anomalies, event_id, event_time FROM batch
  ON CONFLICT (seller_id) DO UPDATE SET
    zip_prefix = excluded.zip_prefix, city = excluded.city, normalized_city = excluded.normalized_city, state = excluded.state,
    anomalies = excluded.anomalies, event_id = excluded.event_id, event_time = excluded.event_time
  WHERE (excluded.event_time, excluded.event_id) > (t.event_time, t.event_id)
  RETURNING *
), dim AS (
  INSERT INTO {dw}.dim_seller AS d (seller_key, seller_id, zip_prefix, city, normalized_city, state, is_inferred)
  SELECT {dw}.surrogate_key('seller:' || seller_id), seller_id, zip_prefix, city, normalized_city, state, false FROM staged
  ON CONFLICT (seller_key) DO UPDATE SET
    zip_prefix = excluded.zip_prefix, city = excluded.city, normalized_city = excluded.normalized_city, state = excluded.state,
    is_inferred = false
  WHERE d IS DISTINCT FROM excluded
  RETURNING seller_id
)
-- A seller's address is in its deliveries (state, distance): re-derive the deliveries of its orders.
${touch(
  DERIVE.DELIVERY,
  `SELECT order_id, $MASK FROM (
     SELECT i.order_id FROM {dw}.fact_order_items i JOIN dim USING (seller_id)
     UNION SELECT d.order_id FROM {dw}.fact_deliveries d JOIN dim USING (seller_id)) o`,
)}`;

// ========================================================================================== customers

/** The versions of each touched person, derived from all the changes staged for them. */
export const DERIVE_CUSTOMER_VERSIONS = `
ANALYZE pg_temp.dw_touched_person;
INSERT INTO pg_temp.dw_customer_versions
WITH changes AS (
  SELECT c.*, row_number() OVER (PARTITION BY c.customer_unique_id ORDER BY c.effective_at, c.event_id) AS seq
  FROM {dw}.stg_customer_change c JOIN pg_temp.dw_touched_person USING (customer_unique_id)
), grouped AS (
  -- Each attribute group carries forward from the last change that set it.
  SELECT changes.*, count(zip_prefix) OVER w AS location_group, count(segment) OVER w AS segment_group
  FROM changes WINDOW w AS (PARTITION BY customer_unique_id ORDER BY seq)
), filled AS (
  SELECT customer_unique_id, seq, effective_at,
         first_value(zip_prefix) OVER l AS zip_prefix, first_value(city) OVER l AS city, first_value(state) OVER l AS state,
         first_value(segment) OVER s AS segment, first_value(recency_score) OVER s AS recency_score,
         first_value(frequency_score) OVER s AS frequency_score, first_value(monetary_score) OVER s AS monetary_score,
         first_value(recency_days) OVER s AS recency_days, first_value(frequency) OVER s AS frequency,
         first_value(monetary_cents) OVER s AS monetary_cents, first_value(segment_as_of) OVER s AS segment_as_of
  FROM grouped
  WINDOW l AS (PARTITION BY customer_unique_id, location_group ORDER BY seq),
         s AS (PARTITION BY customer_unique_id, segment_group ORDER BY seq)
), instants AS (
  -- Changes at the same instant are one step: the state after the last of them.
  SELECT DISTINCT ON (customer_unique_id, effective_at) *
  FROM filled ORDER BY customer_unique_id, effective_at, seq DESC
), flagged AS (
  SELECT instants.*,
         CASE WHEN lag(seq) OVER p IS NULL THEN 1
              WHEN (zip_prefix, city, state, segment) IS DISTINCT FROM
                   (lag(zip_prefix) OVER p, lag(city) OVER p, lag(state) OVER p, lag(segment) OVER p) THEN 1
              ELSE 0 END AS starts_version
  FROM instants WINDOW p AS (PARTITION BY customer_unique_id ORDER BY effective_at)
), numbered AS (
  SELECT flagged.*, sum(starts_version) OVER (PARTITION BY customer_unique_id ORDER BY effective_at) AS version
  FROM flagged
), versions AS (
  -- A version holds its tracked attributes (location, segment) from its first step; the other
  -- segment figures are the latest within it.
  SELECT DISTINCT ON (customer_unique_id, version) customer_unique_id, version, zip_prefix, city, state, segment,
         recency_score, frequency_score, monetary_score, recency_days, frequency, monetary_cents, segment_as_of
  FROM numbered ORDER BY customer_unique_id, version, effective_at DESC
), starts AS (
  SELECT customer_unique_id, version, min(effective_at) AS started_at FROM numbered GROUP BY customer_unique_id, version
), first_accounts AS (
  SELECT DISTINCT ON (customer_unique_id) customer_unique_id, first_account
  FROM changes WHERE first_account IS NOT NULL ORDER BY customer_unique_id, seq
), ranged AS (
  SELECT v.*, s.started_at, lead(s.started_at) OVER (PARTITION BY v.customer_unique_id ORDER BY v.version) AS next_start, fa.first_account
  FROM versions v JOIN starts s USING (customer_unique_id, version) LEFT JOIN first_accounts fa USING (customer_unique_id)
)
SELECT
  -- The first version is named after the person's first account, like the inferred row an order of
  -- that account may have made before the registration arrived: the registration completes it in place.
  CASE WHEN version = 1 THEN {dw}.surrogate_key(coalesce('customer-account:' || first_account, 'customer:' || customer_unique_id))
       ELSE {dw}.surrogate_key('customer:' || customer_unique_id || ':' || (extract(epoch FROM started_at) * 1000000)::bigint)
  END,
  customer_unique_id, version,
  CASE WHEN version = 1 THEN '-infinity'::timestamptz ELSE started_at END,
  coalesce(next_start, 'infinity'::timestamptz),
  next_start IS NULL,
  zip_prefix, city, state, segment, recency_score, frequency_score, monetary_score, recency_days, frequency,
  monetary_cents / 100.0, segment_as_of
FROM ranged`;

/**
 * Persons whose derived versions would take a surrogate key another person holds: two persons naming
 * the same account as their first. Checked before anything is written.
 */
export const CUSTOMER_VERSION_CONFLICTS = `
ANALYZE pg_temp.dw_customer_versions;
SELECT DISTINCT v.customer_unique_id
FROM pg_temp.dw_customer_versions v
WHERE EXISTS (SELECT 1 FROM pg_temp.dw_customer_versions w WHERE w.customer_key = v.customer_key AND w.customer_unique_id <> v.customer_unique_id)
   OR EXISTS (SELECT 1 FROM {dw}.dim_customer d WHERE d.customer_key = v.customer_key AND d.customer_unique_id <> v.customer_unique_id
              AND NOT EXISTS (SELECT 1 FROM pg_temp.dw_touched_person p WHERE p.customer_unique_id = d.customer_unique_id))`;

export const DERIVE_CUSTOMERS = `
DELETE FROM {dw}.dim_customer d USING pg_temp.dw_touched_person p
WHERE d.customer_unique_id = p.customer_unique_id
  AND NOT EXISTS (SELECT 1 FROM pg_temp.dw_customer_versions v WHERE v.customer_key = d.customer_key);

INSERT INTO {dw}.dim_customer AS d (customer_key, customer_unique_id, inferred_account_id, version, valid_from, valid_to, is_current,
       is_inferred, zip_prefix, city, state, segment, recency_score, frequency_score, monetary_score, recency_days, frequency,
       monetary, segment_as_of)
SELECT customer_key, customer_unique_id, NULL, version, valid_from, valid_to, is_current, false, zip_prefix, city, state, segment,
       recency_score, frequency_score, monetary_score, recency_days, frequency, monetary, segment_as_of
FROM pg_temp.dw_customer_versions
ON CONFLICT (customer_key) DO UPDATE SET
  customer_unique_id = excluded.customer_unique_id, inferred_account_id = NULL, version = excluded.version,
  valid_from = excluded.valid_from, valid_to = excluded.valid_to, is_current = excluded.is_current, is_inferred = false,
  zip_prefix = excluded.zip_prefix, city = excluded.city, state = excluded.state, segment = excluded.segment,
  recency_score = excluded.recency_score, frequency_score = excluded.frequency_score, monetary_score = excluded.monetary_score,
  recency_days = excluded.recency_days, frequency = excluded.frequency, monetary = excluded.monetary,
  segment_as_of = excluded.segment_as_of
WHERE d IS DISTINCT FROM excluded;

-- Inferred rows of accounts now linked to a person (other than the one completed in place) go.
DELETE FROM {dw}.dim_customer d USING {dw}.customer_account a, pg_temp.dw_touched_person p
WHERE d.is_inferred AND d.inferred_account_id = a.customer_id AND a.customer_unique_id = p.customer_unique_id;

-- Their orders point at the new versions (customer key, buyer, the customer's state in deliveries).
${touch(
  DERIVE.ORDER | DERIVE.DELIVERY | DERIVE.BUYER,
  `SELECT o.order_id, $MASK FROM pg_temp.dw_touched_person p
   JOIN {dw}.customer_account a USING (customer_unique_id)
   JOIN {dw}.stg_order_placed o ON o.customer_id = a.customer_id`,
)};

INSERT INTO pg_temp.dw_touched_buyer (buyer_key) SELECT customer_unique_id FROM pg_temp.dw_touched_person ON CONFLICT DO NOTHING`;

// ============================================================================================== facts

const DERIVE_ORDER_FACTS = `
-- The planner needs to know the touched sets are small to pick index lookups over full scans.
ANALYZE pg_temp.dw_touched_order;

-- What the touched orders looked like before: their buyers and delivery cells may change.
INSERT INTO pg_temp.dw_touched_buyer (buyer_key)
SELECT DISTINCT f.buyer_key FROM {dw}.fact_orders f JOIN pg_temp.dw_touched_order t USING (order_id) WHERE ${has(DERIVE.BUYER)}
ON CONFLICT DO NOTHING;

INSERT INTO pg_temp.dw_touched_cell (seller_state, customer_state, month_key)
SELECT DISTINCT d.seller_state, d.customer_state, d.purchase_month
FROM {dw}.fact_deliveries d JOIN pg_temp.dw_touched_order t USING (order_id)
WHERE ${has(DERIVE.DELIVERY)} AND d.seller_state IS NOT NULL AND d.customer_state IS NOT NULL AND d.purchase_month IS NOT NULL
ON CONFLICT DO NOTHING;

-- An order of an account the customer service has not linked to a person yet gets an inferred member.
INSERT INTO {dw}.dim_customer (customer_key, customer_unique_id, inferred_account_id, version, valid_from, valid_to, is_current, is_inferred)
SELECT DISTINCT {dw}.surrogate_key('customer-account:' || o.customer_id), NULL::text, o.customer_id, 1::smallint,
       '-infinity'::timestamptz, 'infinity'::timestamptz, true, true
FROM pg_temp.dw_touched_order t
JOIN {dw}.stg_order_placed o USING (order_id)
WHERE ${has(DERIVE.ORDER)} AND NOT EXISTS (SELECT 1 FROM {dw}.customer_account a WHERE a.customer_id = o.customer_id)
ON CONFLICT (customer_key) DO NOTHING;

INSERT INTO {dw}.fact_orders AS f (order_id, customer_key, customer_id, buyer_key, status, is_kept, purchased_at, approved_at,
       carrier_at, delivered_at, estimated_delivery_date, purchase_date_key, purchase_month, items_count, gmv, freight,
       payments_total, payments_count, is_delivered, is_late, delivery_seconds, imported, anomalies)
SELECT x.order_id, x.customer_key, x.customer_id, x.buyer_key, x.status, x.status NOT IN ('canceled', 'unavailable'),
       x.purchased_at, x.approved_at, x.carrier_at, x.delivered_at, x.estimated_delivery_date,
       ${dateKeyOf('x.purchased_at')}, ${monthKeyOf('x.purchased_at')},
       x.items_count, x.gmv, x.freight, x.payments_total, x.payments_count,
       x.status = 'delivered' AND x.delivered_at IS NOT NULL,
       x.status = 'delivered' AND x.delivered_at IS NOT NULL AND ${localDateOf('x.delivered_at')} > x.estimated_delivery_date IS TRUE,
       CASE WHEN x.status = 'delivered' AND x.delivered_at IS NOT NULL THEN extract(epoch FROM x.delivered_at - x.purchased_at) END,
       x.imported, x.anomalies
FROM (
  SELECT o.order_id,
         coalesce(v.customer_key, {dw}.surrogate_key('customer-account:' || o.customer_id)) AS customer_key,
         o.customer_id,
         coalesce(a.customer_unique_id, 'account:' || o.customer_id) AS buyer_key,
         coalesce(st.status, 'created') AS status,
         o.purchased_at,
         st.approved_at,
         coalesce(sh.dispatched_at, st.shipped_at) AS carrier_at,
         coalesce(st.recorded_delivered_at, sh.delivered_at) AS delivered_at,
         coalesce(sh.promised_date, sh.delivered_promised_date) AS estimated_delivery_date,
         li.items_count, li.gmv, li.freight,
         coalesce(pay.total, 0) AS payments_total, coalesce(pay.n, 0) AS payments_count,
         o.imported,
         {dw}.merge_flags({dw}.merge_flags(o.anomalies, st.anomalies), sh.anomalies) AS anomalies
  FROM pg_temp.dw_touched_order t
  JOIN {dw}.stg_order_placed o USING (order_id)
  LEFT JOIN {dw}.customer_account a ON a.customer_id = o.customer_id
  LEFT JOIN LATERAL (
    SELECT v.customer_key FROM {dw}.dim_customer v
    WHERE v.customer_unique_id = a.customer_unique_id AND o.purchased_at >= v.valid_from AND o.purchased_at < v.valid_to
  ) v ON true
  LEFT JOIN LATERAL (
    SELECT ${currentStatusOf('s')} AS status, s.approved_at, s.shipped_at, s.recorded_delivered_at, s.anomalies
    FROM {dw}.stg_order_status s WHERE s.order_id = o.order_id
  ) st ON true
  CROSS JOIN LATERAL (
    SELECT count(*)::integer AS items_count, coalesce(sum(l.price_cents), 0) / 100.0 AS gmv,
           coalesce(sum(l.freight_cents), 0) / 100.0 AS freight
    FROM jsonb_to_recordset(o.lines) AS l(price_cents bigint, freight_cents bigint)
  ) li
  LEFT JOIN LATERAL (
    SELECT sum(p.value_cents) / 100.0 AS total, count(*)::integer AS n FROM {dw}.stg_payment p WHERE p.order_id = o.order_id
  ) pay ON true
  LEFT JOIN {dw}.stg_shipment sh ON sh.order_id = o.order_id
  WHERE ${has(DERIVE.ORDER)}
) x
ON CONFLICT (order_id) DO UPDATE SET
  customer_key = excluded.customer_key, customer_id = excluded.customer_id, buyer_key = excluded.buyer_key,
  status = excluded.status, is_kept = excluded.is_kept, purchased_at = excluded.purchased_at,
  approved_at = excluded.approved_at, carrier_at = excluded.carrier_at, delivered_at = excluded.delivered_at,
  estimated_delivery_date = excluded.estimated_delivery_date, purchase_date_key = excluded.purchase_date_key,
  purchase_month = excluded.purchase_month, items_count = excluded.items_count, gmv = excluded.gmv,
  freight = excluded.freight, payments_total = excluded.payments_total, payments_count = excluded.payments_count,
  is_delivered = excluded.is_delivered, is_late = excluded.is_late, delivery_seconds = excluded.delivery_seconds,
  imported = excluded.imported, anomalies = excluded.anomalies
WHERE f IS DISTINCT FROM excluded;

INSERT INTO {dw}.fact_order_items AS i (order_id, line_number, product_key, seller_key, product_id, seller_id, purchase_date_key,
       purchase_month, shipping_limit_at, price, freight, is_kept, carrier_at, handed_over_late)
SELECT f.order_id, l.line_number, {dw}.surrogate_key('product:' || l.product_id), {dw}.surrogate_key('seller:' || l.seller_id),
       l.product_id, l.seller_id, f.purchase_date_key, f.purchase_month, l.shipping_limit_at, l.price_cents / 100.0,
       l.freight_cents / 100.0, f.is_kept, f.carrier_at, f.carrier_at > l.shipping_limit_at
FROM pg_temp.dw_touched_order t
JOIN {dw}.fact_orders f USING (order_id)
JOIN {dw}.stg_order_placed o USING (order_id)
CROSS JOIN LATERAL jsonb_to_recordset(o.lines) AS l(line_number integer, product_id text, seller_id text,
       shipping_limit_at timestamptz, price_cents bigint, freight_cents bigint)
WHERE ${has(DERIVE.ITEMS)}
ON CONFLICT (order_id, line_number) DO UPDATE SET
  product_key = excluded.product_key, seller_key = excluded.seller_key, product_id = excluded.product_id,
  seller_id = excluded.seller_id, purchase_date_key = excluded.purchase_date_key, purchase_month = excluded.purchase_month,
  shipping_limit_at = excluded.shipping_limit_at, price = excluded.price, freight = excluded.freight,
  is_kept = excluded.is_kept, carrier_at = excluded.carrier_at, handed_over_late = excluded.handed_over_late
WHERE i IS DISTINCT FROM excluded;

INSERT INTO {dw}.fact_payments AS p (order_id, sequential, payment_type, installments, value, purchase_date_key, anomalies)
SELECT s.order_id, s.sequential, s.payment_type, s.installments, s.value_cents / 100.0, f.purchase_date_key, s.anomalies
FROM pg_temp.dw_touched_order t
JOIN {dw}.stg_payment s USING (order_id)
LEFT JOIN {dw}.fact_orders f USING (order_id)
WHERE ${has(DERIVE.PAYMENTS)}
ON CONFLICT (order_id, sequential) DO UPDATE SET
  payment_type = excluded.payment_type, installments = excluded.installments, value = excluded.value,
  purchase_date_key = excluded.purchase_date_key, anomalies = excluded.anomalies
WHERE p IS DISTINCT FROM excluded;

INSERT INTO {dw}.fact_reviews AS r (review_id, order_id, score, title, message, created_at, answered_at, purchase_date_key)
SELECT s.review_id, s.order_id, s.score, s.title, s.message, s.created_at, s.answered_at, f.purchase_date_key
FROM pg_temp.dw_touched_order t
JOIN {dw}.stg_review s USING (order_id)
LEFT JOIN {dw}.fact_orders f USING (order_id)
WHERE ${has(DERIVE.REVIEWS)}
ON CONFLICT (review_id, order_id) DO UPDATE SET
  score = excluded.score, title = excluded.title, message = excluded.message, created_at = excluded.created_at,
  answered_at = excluded.answered_at, purchase_date_key = excluded.purchase_date_key
WHERE r IS DISTINCT FROM excluded;

INSERT INTO {dw}.fact_deliveries AS d (order_id, customer_key, seller_key, seller_id, seller_count, purchase_date_key,
       purchase_month, created_at, carrier_at, delivered_at, estimated_delivery_date, delivery_seconds, delivery_days,
       days_late, is_on_time, seller_zip_prefix, customer_zip_prefix, seller_state, customer_state, distance_km, anomalies)
SELECT x.order_id, x.customer_key, {dw}.surrogate_key('seller:' || x.seller_id), x.seller_id, x.seller_count,
       x.purchase_date_key, x.purchase_month, x.created_at, x.carrier_at, x.delivered_at, x.estimated_delivery_date,
       extract(epoch FROM x.delivered_at - x.purchased_at),
       round(extract(epoch FROM x.delivered_at - x.purchased_at) / 86400, 4),
       ${localDateOf('x.delivered_at')} - x.estimated_delivery_date,
       ${localDateOf('x.delivered_at')} - x.estimated_delivery_date <= 0,
       ds.zip_prefix, dc.zip_prefix, ds.state, dc.state,
       -- Null unless both points are known: least() skips nulls, so an unknown point would give asin(1).
       CASE WHEN gs.zip_prefix IS NOT NULL AND gc.zip_prefix IS NOT NULL THEN
       round((2 * 6371.0088 * asin(least(1, sqrt(
         sin(radians((gc.latitude - gs.latitude)::float8) / 2) ^ 2
         + cos(radians(gs.latitude::float8)) * cos(radians(gc.latitude::float8))
           * sin(radians((gc.longitude - gs.longitude)::float8) / 2) ^ 2))))::numeric, 3) END,
       x.anomalies
FROM (
  SELECT sh.order_id, f.customer_key, f.purchase_date_key, f.purchase_month, f.purchased_at, sh.created_at,
         coalesce(sh.dispatched_at, f.carrier_at) AS carrier_at, sh.delivered_at,
         coalesce(sh.promised_date, sh.delivered_promised_date) AS estimated_delivery_date,
         coalesce(lines.first_seller, sh.seller_limits -> 0 ->> 'seller_id') AS seller_id,
         coalesce(lines.sellers, jsonb_array_length(coalesce(sh.seller_limits, '[]'::jsonb)))::integer AS seller_count,
         sh.anomalies
  FROM pg_temp.dw_touched_order t
  JOIN {dw}.stg_shipment sh USING (order_id)
  LEFT JOIN {dw}.fact_orders f USING (order_id)
  LEFT JOIN LATERAL (
    SELECT (array_agg(i.seller_id ORDER BY i.line_number))[1] AS first_seller, count(DISTINCT i.seller_id) AS sellers
    FROM {dw}.fact_order_items i WHERE i.order_id = sh.order_id HAVING count(*) > 0
  ) lines ON true
  WHERE ${has(DERIVE.DELIVERY)}
) x
LEFT JOIN {dw}.dim_seller ds ON ds.seller_id = x.seller_id
LEFT JOIN {dw}.dim_customer dc ON dc.customer_key = x.customer_key
LEFT JOIN {dw}.dim_geolocation gs ON gs.zip_prefix = ds.zip_prefix
LEFT JOIN {dw}.dim_geolocation gc ON gc.zip_prefix = dc.zip_prefix
ON CONFLICT (order_id) DO UPDATE SET
  customer_key = excluded.customer_key, seller_key = excluded.seller_key, seller_id = excluded.seller_id,
  seller_count = excluded.seller_count, purchase_date_key = excluded.purchase_date_key,
  purchase_month = excluded.purchase_month, created_at = excluded.created_at, carrier_at = excluded.carrier_at,
  delivered_at = excluded.delivered_at, estimated_delivery_date = excluded.estimated_delivery_date,
  delivery_seconds = excluded.delivery_seconds, delivery_days = excluded.delivery_days, days_late = excluded.days_late,
  is_on_time = excluded.is_on_time, seller_zip_prefix = excluded.seller_zip_prefix,
  customer_zip_prefix = excluded.customer_zip_prefix, seller_state = excluded.seller_state,
  customer_state = excluded.customer_state, distance_km = excluded.distance_km, anomalies = excluded.anomalies
WHERE d IS DISTINCT FROM excluded;

-- Products and sellers an order line or a shipment names before their own events arrive.
INSERT INTO {dw}.dim_product (product_key, product_id, translation_missing, is_inferred)
SELECT DISTINCT i.product_key, i.product_id, false, true
FROM pg_temp.dw_touched_order t JOIN {dw}.fact_order_items i USING (order_id)
WHERE ${has(DERIVE.ITEMS)}
ON CONFLICT DO NOTHING;

INSERT INTO {dw}.dim_seller (seller_key, seller_id, is_inferred)
SELECT DISTINCT i.seller_key, i.seller_id, true FROM pg_temp.dw_touched_order t JOIN {dw}.fact_order_items i USING (order_id)
WHERE ${has(DERIVE.ITEMS)}
UNION
SELECT DISTINCT d.seller_key, d.seller_id, true FROM pg_temp.dw_touched_order t JOIN {dw}.fact_deliveries d USING (order_id)
WHERE ${has(DERIVE.DELIVERY)} AND d.seller_id IS NOT NULL
ON CONFLICT DO NOTHING;

-- What the touched orders look like now.
INSERT INTO pg_temp.dw_touched_buyer (buyer_key)
SELECT DISTINCT f.buyer_key FROM {dw}.fact_orders f JOIN pg_temp.dw_touched_order t USING (order_id) WHERE ${has(DERIVE.BUYER)}
ON CONFLICT DO NOTHING;

INSERT INTO pg_temp.dw_touched_date (date_key)
SELECT DISTINCT f.purchase_date_key FROM {dw}.fact_orders f JOIN pg_temp.dw_touched_order USING (order_id)
ON CONFLICT DO NOTHING;

INSERT INTO pg_temp.dw_touched_seller_month (seller_id, month_key)
SELECT DISTINCT i.seller_id, i.purchase_month FROM {dw}.fact_order_items i JOIN pg_temp.dw_touched_order t USING (order_id)
WHERE ${has(DERIVE.SELLER_MONTHS)}
ON CONFLICT DO NOTHING;

INSERT INTO pg_temp.dw_touched_cell (seller_state, customer_state, month_key)
SELECT DISTINCT d.seller_state, d.customer_state, d.purchase_month
FROM {dw}.fact_deliveries d JOIN pg_temp.dw_touched_order t USING (order_id)
WHERE ${has(DERIVE.DELIVERY)} AND d.seller_state IS NOT NULL AND d.customer_state IS NOT NULL AND d.purchase_month IS NOT NULL
ON CONFLICT DO NOTHING`;

/**
 * Recomputes the rows of `table` for the touched keys from `fresh` (a query over the facts giving
 * the table's columns, one row per touched key that still has data), writes only the rows that
 * changed, and deletes the rows of touched keys that have no data left. The effect of a DELETE and
 * INSERT of the touched keys, without rewriting unchanged rows (dead rows slow every later lookup).
 */
function refresh(table: string, key: readonly string[], columns: readonly string[], touched: string, touchedKey: readonly string[], fresh: string): string {
  const values = columns.filter((c) => !key.includes(c));
  return `
WITH fresh AS (${fresh}
), written AS (
  INSERT INTO {dw}.${table} AS m (${columns.join(', ')})
  SELECT ${columns.join(', ')} FROM fresh
  ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${values.map((c) => `${c} = excluded.${c}`).join(', ')}
  WHERE m IS DISTINCT FROM excluded
)
DELETE FROM {dw}.${table} m USING pg_temp.${touched} t
WHERE ${key.map((k, i) => `m.${k} = t.${touchedKey[i]}`).join(' AND ')}
  AND NOT EXISTS (SELECT 1 FROM fresh f WHERE ${key.map((k) => `f.${k} = m.${k}`).join(' AND ')})`;
}

const DERIVE_BUYER_SUMMARIES = `
ANALYZE pg_temp.dw_touched_buyer;

-- A buyer's first purchase date and segment, before and after, touch the marts of both.
INSERT INTO pg_temp.dw_touched_date (date_key)
SELECT DISTINCT s.first_purchase_date_key FROM {dw}.customer_summary s JOIN pg_temp.dw_touched_buyer USING (buyer_key)
WHERE s.first_purchase_date_key IS NOT NULL
ON CONFLICT DO NOTHING;

INSERT INTO pg_temp.dw_touched_segment (segment)
SELECT DISTINCT coalesce(s.segment, 'unsegmented') FROM {dw}.customer_summary s JOIN pg_temp.dw_touched_buyer USING (buyer_key)
WHERE s.customer_unique_id IS NOT NULL
ON CONFLICT DO NOTHING;

${refresh(
  'customer_summary',
  ['buyer_key'],
  ['buyer_key', 'customer_unique_id', 'segment', 'recency_days', 'orders', 'kept_orders', 'revenue', 'first_purchased_at', 'first_purchase_date_key'],
  'dw_touched_buyer',
  ['buyer_key'],
  `
  SELECT b.buyer_key, p.customer_unique_id, p.segment, p.recency_days, o.orders, o.kept_orders, o.revenue, o.first_purchased_at,
         ${dateKeyOf('o.first_purchased_at')} AS first_purchase_date_key
  FROM pg_temp.dw_touched_buyer b
  CROSS JOIN LATERAL (
    SELECT count(*)::integer AS orders, (count(*) FILTER (WHERE f.is_kept))::integer AS kept_orders,
           coalesce(sum(f.gmv) FILTER (WHERE f.is_kept), 0) AS revenue, min(f.purchased_at) AS first_purchased_at
    FROM {dw}.fact_orders f WHERE f.buyer_key = b.buyer_key
  ) o
  -- Persons only: an account not linked to a person yet is nobody's first order.
  JOIN {dw}.dim_customer p ON p.customer_unique_id = b.buyer_key AND p.is_current`,
)};

INSERT INTO pg_temp.dw_touched_date (date_key)
SELECT DISTINCT s.first_purchase_date_key FROM {dw}.customer_summary s JOIN pg_temp.dw_touched_buyer USING (buyer_key)
WHERE s.first_purchase_date_key IS NOT NULL
ON CONFLICT DO NOTHING;

INSERT INTO pg_temp.dw_touched_segment (segment)
SELECT DISTINCT coalesce(s.segment, 'unsegmented') FROM {dw}.customer_summary s JOIN pg_temp.dw_touched_buyer USING (buyer_key)
WHERE s.customer_unique_id IS NOT NULL
ON CONFLICT DO NOTHING`;

// ============================================================================================== marts

const REFRESH_EXECUTIVE = `
ANALYZE pg_temp.dw_touched_date, pg_temp.dw_touched_seller_month, pg_temp.dw_touched_segment, pg_temp.dw_touched_cell;
${refresh(
  'mart_executive_dashboard',
  ['purchase_date_key'],
  ['purchase_date_key', 'purchase_date', 'orders', 'canceled_orders', 'kept_orders', 'gmv', 'freight', 'payments', 'aov', 'new_customers',
   'delivered_orders', 'late_orders', 'on_time_rate', 'delivery_seconds', 'avg_delivery_days', 'review_count', 'review_score_sum', 'avg_review_score'],
  'dw_touched_date',
  ['date_key'],
  `
  SELECT t.date_key AS purchase_date_key, to_date(t.date_key::text, 'YYYYMMDD') AS purchase_date, o.orders, o.canceled_orders,
         o.kept_orders, o.gmv, o.freight, o.payments, round(o.gmv / nullif(o.kept_orders, 0), 2) AS aov, n.new_customers,
         o.delivered_orders, o.late_orders, round(1 - o.late_orders::numeric / nullif(o.delivered_orders, 0), 4) AS on_time_rate,
         o.delivery_seconds, round(o.delivery_seconds / nullif(o.delivered_orders * 86400, 0), 4) AS avg_delivery_days,
         r.review_count, r.review_score_sum, round(r.review_score_sum::numeric / nullif(r.review_count, 0), 4) AS avg_review_score
  FROM pg_temp.dw_touched_date t
  CROSS JOIN LATERAL (
    SELECT count(*)::integer AS orders,
           (count(*) FILTER (WHERE NOT f.is_kept))::integer AS canceled_orders,
           (count(*) FILTER (WHERE f.is_kept))::integer AS kept_orders,
           coalesce(sum(f.gmv) FILTER (WHERE f.is_kept), 0) AS gmv,
           coalesce(sum(f.freight) FILTER (WHERE f.is_kept), 0) AS freight,
           coalesce(sum(f.payments_total) FILTER (WHERE f.is_kept), 0) AS payments,
           (count(*) FILTER (WHERE f.is_delivered))::integer AS delivered_orders,
           (count(*) FILTER (WHERE f.is_late))::integer AS late_orders,
           coalesce(sum(f.delivery_seconds) FILTER (WHERE f.is_delivered), 0) AS delivery_seconds
    FROM {dw}.fact_orders f WHERE f.purchase_date_key = t.date_key
  ) o
  CROSS JOIN LATERAL (
    SELECT count(*)::integer AS new_customers FROM {dw}.customer_summary s WHERE s.first_purchase_date_key = t.date_key
  ) n
  CROSS JOIN LATERAL (
    SELECT count(*)::integer AS review_count, coalesce(sum(r.score), 0)::integer AS review_score_sum
    FROM {dw}.fact_reviews r WHERE r.purchase_date_key = t.date_key
  ) r
  WHERE o.orders > 0`,
)}`;

const REFRESH_SELLER = refresh(
  'mart_seller_performance',
  ['seller_id', 'month_key'],
  ['seller_id', 'month_key', 'seller_key', 'orders', 'canceled_orders', 'lines', 'revenue', 'freight', 'review_count', 'review_score_sum',
   'avg_review_score', 'delivered_orders', 'late_orders', 'late_delivery_rate', 'handoff_orders', 'handoff_seconds', 'avg_handoff_hours',
   'handoff_lines', 'late_handoff_lines', 'late_handoff_share'],
  'dw_touched_seller_month',
  ['seller_id', 'month_key'],
  `
  SELECT t.seller_id, t.month_key, {dw}.surrogate_key('seller:' || t.seller_id) AS seller_key, l.orders, l.canceled_orders, l.lines,
         l.revenue, l.freight, r.review_count, r.review_score_sum,
         round(r.review_score_sum::numeric / nullif(r.review_count, 0), 4) AS avg_review_score,
         o.delivered_orders, o.late_orders, round(o.late_orders::numeric / nullif(o.delivered_orders, 0), 4) AS late_delivery_rate,
         o.handoff_orders, o.handoff_seconds, round(o.handoff_seconds / nullif(o.handoff_orders * 3600, 0), 4) AS avg_handoff_hours,
         l.handoff_lines, l.late_handoff_lines, round(l.late_handoff_lines::numeric / nullif(l.handoff_lines, 0), 4) AS late_handoff_share
  FROM pg_temp.dw_touched_seller_month t
  CROSS JOIN LATERAL (
    SELECT count(DISTINCT i.order_id)::integer AS orders,
           (count(DISTINCT i.order_id) FILTER (WHERE NOT i.is_kept))::integer AS canceled_orders,
           count(*)::integer AS lines,
           coalesce(sum(i.price) FILTER (WHERE i.is_kept), 0) AS revenue,
           coalesce(sum(i.freight) FILTER (WHERE i.is_kept), 0) AS freight,
           (count(*) FILTER (WHERE i.carrier_at IS NOT NULL))::integer AS handoff_lines,
           (count(*) FILTER (WHERE i.handed_over_late))::integer AS late_handoff_lines,
           array_agg(DISTINCT i.order_id) AS order_ids
    FROM {dw}.fact_order_items i WHERE i.seller_id = t.seller_id AND i.purchase_month = t.month_key
  ) l
  CROSS JOIN LATERAL (
    SELECT (count(*) FILTER (WHERE f.is_delivered))::integer AS delivered_orders,
           (count(*) FILTER (WHERE f.is_late))::integer AS late_orders,
           (count(*) FILTER (WHERE f.carrier_at IS NOT NULL))::integer AS handoff_orders,
           coalesce(sum(extract(epoch FROM f.carrier_at - f.purchased_at)) FILTER (WHERE f.carrier_at IS NOT NULL), 0) AS handoff_seconds
    FROM {dw}.fact_orders f WHERE f.order_id = ANY (l.order_ids)
  ) o
  CROSS JOIN LATERAL (
    SELECT count(*)::integer AS review_count, coalesce(sum(r.score), 0)::integer AS review_score_sum
    FROM {dw}.fact_reviews r WHERE r.order_id = ANY (l.order_ids)
  ) r
  WHERE l.lines > 0`,
);

const REFRESH_SEGMENTS = refresh(
  'mart_customer_segments',
  ['segment'],
  ['segment', 'customers', 'orders', 'revenue', 'recency_customers', 'recency_days_sum', 'avg_orders', 'avg_recency_days'],
  'dw_touched_segment',
  ['segment'],
  `
  SELECT t.segment, s.customers, s.orders, s.revenue, s.recency_customers, s.recency_days_sum,
         round(s.orders::numeric / nullif(s.customers, 0), 4) AS avg_orders,
         round(s.recency_days_sum::numeric / nullif(s.recency_customers, 0), 4) AS avg_recency_days
  FROM pg_temp.dw_touched_segment t
  CROSS JOIN LATERAL (
    SELECT count(*)::integer AS customers, coalesce(sum(c.kept_orders), 0)::integer AS orders,
           coalesce(sum(c.revenue), 0) AS revenue, count(c.recency_days)::integer AS recency_customers,
           coalesce(sum(c.recency_days), 0)::bigint AS recency_days_sum
    FROM {dw}.customer_summary c
    WHERE c.customer_unique_id IS NOT NULL AND coalesce(c.segment, 'unsegmented') = t.segment
  ) s
  WHERE s.customers > 0`,
);

const REFRESH_DELIVERY = refresh(
  'mart_delivery_performance',
  ['seller_state', 'customer_state', 'month_key'],
  ['seller_state', 'customer_state', 'month_key', 'deliveries', 'delivery_seconds', 'avg_delivery_days', 'late_deliveries', 'late_rate',
   'distance_deliveries', 'distance_km_sum', 'avg_distance_km'],
  'dw_touched_cell',
  ['seller_state', 'customer_state', 'month_key'],
  `
  SELECT t.seller_state, t.customer_state, t.month_key, d.deliveries, d.delivery_seconds,
         round(d.delivery_seconds / nullif(d.deliveries * 86400, 0), 4) AS avg_delivery_days, d.late_deliveries,
         round(d.late_deliveries::numeric / nullif(d.deliveries, 0), 4) AS late_rate, d.distance_deliveries, d.distance_km_sum,
         round(d.distance_km_sum / nullif(d.distance_deliveries, 0), 4) AS avg_distance_km
  FROM pg_temp.dw_touched_cell t
  CROSS JOIN LATERAL (
    -- The delivered orders of the cell (as the executive dashboard counts them), with their shipment's
    -- states and distance.
    SELECT count(*)::integer AS deliveries, coalesce(sum(o.delivery_seconds), 0) AS delivery_seconds,
           (count(*) FILTER (WHERE o.is_late))::integer AS late_deliveries,
           count(f.distance_km)::integer AS distance_deliveries, coalesce(sum(f.distance_km), 0) AS distance_km_sum
    FROM {dw}.fact_deliveries f JOIN {dw}.fact_orders o ON o.order_id = f.order_id
    WHERE f.purchase_month = t.month_key AND f.seller_state = t.seller_state AND f.customer_state = t.customer_state
      AND o.is_delivered
  ) d
  WHERE d.deliveries > 0`,
);

/** The facts of everything the staging touched (and the keys of the summaries and marts they touch). */
export const DERIVE_FACTS = DERIVE_ORDER_FACTS;

/** The buyer summaries and marts of the touched keys, from the facts. */
export const REFRESH_MARTS = [DERIVE_BUYER_SUMMARIES, REFRESH_EXECUTIVE, REFRESH_SELLER, REFRESH_SEGMENTS, REFRESH_DELIVERY].join(';\n');

/** Every order the staging holds a row of (and every order the facts hold), as touched for all parts. */
export const TOUCH_ALL_ORDERS = `
INSERT INTO pg_temp.dw_touched_order (order_id, parts)
SELECT order_id, ${ALL} FROM (
  SELECT order_id FROM {dw}.stg_order_placed
  UNION SELECT order_id FROM {dw}.stg_order_status
  UNION SELECT order_id FROM {dw}.stg_payment
  UNION SELECT order_id FROM {dw}.stg_review
  UNION SELECT order_id FROM {dw}.stg_shipment
  UNION SELECT order_id FROM {dw}.fact_orders
) o
ON CONFLICT (order_id) DO UPDATE SET parts = ${ALL}`;

/**
 * Every key of the buyer summaries and marts, as touched keys: those the facts give and those the
 * tables hold (a key with no data left is deleted). The segments and the first-purchase dates come
 * with the buyer summaries' refresh, from the buyers' old and new rows.
 */
export const TOUCH_ALL_MART_KEYS = `
INSERT INTO pg_temp.dw_touched_buyer (buyer_key)
SELECT buyer_key FROM {dw}.fact_orders
UNION SELECT customer_unique_id FROM {dw}.dim_customer WHERE customer_unique_id IS NOT NULL
UNION SELECT buyer_key FROM {dw}.customer_summary
ON CONFLICT DO NOTHING;

INSERT INTO pg_temp.dw_touched_date (date_key)
SELECT purchase_date_key FROM {dw}.fact_orders WHERE purchase_date_key IS NOT NULL
UNION SELECT purchase_date_key FROM {dw}.mart_executive_dashboard
ON CONFLICT DO NOTHING;

INSERT INTO pg_temp.dw_touched_seller_month (seller_id, month_key)
SELECT seller_id, purchase_month FROM {dw}.fact_order_items WHERE seller_id IS NOT NULL AND purchase_month IS NOT NULL
UNION SELECT seller_id, month_key FROM {dw}.mart_seller_performance
ON CONFLICT DO NOTHING;

INSERT INTO pg_temp.dw_touched_segment (segment)
SELECT segment FROM {dw}.mart_customer_segments
ON CONFLICT DO NOTHING;

INSERT INTO pg_temp.dw_touched_cell (seller_state, customer_state, month_key)
SELECT seller_state, customer_state, purchase_month FROM {dw}.fact_deliveries
WHERE seller_state IS NOT NULL AND customer_state IS NOT NULL AND purchase_month IS NOT NULL
UNION SELECT seller_state, customer_state, month_key FROM {dw}.mart_delivery_performance
ON CONFLICT DO NOTHING`;

/** Facts, buyer summaries and marts of everything the staging touched: one round trip, no parameter. */
export const DERIVE_AND_REFRESH = [DERIVE_FACTS, REFRESH_MARTS].join(';\n');

/**
 * The batch's derivation as named steps, each a list of single statements: for timing them apart
 * (the writer's step observer). Run in order, they are DERIVE_AND_REFRESH.
 */
export const DERIVE_AND_REFRESH_STEPS: readonly { name: string; sql: string }[] = Object.entries({
  facts: DERIVE_ORDER_FACTS,
  buyerSummaries: DERIVE_BUYER_SUMMARIES,
  executive: REFRESH_EXECUTIVE,
  seller: REFRESH_SELLER,
  segments: REFRESH_SEGMENTS,
  delivery: REFRESH_DELIVERY,
}).flatMap(([step, sql]) => splitStatements(sql).map((statement, i) => ({ name: `${step}.${i}`, sql: statement })));

/** The statements of a multi-statement text (they end with a semicolon at the end of a line). */
export function splitStatements(sql: string): string[] {
  return sql.split(/;\s*\n/).map((s) => s.trim()).filter((s) => s.replace(/--[^\n]*/g, '').trim().length > 0);
}
