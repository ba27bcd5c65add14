// The oracle's load SQL: text staging tables that COPY fills (one per Olist file, one text column per CSV
// column, plus the physical line the record starts on), then typed tables made from them by plain casts.
// `{s}` stands for the quoted scratch schema. Rows reach staging only after the platform reader's row
// validation (oracle-row-reader.ts), so every cast below succeeds; cross-row rules (duplicate keys) are
// applied here, in SQL, and their rejects join the row-level ones in oracle_rejects.
import {
  OLIST_FILES,
  OLIST_FILE_KINDS,
  OLIST_NATURAL_KEYS,
  repeatedKeyReasonPrefix,
  type OlistFileKind,
} from '../olist';

export const REJECTS_TABLE = 'oracle_rejects';

export function stagingTable(kind: OlistFileKind): string {
  return `raw_${kind}`;
}

/**
 * Staging and rejects tables: everything text, as published. Byte-order collation ("C") for ids, codes and
 * times: sorting, grouping and joining are several times faster than under a linguistic collation, and the
 * typed tables made from staging inherit it.
 */
export function stagingDdl(): string {
  const tables = OLIST_FILE_KINDS.map(
    (kind) =>
      `CREATE TABLE {s}.${stagingTable(kind)} (line integer NOT NULL, ${OLIST_FILES[kind].columns
        .map((column) => `${column} text COLLATE "C" NOT NULL`)
        .join(', ')});`,
  );
  return `
CREATE TABLE {s}.${REJECTS_TABLE} (
  file        text    NOT NULL,   -- the file name as found in the directory
  line        integer NOT NULL,   -- physical line the record starts on (the header is line 1)
  column_name text,               -- null when the record as a whole is bad (shape, quoting)
  value       text    NOT NULL,   -- the offending value, or the record's first line; cut at 300 characters
  reason      text    NOT NULL
);
${tables.join('\n')}
`;
}

/**
 * Olist's local times are America/Sao_Paulo wall-clock times without an offset. This turns one into the
 * instant it names the way the sales service does (olistLocalToInstant, "compatible" disambiguation): a wall
 * time repeated when summer time ends is the EARLIER instant; a wall time skipped when it starts is read with
 * the offset in force before the gap. PostgreSQL's own `AT TIME ZONE` reads the gap alike but picks the later
 * instant for a repeated time, hence the one-hour look-back (Brazil's shifts were one hour, and clocks went
 * back at midnight, so only 23:xx can repeat: other times skip the look-back). Not STRICT, so that the planner
 * inlines it (a null gives null all the same).
 */
const SAO_PAULO_INSTANT = `
CREATE FUNCTION {s}.sp_instant(wall timestamp) RETURNS timestamptz
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN CASE
    WHEN wall::time >= '23:00' AND ((wall AT TIME ZONE 'America/Sao_Paulo') - interval '1 hour') AT TIME ZONE 'America/Sao_Paulo' = wall
      THEN (wall AT TIME ZONE 'America/Sao_Paulo') - interval '1 hour'
    ELSE wall AT TIME ZONE 'America/Sao_Paulo'
  END;
`;

interface KeyRule {
  kind: OlistFileKind;
  /** The natural key; a later row with the key of an earlier one is rejected. */
  key: readonly string[];
}

/**
 * Duplicate natural keys: the first row (lowest line) is kept, later ones are rejected with the line of the
 * first, as the importer does (OLIST_NATURAL_KEYS, shared with it). The real files have none; the rule makes a
 * re-exported or concatenated file harmless. Geolocation has no key (many samples per zip prefix, duplicates
 * included, all kept).
 */
const KEYS: readonly KeyRule[] = OLIST_FILE_KINDS.flatMap((kind) => {
  const key = OLIST_NATURAL_KEYS[kind];
  return key === null ? [] : [{ kind, key }];
});

