/**
 * The warehouse's star schema. `{dw}` stands for the schema (quoted) the migration runs in: `dw`, or a
 * `dw_rebuild_<ts>` built side by side and swapped in by a rebuild. Every table states its grain.
 *
 * Surrogate keys are derived from natural keys (surrogate_key(text): 60 bits of md5) rather than
 * drawn from sequences, so that the same events give the same keys whatever order they arrive in:
 * the incremental path and a replay produce identical tables. A collision would break a primary key
 * and stop the batch loudly; with 60 bits it would take about a billion members to expect one.
 *
 * Tables whose rows are rewritten as later events complete them keep a fifth of each page free
 * (fillfactor 80), so that an update can stay on its page (a HOT update) and be pruned without VACUUM.
 *
 * No wall-clock column lives in this schema (only event times), for the same reason; the times the
 * warehouse applied things are kept in dw_meta.
 */
export const STAR_SCHEMA_SQL = `
CREATE FUNCTION {dw}.surrogate_key(natural_key text) RETURNS bigint
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN ('x0' || substr(md5(natural_key), 1, 15))::bit(64)::bigint;

-- The union of two sets of flags, sorted, without duplicates.
CREATE FUNCTION {dw}.merge_flags(a text[], b text[]) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN ARRAY(SELECT DISTINCT flag FROM unnest(coalesce(a, '{}') || coalesce(b, '{}')) AS flag ORDER BY flag);

-- ===================================================================================== dimensions

-- GRAIN: one row per calendar day, 2016-01-01 to 2030-12-31.
CREATE TABLE {dw}.dim_date (
  date_key            integer  PRIMARY KEY,           -- yyyymmdd
  date                date     NOT NULL UNIQUE,
  year                smallint NOT NULL,
  quarter             smallint NOT NULL,
  month               smallint NOT NULL,
  month_name          text     NOT NULL,
  month_name_pt       text     NOT NULL,
  iso_year            smallint NOT NULL,
  iso_week            smallint NOT NULL,
  day_of_week         smallint NOT NULL,              -- ISO: Monday 1 .. Sunday 7
  day_name            text     NOT NULL,
  is_weekend          boolean  NOT NULL,
  is_holiday          boolean  NOT NULL,              -- national holiday by law
  is_optional_holiday boolean  NOT NULL,              -- national "ponto facultativo": Carnaval, Corpus Christi
  holiday_name        text,
  holiday_kind        text CHECK (holiday_kind IN ('national', 'optional'))
);

-- GRAIN: one row per version of a person (customer_unique_id): a slowly changing dimension of type 2,
-- a new version whenever the segment or the location changes; plus one inferred row per account
-- (Olist customer_id) that an order names before the customer service told who the person is.
CREATE TABLE {dw}.dim_customer (
  customer_key        bigint      PRIMARY KEY,
  customer_unique_id  text,                           -- null only on an inferred row
  inferred_account_id text,                           -- the account an inferred row stands for
  version             smallint    NOT NULL,
  valid_from          timestamptz NOT NULL,           -- the first version is valid from -infinity
  valid_to            timestamptz NOT NULL,           -- the current version is valid to infinity
  is_current          boolean     NOT NULL,
  is_inferred         boolean     NOT NULL,
  zip_prefix          text,
  city                text,
  state               text,
  segment             text,
  recency_score       smallint,
  frequency_score     smallint,
  monetary_score      smallint,
  recency_days        integer,
  frequency           integer,
  monetary            numeric(14,2),
  segment_as_of       date,
  CHECK ((customer_unique_id IS NULL) = is_inferred),
  CHECK ((inferred_account_id IS NULL) <> is_inferred),
  CHECK (valid_from < valid_to)
) WITH (fillfactor = 80);
-- Deferred: re-deriving a person's versions may renumber them inside one transaction.
ALTER TABLE {dw}.dim_customer ADD CONSTRAINT dim_customer_version UNIQUE (customer_unique_id, version) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE {dw}.dim_customer ADD CONSTRAINT dim_customer_one_current
  EXCLUDE USING btree (customer_unique_id WITH =) WHERE (is_current AND customer_unique_id IS NOT NULL) DEFERRABLE INITIALLY DEFERRED;
CREATE UNIQUE INDEX dim_customer_inferred ON {dw}.dim_customer (inferred_account_id);

-- GRAIN: one row per per-order account (Olist customer_id): which person it belongs to, and the
-- address given with it.
CREATE TABLE {dw}.customer_account (
  customer_id        text        PRIMARY KEY,
  customer_unique_id text        NOT NULL,
  zip_prefix         text        NOT NULL,
  city               text        NOT NULL,
  state              text        NOT NULL,
  event_id           uuid        NOT NULL,
  event_time         timestamptz NOT NULL
);
CREATE INDEX customer_account_person ON {dw}.customer_account (customer_unique_id);

-- GRAIN: one row per product (the latest state; inferred while only an order line names it).
CREATE TABLE {dw}.dim_product (
  product_key         bigint  PRIMARY KEY,
  product_id          text    NOT NULL UNIQUE,
  category_name       text,                           -- Portuguese, as Olist
  category_name_en    text,                           -- English, from Olist's translation table
  translation_missing boolean NOT NULL,
  name_length         integer,
  description_length  integer,
  photos_qty          integer,
  weight_g            integer,
  length_cm           integer,
  height_cm           integer,
  width_cm            integer,
  is_inferred         boolean NOT NULL
) WITH (fillfactor = 80);

-- GRAIN: one row per seller (the latest address; inferred while only an order line names it).
CREATE TABLE {dw}.dim_seller (
  seller_key      bigint  PRIMARY KEY,
  seller_id       text    NOT NULL UNIQUE,
  zip_prefix      text,
  city            text,                               -- as given
  normalized_city text,                               -- lowercase, unaccented, no state suffix
  state           text,
  is_inferred     boolean NOT NULL
) WITH (fillfactor = 80);

-- GRAIN: one row per zip prefix (first five digits of a CEP): the median latitude and longitude of
-- its sample addresses inside Brazil, and its most frequent city and state.
CREATE TABLE {dw}.dim_geolocation (
  zip_prefix     text          PRIMARY KEY,
  latitude       numeric(9,6)  NOT NULL,
  longitude      numeric(9,6)  NOT NULL,
  city           text          NOT NULL,
  state          text          NOT NULL,
  samples        integer       NOT NULL,           -- sample addresses used
  outside_brazil integer       NOT NULL            -- samples ignored: outside Brazil's bounding box
);

-- ======================================================================================== staging
-- What the events said, merged so that the result does not depend on arrival order. Facts and
-- dimensions are derived from here for the keys a batch touches.

-- GRAIN: one row per order (its sales.order.placed event; of two, the latest event wins).
CREATE TABLE {dw}.stg_order_placed (
  order_id     text        PRIMARY KEY,
  customer_id  text        NOT NULL,
  purchased_at timestamptz NOT NULL,
  imported     boolean     NOT NULL,
  anomalies    text[]      NOT NULL,
  lines        jsonb       NOT NULL,
  event_id     uuid        NOT NULL,
  event_time   timestamptz NOT NULL
);
CREATE INDEX stg_order_placed_account ON {dw}.stg_order_placed (customer_id);

-- GRAIN: one row per order with a status reported: per status, the earliest time reported; the union
-- of the flags. The current status is the reported one of highest lifecycle rank.
CREATE TABLE {dw}.stg_order_status (
  order_id       text        PRIMARY KEY,
  approved_at    timestamptz,
  invoiced_at    timestamptz,
  processing_at  timestamptz,
  shipped_at     timestamptz,
  delivered_at   timestamptz,
  unavailable_at timestamptz,
  canceled_at    timestamptz,
  anomalies      text[]      NOT NULL
) WITH (fillfactor = 80);

-- GRAIN: one row per payment (order, sequential); the latest event wins.
CREATE TABLE {dw}.stg_payment (
  order_id     text        NOT NULL,
  sequential   smallint    NOT NULL,
  payment_type text        NOT NULL,
  installments smallint    NOT NULL,
  value_cents  bigint      NOT NULL,
  anomalies    text[]      NOT NULL,
  event_id     uuid        NOT NULL,
  event_time   timestamptz NOT NULL,
  PRIMARY KEY (order_id, sequential)
);

-- GRAIN: one row per customer event that can change a person (registered, account added, relocated,
-- segment changed): the history dim_customer's versions are derived from.
CREATE TABLE {dw}.stg_customer_change (
  event_id           uuid        PRIMARY KEY,
  customer_unique_id text        NOT NULL,
  kind               text        NOT NULL,
  effective_at       timestamptz NOT NULL,            -- the envelope time
  first_account      text,
  zip_prefix         text,
  city               text,
  state              text,
  segment            text,
  recency_score      smallint,
  frequency_score    smallint,
  monetary_score     smallint,
  recency_days       integer,
  frequency          integer,
  monetary_cents     bigint,
  segment_as_of      date
);
CREATE INDEX stg_customer_change_person ON {dw}.stg_customer_change (customer_unique_id);

-- GRAIN: one row per review (review_id, order_id); the latest event wins.
CREATE TABLE {dw}.stg_review (
  review_id   text        NOT NULL,
  order_id    text        NOT NULL,
  score       smallint    NOT NULL,
  title       text,
  message     text,
  created_at  timestamptz NOT NULL,
  answered_at timestamptz,
  event_id    uuid        NOT NULL,
  event_time  timestamptz NOT NULL,
  PRIMARY KEY (review_id, order_id)
);
CREATE INDEX stg_review_order ON {dw}.stg_review (order_id);

-- GRAIN: one row per shipment (fulfillment ships an order as one shipment, keyed by order_id); each
-- column keeps the least value reported, so created / dispatched / delivered merge in any order.
CREATE TABLE {dw}.stg_shipment (
  order_id                text        PRIMARY KEY,
  customer_id             text,
  created_at              timestamptz,
  promised_date           date,                       -- from shipment.created
  seller_limits           jsonb,
  dispatched_at           timestamptz,
  delivered_at            timestamptz,
  delivered_promised_date date,                       -- repeated by shipment.delivered
  anomalies               text[]      NOT NULL
) WITH (fillfactor = 80);

-- GRAIN: one row per product, its latest state (by event time, then event id).
CREATE TABLE {dw}.stg_product (
  product_id          text        PRIMARY KEY,
  category_name       text,
  category_name_en    text,
  translation_missing boolean     NOT NULL,
  name_length         integer,
  description_length  integer,
  photos_qty          integer,
  weight_g            integer,
  length_cm           integer,
  height_cm           integer,
  width_cm            integer,
  anomalies           text[]      NOT NULL,
  event_id            uuid        NOT NULL,
  event_time          timestamptz NOT NULL
);

-- GRAIN: one row per seller, its latest address (by event time, then event id).
CREATE TABLE {dw}.stg_seller (
  seller_id       text        PRIMARY KEY,
  zip_prefix      text        NOT NULL,
  city            text        NOT NULL,
  normalized_city text,
  state           text        NOT NULL,
  anomalies       text[]      NOT NULL,
  event_id        uuid        NOT NULL,
  event_time      timestamptz NOT NULL
);

-- ========================================================================================== facts

-- GRAIN: one row per order placed.
CREATE TABLE {dw}.fact_orders (
  order_id                text          PRIMARY KEY,
  customer_key            bigint        NOT NULL,     -- the dim_customer version current at purchase
  customer_id             text          NOT NULL,     -- the per-order account
  buyer_key               text          NOT NULL,     -- customer_unique_id, or 'account:<customer_id>' while unknown
  status                  text          NOT NULL,
  is_kept                 boolean       NOT NULL,     -- status is neither canceled nor unavailable
  purchased_at            timestamptz   NOT NULL,
  approved_at             timestamptz,
  carrier_at              timestamptz,                -- hand-off to the carrier
  delivered_at            timestamptz,
  estimated_delivery_date date,                       -- a promised calendar day, not an instant
  purchase_date_key       integer       NOT NULL,     -- local date (America/Sao_Paulo) of purchased_at
  purchase_month          integer       NOT NULL,     -- yyyymm of that date
  items_count             integer       NOT NULL,
  gmv                     numeric(14,2) NOT NULL,     -- Σ line prices
  freight                 numeric(14,2) NOT NULL,     -- Σ line freight
  payments_total          numeric(14,2) NOT NULL,
  payments_count          integer       NOT NULL,
  is_delivered            boolean       NOT NULL,     -- status delivered and a delivered date
  is_late                 boolean       NOT NULL,     -- delivered on a local date after the estimated one
  delivery_seconds        numeric(20,6),              -- delivered − purchase, for delivered orders
  imported                boolean       NOT NULL,
  anomalies               text[]        NOT NULL
) WITH (fillfactor = 80);
CREATE INDEX fact_orders_date ON {dw}.fact_orders (purchase_date_key);
CREATE INDEX fact_orders_account ON {dw}.fact_orders (customer_id);
CREATE INDEX fact_orders_buyer ON {dw}.fact_orders (buyer_key);

-- GRAIN: one row per order line (order_id, line_number).
CREATE TABLE {dw}.fact_order_items (
  order_id          text          NOT NULL,
  line_number       integer       NOT NULL,
  product_key       bigint        NOT NULL,
  seller_key        bigint        NOT NULL,
  product_id        text          NOT NULL,
  seller_id         text          NOT NULL,
  purchase_date_key integer       NOT NULL,
  purchase_month    integer       NOT NULL,
  shipping_limit_at timestamptz   NOT NULL,
  price             numeric(12,2) NOT NULL,
  freight           numeric(12,2) NOT NULL,
  is_kept           boolean       NOT NULL,
  carrier_at        timestamptz,                      -- the order's hand-off to the carrier
  handed_over_late  boolean,                          -- carrier_at > shipping_limit_at; null before hand-off
  PRIMARY KEY (order_id, line_number)
) WITH (fillfactor = 80);
CREATE INDEX fact_order_items_seller_month ON {dw}.fact_order_items (seller_id, purchase_month);

-- GRAIN: one row per payment (order_id, sequential).
CREATE TABLE {dw}.fact_payments (
  order_id          text          NOT NULL,
  sequential        smallint      NOT NULL,
  payment_type      text          NOT NULL,
  installments      smallint      NOT NULL,
  value             numeric(12,2) NOT NULL,
  purchase_date_key integer,                          -- null until the order is known
  anomalies         text[]        NOT NULL,
  PRIMARY KEY (order_id, sequential)
) WITH (fillfactor = 80);

-- GRAIN: one row per shipment (= per order).
CREATE TABLE {dw}.fact_deliveries (
  order_id                text          PRIMARY KEY,
  customer_key            bigint,                     -- null until the order is known
  seller_key              bigint,
  seller_id               text,                       -- the seller of line 1 (or the first one the shipment names)
  seller_count            integer       NOT NULL,
  purchase_date_key       integer,
  purchase_month          integer,
  created_at              timestamptz,
  carrier_at              timestamptz,
  delivered_at            timestamptz,
  estimated_delivery_date date,
  delivery_seconds        numeric(20,6),              -- delivered − purchase
  delivery_days           numeric(10,4),
  days_late               integer,                    -- local delivered date − estimated date (negative: early)
  is_on_time              boolean,                    -- days_late <= 0
  seller_zip_prefix       text,
  customer_zip_prefix     text,
  seller_state            text,
  customer_state          text,
  distance_km             numeric(10,3),              -- haversine between the two zip prefixes' points
  anomalies               text[]        NOT NULL
) WITH (fillfactor = 80);
CREATE INDEX fact_deliveries_cell ON {dw}.fact_deliveries (purchase_month, seller_state, customer_state);
CREATE INDEX fact_deliveries_seller ON {dw}.fact_deliveries (seller_id);

-- GRAIN: one row per review (review_id, order_id).
CREATE TABLE {dw}.fact_reviews (
  review_id         text        NOT NULL,
  order_id          text        NOT NULL,
  score             smallint    NOT NULL,
  title             text,
  message           text,
  created_at        timestamptz NOT NULL,
  answered_at       timestamptz,
  purchase_date_key integer,                          -- of the order; null until the order is known
  PRIMARY KEY (review_id, order_id)
) WITH (fillfactor = 80);
CREATE INDEX fact_reviews_order ON {dw}.fact_reviews (order_id);
CREATE INDEX fact_reviews_date ON {dw}.fact_reviews (purchase_date_key);

-- GRAIN: one row per person (customer_unique_id) the customer service registered: the first purchase
-- and order totals of its accounts' orders, and its current segment.
CREATE TABLE {dw}.customer_summary (
  buyer_key               text          PRIMARY KEY,  -- the customer_unique_id
  customer_unique_id      text,
  segment                 text,
  recency_days            integer,
  orders                  integer       NOT NULL,     -- any status
  kept_orders             integer       NOT NULL,
  revenue                 numeric(14,2) NOT NULL,     -- Σ gmv of kept orders
  first_purchased_at      timestamptz,
  first_purchase_date_key integer
) WITH (fillfactor = 80);
CREATE INDEX customer_summary_first_date ON {dw}.customer_summary (first_purchase_date_key);
CREATE INDEX customer_summary_segment ON {dw}.customer_summary ((coalesce(segment, 'unsegmented'))) WHERE customer_unique_id IS NOT NULL;

-- ========================================================================================== marts
-- Refreshed in the batch's transaction for the keys it touched; docs/metrics.md defines each figure.

-- GRAIN: one row per purchase date (local, America/Sao_Paulo) with at least one order.
CREATE TABLE {dw}.mart_executive_dashboard (
  purchase_date_key  integer       PRIMARY KEY,
  purchase_date      date          NOT NULL,
  orders             integer       NOT NULL,
  canceled_orders    integer       NOT NULL,
  kept_orders        integer       NOT NULL,
  gmv                numeric(14,2) NOT NULL,
  freight            numeric(14,2) NOT NULL,
  payments           numeric(14,2) NOT NULL,
  aov                numeric(14,2),
  new_customers      integer       NOT NULL,
  delivered_orders   integer       NOT NULL,
  late_orders        integer       NOT NULL,
  on_time_rate       numeric(5,4),
  delivery_seconds   numeric(20,6) NOT NULL,
  avg_delivery_days  numeric(10,4),
  review_count       integer       NOT NULL,
  review_score_sum   integer       NOT NULL,
  avg_review_score   numeric(6,4)
) WITH (fillfactor = 80);

-- GRAIN: one row per (seller, purchase month) with at least one order line.
CREATE TABLE {dw}.mart_seller_performance (
  seller_id          text          NOT NULL,
  month_key          integer       NOT NULL,          -- yyyymm
  seller_key         bigint        NOT NULL,
  orders             integer       NOT NULL,
  canceled_orders    integer       NOT NULL,
  lines              integer       NOT NULL,
  revenue            numeric(14,2) NOT NULL,
  freight            numeric(14,2) NOT NULL,
  review_count       integer       NOT NULL,
  review_score_sum   integer       NOT NULL,
  avg_review_score   numeric(6,4),
  delivered_orders   integer       NOT NULL,
  late_orders        integer       NOT NULL,
  late_delivery_rate numeric(5,4),
  handoff_orders     integer       NOT NULL,
  handoff_seconds    numeric(20,6) NOT NULL,
  avg_handoff_hours  numeric(12,4),
  handoff_lines      integer       NOT NULL,
  late_handoff_lines integer       NOT NULL,
  late_handoff_share numeric(5,4),
  PRIMARY KEY (seller_id, month_key)
) WITH (fillfactor = 80);
CREATE INDEX mart_seller_performance_month ON {dw}.mart_seller_performance (month_key);

-- GRAIN: one row per customer segment ('unsegmented' for persons without one).
CREATE TABLE {dw}.mart_customer_segments (
  segment            text          PRIMARY KEY,
  customers          integer       NOT NULL,
  orders             integer       NOT NULL,          -- kept orders
  revenue            numeric(14,2) NOT NULL,
  recency_customers  integer       NOT NULL,
  recency_days_sum   bigint        NOT NULL,
  avg_orders         numeric(12,4),
  avg_recency_days   numeric(12,4)
) WITH (fillfactor = 80);

-- GRAIN: one row per (seller state, customer state, purchase month) with at least one delivery.
CREATE TABLE {dw}.mart_delivery_performance (
  seller_state        text          NOT NULL,
  customer_state      text          NOT NULL,
  month_key           integer       NOT NULL,
  deliveries          integer       NOT NULL,
  delivery_seconds    numeric(20,6) NOT NULL,
  avg_delivery_days   numeric(10,4),
  late_deliveries     integer       NOT NULL,
  late_rate           numeric(5,4),
  distance_deliveries integer       NOT NULL,
  distance_km_sum     numeric(16,3) NOT NULL,
  avg_distance_km     numeric(10,4),
  PRIMARY KEY (seller_state, customer_state, month_key)
) WITH (fillfactor = 80);
CREATE INDEX mart_delivery_performance_month ON {dw}.mart_delivery_performance (month_key);
`;
