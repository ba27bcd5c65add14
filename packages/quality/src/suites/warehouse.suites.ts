/**
 * The warehouse's data-quality suites, declared as code against the star schema of
 * services/warehouse (infrastructure/sql/migrations/001-star-schema.ts). One suite per layer for the
 * operational (raw) and staging tables, one per dimension, fact and mart table.
 *
 * Conventions: every table's key (its grain) is tested not null and unique, cheap (run after each
 * batch); value rules are errors when the schema or the domain guarantees them and warnings when
 * they describe what Olist data usually looks like. Adjust the bounds here; move a suite beside its
 * table whenever the warehouse wants to own it.
 */
import { type Expectation } from '../domain/expectation/expectation';
import { expectations as e, type ExpectationOptions } from '../domain/expectation/expectation.builders';
import { DEAD_LETTERS_PARAM, REJECTED_ROWS_PARAM } from '../domain/run/quality-run';
import { defineSuite, type Suite } from '../domain/suite/suite';

export interface WarehouseSuiteOptions {
  /** The star schema (`dw`, or a `dw_rebuild_<ts>` being checked before the swap). */
  schema?: string;
  /** The warehouse's operational schema (freshness, consumer lag). */
  metaSchema?: string;
  /** Largest accepted age of the last applied batch, seconds (24 h by default). */
  appliedMaxAgeSeconds?: number;
  /**
   * Largest accepted age of the newest event time per topic, seconds. Off by default: a replay of
   * Olist's history carries 2016–2018 event times.
   */
  eventTimeMaxAgeSeconds?: number;
  /** Largest accepted consumer lag per partition (10,000 by default). */
  maxConsumerLag?: number;
  /** The run parameter carrying the number of orders published elsewhere (import summary, sales). */
  ordersParam?: string;
  /** The run parameter carrying the rows the import read, every file (the rejected share's denominator). */
  importedRowsParam?: string;
  /** Largest accepted share of the imported rows rejected (CSV reader or services), 0.01 by default. */
  maxRejectedShare?: number;
}

/**
 * The rejected share's weight: failing it alone takes a full run below the 0.95 gate (its effective
 * weight, 3 × 20, is over a tenth of the whole), so a fault-heavy import fails the gate; a clean one
 * rejects nothing and passes it.
 */
export const REJECTED_SHARE_WEIGHT = 20;

/** The nine files of an Olist import, by the kind names the importer uses (tools/cli olist-files.ts). */
export const INGESTED_FILE_KINDS = [
  'customers',
  'orders',
  'order_items',
  'order_payments',
  'order_reviews',
  'products',
  'sellers',
  'geolocation',
  'category_translation',
] as const;
export type IngestedFileKind = (typeof INGESTED_FILE_KINDS)[number];

/** The run parameter with the distinct rows of one file the import rejected (`rejected_rows_<kind>`). */
export function fileRejectedRowsParam(kind: IngestedFileKind): string {
  return `rejected_rows_${kind}`;
}

/** The run parameter with the rows of one file the import read (`rows_read_<kind>`). */
export function fileRowsReadParam(kind: IngestedFileKind): string {
  return `rows_read_${kind}`;
}

/** The raw suite's expectation that names one file whose rows were rejected. */
export function fileRejectedRowsExpectationId(kind: IngestedFileKind): string {
  return `ingestion.${kind}.rejected_rows:none`;
}

const ORDER_STATUSES = ['created', 'approved', 'invoiced', 'processing', 'shipped', 'delivered', 'canceled', 'unavailable'];
const PAYMENT_TYPES = ['credit_card', 'boleto', 'voucher', 'debit_card', 'not_defined'];
const BRAZILIAN_STATES = [
  'AC', 'AL', 'AM', 'AP', 'BA', 'CE', 'DF', 'ES', 'GO', 'MA', 'MG', 'MS', 'MT', 'PA', 'PB', 'PE', 'PI', 'PR', 'RJ', 'RN', 'RO', 'RR', 'RS', 'SC', 'SE', 'SP', 'TO',
]; // prettier-ignore
const ZIP_PREFIX = '^[0-9]{5}$';
const SEGMENT = '^[a-z]+(-[a-z]+)*$';
/** dim_date spans 2016-01-01 .. 2030-12-31. */
const DATE_KEYS = { minValue: 20160101, maxValue: 20301231 };
const MONTH_KEYS = { minValue: 201601, maxValue: 203012 };
const DIM_DATE_DAYS = 5479;