function duplicateRejects(rule: KeyRule, fileName: string): string {
  const key = rule.key.join(', ');
  const value = rule.key.join(` || ',' || `);
  return `
INSERT INTO {s}.${REJECTS_TABLE} (file, line, column_name, value, reason)
SELECT ${literal(fileName)}, line, ${literal(rule.key.join(','))}, ${value},
       ${literal(repeatedKeyReasonPrefix(rule.key))} || first_line
FROM (SELECT *, min(line) OVER (PARTITION BY ${key}) AS first_line FROM {s}.${stagingTable(rule.kind)}) AS d
WHERE line > first_line;`;
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

const ts = (column: string) => `${column}::timestamp`;
const optionalTs = (column: string) => `NULLIF(${column}, '')::timestamp`;
const optionalInt = (column: string) => `NULLIF(${column}, '')::integer`;

/**
 * The typed tables, one per file, deduplicated on their natural key (DISTINCT ON … ORDER BY key, line keeps the
 * first). Grain: one row per natural key (geolocation: one row per sample).
 */
export function typedSql(fileNames: Readonly<Record<OlistFileKind, string>>): string {
  return `
BEGIN;
-- Sorts and hashes of ~100k-row tables stay in memory.
SET LOCAL work_mem = '256MB';
${SAO_PAULO_INSTANT}
${KEYS.map((rule) => duplicateRejects(rule, fileNames[rule.kind])).join('\n')}

-- GRAIN: one row per account (customer_id); customer_unique_id is the person.
CREATE TABLE {s}.customers AS
SELECT DISTINCT ON (customer_id)
  customer_id, customer_unique_id, customer_zip_code_prefix AS zip_prefix, customer_city AS city,
  customer_state AS state, line
FROM {s}.raw_customers ORDER BY customer_id, line;
ALTER TABLE {s}.customers ADD PRIMARY KEY (customer_id);

-- GRAIN: one row per order. Local times as written (timestamp), the instants they name (timestamptz), and
-- the local calendar dates as written (the date part of the text, which is also the São Paulo date of the
-- instant: sp_instant never moves a time across midnight, since the gap starts at midnight and is read
-- forward, and the repeated hour ends at midnight).
CREATE TABLE {s}.orders AS
SELECT DISTINCT ON (order_id)
  order_id, customer_id, order_status AS status,
  ${ts('order_purchase_timestamp')} AS purchase_local,
  ${optionalTs('order_approved_at')} AS approved_local,
  ${optionalTs('order_delivered_carrier_date')} AS carrier_local,
  ${optionalTs('order_delivered_customer_date')} AS delivered_local,
  ${ts('order_estimated_delivery_date')} AS estimated_local,
  {s}.sp_instant(${ts('order_purchase_timestamp')}) AS purchase_at,
  {s}.sp_instant(${optionalTs('order_approved_at')}) AS approved_at,
  {s}.sp_instant(${optionalTs('order_delivered_carrier_date')}) AS carrier_at,
  {s}.sp_instant(${optionalTs('order_delivered_customer_date')}) AS delivered_at,
  left(order_purchase_timestamp, 10)::date AS purchase_date,
  left(NULLIF(order_delivered_customer_date, ''), 10)::date AS delivered_date,
  left(order_estimated_delivery_date, 10)::date AS estimated_date,
  line
FROM {s}.raw_orders ORDER BY order_id, line;
ALTER TABLE {s}.orders ADD PRIMARY KEY (order_id);

-- GRAIN: one row per order line (order_id, order_item_id).
CREATE TABLE {s}.order_items AS
SELECT DISTINCT ON (order_id, order_item_id::integer)
  order_id, order_item_id::integer AS order_item_id, product_id, seller_id,
  ${ts('shipping_limit_date')} AS shipping_limit_local,
  {s}.sp_instant(${ts('shipping_limit_date')}) AS shipping_limit_at,
  price::numeric(12,2) AS price, freight_value::numeric(12,2) AS freight, line
FROM {s}.raw_order_items ORDER BY order_id, order_item_id::integer, line;
ALTER TABLE {s}.order_items ADD PRIMARY KEY (order_id, order_item_id);

-- GRAIN: one row per payment (order_id, payment_sequential).
CREATE TABLE {s}.order_payments AS
SELECT DISTINCT ON (order_id, payment_sequential::integer)
  order_id, payment_sequential::integer AS sequential, payment_type, payment_installments::integer AS installments,
  payment_value::numeric(12,2) AS value, line
FROM {s}.raw_order_payments ORDER BY order_id, payment_sequential::integer, line;
ALTER TABLE {s}.order_payments ADD PRIMARY KEY (order_id, sequential);

-- GRAIN: one row per review (review_id, order_id): a review_id may name several orders.
CREATE TABLE {s}.order_reviews AS
SELECT DISTINCT ON (review_id, order_id)
  review_id, order_id, review_score::smallint AS score, NULLIF(review_comment_title, '') AS title,
  NULLIF(review_comment_message, '') AS message, ${ts('review_creation_date')} AS created_local,
  ${ts('review_answer_timestamp')} AS answered_local, line
FROM {s}.raw_order_reviews ORDER BY review_id, order_id, line;
ALTER TABLE {s}.order_reviews ADD PRIMARY KEY (review_id, order_id);

-- GRAIN: one row per product.
CREATE TABLE {s}.products AS
SELECT DISTINCT ON (product_id)
  product_id, NULLIF(product_category_name, '') AS category_name,
  ${optionalInt('product_name_lenght')} AS name_length, ${optionalInt('product_description_lenght')} AS description_length,
  ${optionalInt('product_photos_qty')} AS photos_qty, ${optionalInt('product_weight_g')} AS weight_g,
  ${optionalInt('product_length_cm')} AS length_cm, ${optionalInt('product_height_cm')} AS height_cm,
  ${optionalInt('product_width_cm')} AS width_cm, line
FROM {s}.raw_products ORDER BY product_id, line;
ALTER TABLE {s}.products ADD PRIMARY KEY (product_id);

-- GRAIN: one row per seller.
CREATE TABLE {s}.sellers AS
SELECT DISTINCT ON (seller_id)
  seller_id, seller_zip_code_prefix AS zip_prefix, seller_city AS city, seller_state AS state, line
FROM {s}.raw_sellers ORDER BY seller_id, line;
ALTER TABLE {s}.sellers ADD PRIMARY KEY (seller_id);

-- GRAIN: one row per sample address (no key: a zip prefix has many, duplicates included).
CREATE TABLE {s}.geolocation AS
SELECT geolocation_zip_code_prefix AS zip_prefix, geolocation_lat::numeric AS lat, geolocation_lng::numeric AS lng,
  geolocation_city AS city, geolocation_state AS state, line
FROM {s}.raw_geolocation;

-- GRAIN: one row per Portuguese category name.
CREATE TABLE {s}.category_translation AS
SELECT DISTINCT ON (product_category_name)
  product_category_name AS category_name, product_category_name_english AS category_name_en, line
FROM {s}.raw_category_translation ORDER BY product_category_name, line;
ALTER TABLE {s}.category_translation ADD PRIMARY KEY (category_name);

CREATE INDEX ON {s}.orders (customer_id);
CREATE INDEX ON {s}.order_reviews (order_id);
CREATE INDEX ON {s}.customers (customer_unique_id);
ANALYZE {s}.customers, {s}.orders, {s}.order_items, {s}.order_payments, {s}.order_reviews, {s}.sellers,
  {s}.geolocation;
COMMIT;
`;
}