const cheap: ExpectationOptions = { cheap: true };
const warning: ExpectationOptions = { severity: 'warning' };

/**
 * A table's grain: every key column not null, the key unique. Cheap (run after each batch) only on
 * tables that stay small (thousands of rows): on the big ones a primary key already enforces it and
 * the checks, a full scan and a grouping each, are kept for the full runs.
 */
function key(table: string, columns: string[], small = false): Expectation[] {
  return e.key(table, columns, small ? cheap : {});
}

function rate(table: string, column: string): Expectation {
  return e.between(table, column, { minValue: 0, maxValue: 1 });
}

function averageScore(table: string, column: string): Expectation {
  return e.between(table, column, { minValue: 1, maxValue: 5 });
}

function nonNegative(table: string, columns: string[]): Expectation[] {
  return columns.map((column) => e.between(table, column, { minValue: 0 }));
}

function toDate(table: string, column = 'purchase_date_key', options: ExpectationOptions = {}): Expectation {
  return e.foreignKeys(table, [column], 'dim_date', ['date_key'], {}, { id: `${table}.${column}:fk_dim_date`, ...options });
}

export function warehouseSuites(options: WarehouseSuiteOptions = {}): Suite[] {
  const schema = options.schema ?? 'dw';
  const meta = options.metaSchema ?? 'dw_meta';
  const ordersParam = options.ordersParam ?? 'orders';
  const importedRows = options.importedRowsParam ?? 'imported_rows';
  const suite = (name: string, layer: Suite['layer'], description: string, expectations: Expectation[], inSchema = schema) =>
    defineSuite({ name, layer, schema: inSchema, description, expectations });

  return [
    // ================================================================================== raw
    suite('raw', 'raw', 'What arrives: the warehouse is being fed and its consumers keep up (dw_meta).', [
      ...key('freshness', ['topic'], true),
      e.newestRecent('freshness', 'last_applied_at', options.appliedMaxAgeSeconds ?? 86_400, undefined, {
        ...cheap,
        ...warning,
        id: 'freshness.last_applied_at:fresh',
        description: 'the newest applied batch is recent',
      }),
      ...(options.eventTimeMaxAgeSeconds === undefined
        ? []
        : [e.newestRecent('freshness', 'newest_event_time', options.eventTimeMaxAgeSeconds, ['topic'], { ...cheap, ...warning, description: 'every topic has a recent event' })]),
      e.between('freshness', 'events_applied', { minValue: 0 }, cheap),
      ...key('consumer_lag', ['consumer', 'topic', 'partition'], true),
      e.between('consumer_lag', 'lag', { minValue: 0, maxValue: options.maxConsumerLag ?? 10_000 }, { ...cheap, ...warning, description: 'consumers keep up' }),
      // What ingestion lost before the warehouse saw it: the run's inputs over the rows the import read
      // (skipped unless the run gives that count, as the main job's gate does).
      e.runParameterRatioBetween('quality.runs', REJECTED_ROWS_PARAM, importedRows, { maxValue: options.maxRejectedShare ?? 0.01 }, {
        ...cheap,
        id: 'ingestion.rejected_rows:share',
        weight: REJECTED_SHARE_WEIGHT,
        description: 'few imported CSV rows were rejected (run input rejectedRows over run parameter imported_rows)',
      }),
      e.runParameterRatioBetween('quality.runs', DEAD_LETTERS_PARAM, importedRows, { maxValue: 0 }, {
        ...cheap,
        id: 'ingestion.dead_letters:none',
        description: 'no event was dead-lettered (run inputs deadLetters)',
      }),
      // One per file, so that a report names the file that lost rows. Warnings of weight 1: the share
      // above keeps the gate's say; these add a few points at most.
      ...INGESTED_FILE_KINDS.map((kind) =>
        e.runParameterRatioBetween('quality.runs', fileRejectedRowsParam(kind), fileRowsReadParam(kind), { maxValue: 0 }, {
          ...cheap,
          ...warning,
          id: fileRejectedRowsExpectationId(kind),
          description: `no row of the ${kind} file was rejected (run parameters ${fileRejectedRowsParam(kind)} over ${fileRowsReadParam(kind)})`,
        }),
      ),
    ], meta),

    // ============================================================================== staging
    suite('staging', 'staging', 'Events as merged by the warehouse before facts and dimensions are derived.', [
      ...key('stg_order_placed', ['order_id']),
      e.matchRegex('stg_order_placed', 'order_id', '^[0-9a-f]{32}$', { ...warning, sampleColumns: ['order_id'] }),
      e.foreignKeys('stg_order_placed', ['customer_id'], 'customer_account', ['customer_id'], {}, { ...warning, description: 'the account of every order is known' }),
      ...key('stg_order_status', ['order_id']),
      e.foreignKeys('stg_order_status', ['order_id'], 'stg_order_placed', ['order_id'], {}, { ...warning, description: 'statuses of orders not placed (yet)' }),
      ...key('stg_payment', ['order_id', 'sequential']),
      e.inSet('stg_payment', 'payment_type', PAYMENT_TYPES, { sampleColumns: ['order_id', 'sequential'] }),
      e.between('stg_payment', 'installments', { minValue: 0, maxValue: 24 }, { sampleColumns: ['order_id', 'sequential'] }),
      e.between('stg_payment', 'value_cents', { minValue: 0 }, { sampleColumns: ['order_id', 'sequential'] }),
      ...key('stg_customer_change', ['event_id']),
      ...key('stg_review', ['review_id', 'order_id']),
      e.between('stg_review', 'score', { minValue: 1, maxValue: 5 }, { sampleColumns: ['review_id', 'order_id'] }),
      ...key('stg_shipment', ['order_id']),
      ...key('stg_product', ['product_id']),
      ...key('stg_seller', ['seller_id'], true),
      e.matchRegex('stg_seller', 'zip_prefix', ZIP_PREFIX, { sampleColumns: ['seller_id'] }),
      e.inSet('stg_seller', 'state', BRAZILIAN_STATES, { sampleColumns: ['seller_id'] }),
      ...key('customer_account', ['customer_id']),
      e.notNull('customer_account', 'customer_unique_id', { sampleColumns: ['customer_id'] }),
      e.matchRegex('customer_account', 'zip_prefix', ZIP_PREFIX, { sampleColumns: ['customer_id'] }),
      e.inSet('customer_account', 'state', BRAZILIAN_STATES, { sampleColumns: ['customer_id'] }),
    ]),

    // =========================================================================== dimensions
    suite('dim_date', 'dimension', 'One row per calendar day, 2016-01-01 to 2030-12-31.', [
      ...key('dim_date', ['date_key'], true),
      e.unique('dim_date', 'date', cheap),
      e.rowCountEqual('dim_date', DIM_DATE_DAYS, cheap),
      e.between('dim_date', 'date_key', DATE_KEYS),
      e.between('dim_date', 'month', { minValue: 1, maxValue: 12 }),
      e.between('dim_date', 'quarter', { minValue: 1, maxValue: 4 }),
      e.between('dim_date', 'day_of_week', { minValue: 1, maxValue: 7 }),
      e.between('dim_date', 'iso_week', { minValue: 1, maxValue: 53 }),
      e.inSet('dim_date', 'holiday_kind', ['national', 'optional']),
    ]),
    suite('dim_customer', 'dimension', 'Persons as a type-2 slowly changing dimension, plus inferred accounts.', [
      ...key('dim_customer', ['customer_key']),
      e.compoundUnique('dim_customer', ['customer_unique_id', 'version'], { description: 'one row per version of a person' }),
      e.unique('dim_customer', 'customer_unique_id', {
        id: 'dim_customer.customer_unique_id:one_current',
        rowCondition: [{ column: 'is_current', op: 'eq', value: true }],
        description: 'one current version per person',
      }),
      e.pairGreater('dim_customer', 'valid_to', 'valid_from', false, { sampleColumns: ['customer_key'], description: 'validity intervals are not empty' }),
      e.unique('dim_customer', 'inferred_account_id', { description: 'one inferred row per account' }),
      e.matchRegex('dim_customer', 'zip_prefix', ZIP_PREFIX, { sampleColumns: ['customer_key'] }),
      e.inSet('dim_customer', 'state', BRAZILIAN_STATES, { sampleColumns: ['customer_key'] }),
      e.matchRegex('dim_customer', 'segment', SEGMENT, { ...warning, sampleColumns: ['customer_key'] }),
      ...['recency_score', 'frequency_score', 'monetary_score'].map((c) => e.between('dim_customer', c, { minValue: 1, maxValue: 5 }, { sampleColumns: ['customer_key'] })),
      e.valueProportionBetween('dim_customer', 'is_inferred', true, { maxValue: 0.05 }, { ...warning, description: 'few orders name an account the customer service has not described' }),
    ]),
    suite('dim_product', 'dimension', 'One row per product, inferred while only an order line names it.', [
      ...key('dim_product', ['product_key']),
      e.unique('dim_product', 'product_id'),
      e.notNull('dim_product', 'product_id'),
      e.notNull('dim_product', 'category_name_en', { ...warning, mostly: 0.95, rowCondition: [{ column: 'is_inferred', op: 'eq', value: false }], sampleColumns: ['product_id', 'category_name'] }),
      e.between('dim_product', 'weight_g', { minValue: 0, maxValue: 100_000 }, { ...warning, sampleColumns: ['product_id'] }),
      e.between('dim_product', 'photos_qty', { minValue: 0, maxValue: 30 }, { ...warning, sampleColumns: ['product_id'] }),
      ...['length_cm', 'height_cm', 'width_cm'].map((c) => e.between('dim_product', c, { minValue: 0, maxValue: 300 }, { ...warning, sampleColumns: ['product_id'] })),
      e.valueProportionBetween('dim_product', 'is_inferred', true, { maxValue: 0.05 }, warning),
    ]),
    suite('dim_seller', 'dimension', 'One row per seller, inferred while only an order line names it.', [
      ...key('dim_seller', ['seller_key'], true),
      e.unique('dim_seller', 'seller_id', cheap),
      e.notNull('dim_seller', 'seller_id'),
      e.matchRegex('dim_seller', 'zip_prefix', ZIP_PREFIX, { sampleColumns: ['seller_id'] }),
      e.inSet('dim_seller', 'state', BRAZILIAN_STATES, { sampleColumns: ['seller_id'] }),
      e.lengthsBetween('dim_seller', 'normalized_city', { minValue: 2, maxValue: 60 }, { ...warning, sampleColumns: ['seller_id', 'city'] }),
      e.valueProportionBetween('dim_seller', 'is_inferred', true, { maxValue: 0.05 }, warning),
    ]),
    suite('dim_geolocation', 'dimension', 'One row per zip prefix: median point, most frequent city and state.', [
      ...key('dim_geolocation', ['zip_prefix'], true),
      e.rowCountBetween('dim_geolocation', { maxValue: 100_000 }, { ...cheap, description: 'at most one row per five-digit prefix' }),
      e.matchRegex('dim_geolocation', 'zip_prefix', ZIP_PREFIX),
      // Brazil's bounding box, as the loader's filter.
      e.between('dim_geolocation', 'latitude', { minValue: -34, maxValue: 6 }, { sampleColumns: ['zip_prefix'] }),
      e.between('dim_geolocation', 'longitude', { minValue: -74, maxValue: -34 }, { sampleColumns: ['zip_prefix'] }),
      e.inSet('dim_geolocation', 'state', BRAZILIAN_STATES, { sampleColumns: ['zip_prefix'] }),
      e.between('dim_geolocation', 'samples', { minValue: 1 }, { sampleColumns: ['zip_prefix'] }),
    ]),

    // ================================================================================ facts
    suite('fact_orders', 'fact', 'One row per order placed.', [
      ...key('fact_orders', ['order_id']),
      e.rowCountEqualOtherTable('fact_orders', 'stg_order_placed', {}, { ...cheap, description: 'every placed order became a fact' }),
      e.rowCountEqual('fact_orders', { param: ordersParam }, { description: `as many orders as published (run parameter "${ordersParam}")` }),
      e.foreignKeys('fact_orders', ['customer_key'], 'dim_customer', ['customer_key'], { inferredColumn: 'is_inferred' }, { id: 'fact_orders.customer_key:fk_dim_customer' }),
      toDate('fact_orders'),
      e.inSet('fact_orders', 'status', ORDER_STATUSES, { sampleColumns: ['order_id'] }),
      ...nonNegative('fact_orders', ['gmv', 'freight', 'payments_total', 'items_count', 'payments_count']).map((x) => ({ ...x, sampleColumns: ['order_id'] })),
      e.between('fact_orders', 'purchase_month', MONTH_KEYS, { sampleColumns: ['order_id'] }),
      e.pairGreater('fact_orders', 'delivered_at', 'purchased_at', true, { ...warning, mostly: 0.999, sampleColumns: ['order_id'] }),
      e.sumsMatch('fact_payments', ['order_id'], ['value'], { table: 'fact_order_items', keyColumns: ['order_id'], sumColumns: ['price', 'freight'] }, '0.01', {
        id: 'fact_orders.payments_match_lines',
        ...warning,
        mostly: 0.99,
        description: "an order's payments equal its lines plus freight (within 0.01)",
      }),
      e.valueProportionBetween('fact_orders', 'is_late', true, { maxValue: 0.15 }, {
        ...warning,
        rowCondition: [{ column: 'is_delivered', op: 'eq', value: true }],
        description: 'share of delivered orders delivered late',
      }),
    ]),
    suite('fact_order_items', 'fact', 'One row per order line.', [
      ...key('fact_order_items', ['order_id', 'line_number']),
      e.foreignKeys('fact_order_items', ['product_key'], 'dim_product', ['product_key'], { inferredColumn: 'is_inferred' }, { id: 'fact_order_items.product_key:fk_dim_product', sampleColumns: ['order_id', 'line_number', 'product_id'] }),
      e.foreignKeys('fact_order_items', ['seller_key'], 'dim_seller', ['seller_key'], { inferredColumn: 'is_inferred' }, { id: 'fact_order_items.seller_key:fk_dim_seller', sampleColumns: ['order_id', 'line_number', 'seller_id'] }),
      e.foreignKeys('fact_order_items', ['order_id'], 'fact_orders', ['order_id'], {}, { id: 'fact_order_items.order_id:fk_fact_orders', sampleColumns: ['order_id', 'line_number'] }),
      toDate('fact_order_items'),
      e.between('fact_order_items', 'price', { minValue: 0, strictMin: true }, { sampleColumns: ['order_id', 'line_number'] }),
      e.between('fact_order_items', 'freight', { minValue: 0 }, { sampleColumns: ['order_id', 'line_number'] }),
      e.between('fact_order_items', 'line_number', { minValue: 1 }, { sampleColumns: ['order_id'] }),
    ]),
    suite('fact_payments', 'fact', 'One row per payment.', [
      ...key('fact_payments', ['order_id', 'sequential']),
      e.rowCountEqualOtherTable('fact_payments', 'stg_payment', {}, cheap),
      e.inSet('fact_payments', 'payment_type', PAYMENT_TYPES, { sampleColumns: ['order_id', 'sequential'] }),
      e.between('fact_payments', 'installments', { minValue: 0, maxValue: 24 }, { sampleColumns: ['order_id', 'sequential'] }),
      e.between('fact_payments', 'value', { minValue: 0 }, { sampleColumns: ['order_id', 'sequential'] }),
      e.foreignKeys('fact_payments', ['order_id'], 'fact_orders', ['order_id'], {}, { ...warning, id: 'fact_payments.order_id:fk_fact_orders', sampleColumns: ['order_id', 'sequential'], description: 'payments of unknown orders (arrive before the order)' }),
      toDate('fact_payments'),
    ]),
    suite('fact_deliveries', 'fact', 'One row per shipment (= per order).', [
      ...key('fact_deliveries', ['order_id']),
      e.rowCountEqualOtherTable('fact_deliveries', 'stg_shipment', {}, cheap),
      e.foreignKeys('fact_deliveries', ['customer_key'], 'dim_customer', ['customer_key'], { inferredColumn: 'is_inferred' }, { id: 'fact_deliveries.customer_key:fk_dim_customer' }),
      e.foreignKeys('fact_deliveries', ['seller_key'], 'dim_seller', ['seller_key'], { inferredColumn: 'is_inferred' }, { id: 'fact_deliveries.seller_key:fk_dim_seller' }),
      toDate('fact_deliveries'),
      e.between('fact_deliveries', 'distance_km', { minValue: 0, maxValue: 5_000 }, { sampleColumns: ['order_id'] }),
      e.between('fact_deliveries', 'days_late', { minValue: -90, maxValue: 200 }, { ...warning, sampleColumns: ['order_id'] }),
      e.between('fact_deliveries', 'seller_count', { minValue: 0 }, { sampleColumns: ['order_id'] }),
      e.valueProportionBetween('fact_deliveries', 'is_on_time', false, { maxValue: 0.15 }, { ...warning, id: 'fact_deliveries.is_on_time:late_share', description: 'share of deliveries that arrived late' }),
    ]),
    suite('fact_reviews', 'fact', 'One row per review (review_id, order_id).', [
      ...key('fact_reviews', ['review_id', 'order_id']),
      e.rowCountEqualOtherTable('fact_reviews', 'stg_review', {}, cheap),
      e.between('fact_reviews', 'score', { minValue: 1, maxValue: 5 }, { sampleColumns: ['review_id', 'order_id'] }),
      e.meanBetween('fact_reviews', 'score', { minValue: 3.5, maxValue: 4.8 }, { ...warning, description: 'mean review score' }),
      e.foreignKeys('fact_reviews', ['order_id'], 'fact_orders', ['order_id'], {}, { ...warning, id: 'fact_reviews.order_id:fk_fact_orders', sampleColumns: ['review_id', 'order_id'] }),
      e.pairGreater('fact_reviews', 'answered_at', 'created_at', true, { ...warning, sampleColumns: ['review_id', 'order_id'] }),
      toDate('fact_reviews'),
    ]),

    // ================================================================================ marts
    suite('customer_summary', 'mart', 'One row per buyer: first purchase and order totals.', [
      ...key('customer_summary', ['buyer_key']),
      e.pairGreater('customer_summary', 'orders', 'kept_orders', true, { sampleColumns: ['buyer_key'] }),
      e.between('customer_summary', 'revenue', { minValue: 0 }, { sampleColumns: ['buyer_key'] }),
      toDate('customer_summary', 'first_purchase_date_key'),
    ]),
    suite('mart_executive_dashboard', 'mart', 'One row per purchase date with at least one order.', [
      ...key('mart_executive_dashboard', ['purchase_date_key'], true),
      toDate('mart_executive_dashboard'),
      e.pairGreater('mart_executive_dashboard', 'orders', 'kept_orders', true, { sampleColumns: ['purchase_date_key'] }),
      e.pairGreater('mart_executive_dashboard', 'delivered_orders', 'late_orders', true, { sampleColumns: ['purchase_date_key'] }),
      ...nonNegative('mart_executive_dashboard', ['orders', 'gmv', 'freight', 'payments', 'new_customers']).map((x) => ({ ...x, sampleColumns: ['purchase_date_key'] })),
      rate('mart_executive_dashboard', 'on_time_rate'),
      averageScore('mart_executive_dashboard', 'avg_review_score'),
    ]),
    suite('mart_seller_performance', 'mart', 'One row per (seller, purchase month).', [
      ...key('mart_seller_performance', ['seller_id', 'month_key'], true),
      e.between('mart_seller_performance', 'month_key', MONTH_KEYS),
      e.foreignKeys('mart_seller_performance', ['seller_key'], 'dim_seller', ['seller_key'], { inferredColumn: 'is_inferred' }, { id: 'mart_seller_performance.seller_key:fk_dim_seller' }),
      rate('mart_seller_performance', 'late_delivery_rate'),
      rate('mart_seller_performance', 'late_handoff_share'),
      averageScore('mart_seller_performance', 'avg_review_score'),
      e.pairGreater('mart_seller_performance', 'orders', 'canceled_orders', true, { sampleColumns: ['seller_id', 'month_key'] }),
    ]),
    suite('mart_customer_segments', 'mart', 'One row per customer segment.', [
      ...key('mart_customer_segments', ['segment'], true),
      e.rowCountBetween('mart_customer_segments', { maxValue: 30 }, { ...warning, description: 'a handful of RFM segments' }),
      e.matchRegex('mart_customer_segments', 'segment', SEGMENT, warning),
      ...nonNegative('mart_customer_segments', ['customers', 'orders', 'revenue']).map((x) => ({ ...x, sampleColumns: ['segment'] })),
    ]),
    suite('mart_delivery_performance', 'mart', 'One row per (seller state, customer state, purchase month).', [
      ...key('mart_delivery_performance', ['seller_state', 'customer_state', 'month_key'], true),
      e.inSet('mart_delivery_performance', 'seller_state', BRAZILIAN_STATES),
      e.inSet('mart_delivery_performance', 'customer_state', BRAZILIAN_STATES),
      e.between('mart_delivery_performance', 'month_key', MONTH_KEYS),
      rate('mart_delivery_performance', 'late_rate'),
      e.pairGreater('mart_delivery_performance', 'deliveries', 'late_deliveries', true, { sampleColumns: ['seller_state', 'customer_state', 'month_key'] }),
    ]),
  ];
}
