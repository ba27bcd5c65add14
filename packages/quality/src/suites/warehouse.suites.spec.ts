import { type Expectation } from '../domain/expectation/expectation';
import { expectationsFor } from '../domain/suite/suite';
import { erroredResult, evaluateMeasurement } from '../domain/result/expectation-result';
import { DEAD_LETTERS_PARAM, REJECTED_ROWS_PARAM } from '../domain/run/quality-run';
import { scoreResults } from '../domain/score/score';
import { INGESTED_FILE_KINDS, REJECTED_SHARE_WEIGHT, fileRejectedRowsExpectationId, warehouseSuites } from './warehouse.suites';

/** The warehouse's tables and their grains (services/warehouse infrastructure/sql/table-keys.ts). */
const GRAINS: Record<string, string[]> = {
  dim_date: ['date_key'],
  dim_customer: ['customer_key'],
  customer_account: ['customer_id'],
  dim_product: ['product_key'],
  dim_seller: ['seller_key'],
  dim_geolocation: ['zip_prefix'],
  stg_order_placed: ['order_id'],
  stg_order_status: ['order_id'],
  stg_payment: ['order_id', 'sequential'],
  stg_customer_change: ['event_id'],
  stg_review: ['review_id', 'order_id'],
  stg_shipment: ['order_id'],
  stg_product: ['product_id'],
  stg_seller: ['seller_id'],
  fact_orders: ['order_id'],
  fact_order_items: ['order_id', 'line_number'],
  fact_payments: ['order_id', 'sequential'],
  fact_deliveries: ['order_id'],
  fact_reviews: ['review_id', 'order_id'],
  customer_summary: ['buyer_key'],
  mart_executive_dashboard: ['purchase_date_key'],
  mart_seller_performance: ['seller_id', 'month_key'],
  mart_customer_segments: ['segment'],
  mart_delivery_performance: ['seller_state', 'customer_state', 'month_key'],
};

describe('warehouseSuites', () => {
  const suites = warehouseSuites();
  const all = suites.flatMap((s) => s.expectations.map((x) => ({ suite: s.name, ...x }) as Expectation & { suite: string }));

  it('declares a suite for raw, staging, every dimension, fact and mart', () => {
    expect(suites.map((s) => `${s.layer}:${s.name}`)).toEqual([
      'raw:raw',
      'staging:staging',
      'dimension:dim_date',
      'dimension:dim_customer',
      'dimension:dim_product',
      'dimension:dim_seller',
      'dimension:dim_geolocation',
      'fact:fact_orders',
      'fact:fact_order_items',
      'fact:fact_payments',
      'fact:fact_deliveries',
      'fact:fact_reviews',
      'mart:customer_summary',
      'mart:mart_executive_dashboard',
      'mart:mart_seller_performance',
      'mart:mart_customer_segments',
      'mart:mart_delivery_performance',
    ]);
    expect(suites.every((s) => s.description)).toBe(true);
  });

  it.each(Object.entries(GRAINS))('tests the key of %s for not-null and uniqueness', (table, key) => {
    const on = all.filter((x) => x.table === `dw.${table}`);
    for (const column of key) expect(on).toContainEqual(expect.objectContaining({ kind: 'expect_column_values_to_not_be_null', columns: [column] }));
    const kind = key.length === 1 ? 'expect_column_values_to_be_unique' : 'expect_compound_columns_to_be_unique';
    const keyChecks = on.filter((x) => x.kind === kind && x.rowCondition === undefined && x.columns.join() === key.join());
    expect(keyChecks).toHaveLength(1);
  });

  it('covers the operational tables in dw_meta', () => {
    const raw = suites.find((s) => s.name === 'raw')!;
    expect(new Set(raw.expectations.map((x) => x.table))).toEqual(new Set(['dw_meta.freshness', 'dw_meta.consumer_lag', 'quality.runs']));
    expect(raw.expectations.find((x) => x.kind === 'expect_column_newest_value_to_be_recent')).toMatchObject({ columns: ['last_applied_at'], parameters: { maxAgeSeconds: 86_400 } });
  });

  it('marks a cheap subset in every layer for after each batch: small tables, counts and freshness', () => {
    for (const layer of ['raw', 'staging', 'dimension', 'fact', 'mart']) {
      expect(suites.filter((s) => s.layer === layer).flatMap((s) => expectationsFor(s, 'batch')).length).toBeGreaterThan(0);
    }
    const cheap = suites.flatMap((s) => expectationsFor(s, 'batch'));
    expect(cheap.length).toBeLessThan(all.length / 3);
    const big = ['fact_orders', 'fact_order_items', 'fact_payments', 'fact_deliveries', 'fact_reviews', 'dim_customer', 'customer_summary', 'stg_order_placed'];
    const scans = cheap.filter((x) => big.some((table) => x.table === `dw.${table}`) && x.kind !== 'expect_table_row_count_to_equal_other_table');
    expect(scans).toEqual([]);
  });

  it('uses every expectation kind, with the foreign keys to dimensions counting inferred members', () => {
    expect(new Set(all.map((x) => x.kind)).size).toBe(17);
    const toDimensions = all.filter((x) => x.kind === 'expect_foreign_keys_to_exist' && /dim_(customer|product|seller)$/.test(x.parameters.referenceTable));
    expect(toDimensions.length).toBeGreaterThanOrEqual(5);
    for (const fk of toDimensions) expect(fk.parameters).toMatchObject({ inferredColumn: 'is_inferred' });
    expect(all.find((x) => x.id === 'fact_orders.payments_match_lines')).toMatchObject({ severity: 'warning', parameters: { tolerance: '0.01' } });
    expect(all.find((x) => x.kind === 'expect_table_row_count_to_equal' && 'param' in x.parameters)).toMatchObject({ parameters: { param: 'orders' } });
  });

  it('follows the options: schemas, limits, the orders parameter, event-time freshness per topic', () => {
    const custom = warehouseSuites({ schema: 'dw_rebuild_1', metaSchema: 'ops', appliedMaxAgeSeconds: 60, eventTimeMaxAgeSeconds: 600, maxConsumerLag: 5, ordersParam: 'sales_orders' });
    const expectations = custom.flatMap((s) => s.expectations);
    expect(expectations.filter((x) => x.table.startsWith('dw.'))).toEqual([]);
    const references = expectations.flatMap((x) => ('referenceTable' in x.parameters ? [x.parameters.referenceTable] : 'otherTable' in x.parameters ? [x.parameters.otherTable] : []));
    expect(references.length).toBeGreaterThan(10);
    expect(references.every((table) => table.startsWith('dw_rebuild_1.'))).toBe(true);
    const raw = custom[0]!.expectations;
    expect(raw.filter((x) => x.table !== 'quality.runs').every((x) => x.table.startsWith('ops.'))).toBe(true);
    expect(raw.filter((x) => x.kind === 'expect_column_newest_value_to_be_recent').map((x) => x.parameters)).toEqual([{ maxAgeSeconds: 60 }, { maxAgeSeconds: 600, groupBy: ['topic'] }]);
    expect(raw.find((x) => x.id === 'consumer_lag.lag:between')!.parameters).toEqual({ minValue: 0, maxValue: 5 });
    expect(expectations.find((x) => x.kind === 'expect_table_row_count_to_equal' && 'param' in x.parameters)!.parameters).toEqual({ param: 'sales_orders' });
  });

  it('counts rejected rows and dead letters against the rows the import read, skipped without that count', () => {
    const raw = suites.find((s) => s.name === 'raw')!;
    expect(raw.expectations.find((x) => x.id === 'ingestion.rejected_rows:share')).toMatchObject({
      kind: 'expect_run_parameter_ratio_to_be_between',
      parameters: { numerator: REJECTED_ROWS_PARAM, denominator: 'imported_rows', maxValue: 0.01 },
      severity: 'error',
      weight: REJECTED_SHARE_WEIGHT,
      cheap: true,
    });
    expect(raw.expectations.find((x) => x.id === 'ingestion.dead_letters:none')).toMatchObject({ parameters: { numerator: DEAD_LETTERS_PARAM, denominator: 'imported_rows', maxValue: 0 }, weight: 1 });
    const custom = warehouseSuites({ importedRowsParam: 'rows_read', maxRejectedShare: 0.05 })[0]!.expectations;
    expect(custom.find((x) => x.id === 'ingestion.rejected_rows:share')!.parameters).toEqual({ numerator: REJECTED_ROWS_PARAM, denominator: 'rows_read', maxValue: 0.05 });
  });

  it('names the file that lost rows: one warning per file, rejected rows of that file over its rows read, none accepted', () => {
    const raw = suites.find((s) => s.name === 'raw')!;
    const perFile = raw.expectations.filter((x) => /^ingestion\.[a-z_]+\.rejected_rows:none$/.test(x.id));
    expect(perFile.map((x) => x.id)).toEqual(INGESTED_FILE_KINDS.map(fileRejectedRowsExpectationId));
    expect(perFile.find((x) => x.id === 'ingestion.order_items.rejected_rows:none')).toMatchObject({
      kind: 'expect_run_parameter_ratio_to_be_between',
      parameters: { numerator: 'rejected_rows_order_items', denominator: 'rows_read_order_items', maxValue: 0 },
      severity: 'warning',
      weight: 1,
      cheap: true,
    });
    const judge = (params: Record<string, number>) => evaluateMeasurement(perFile[0]!, { elementCount: null, unexpectedCount: null, metrics: {}, sample: [] }, params).passed;
    expect(judge({ rejected_rows_customers: 0, rows_read_customers: 120 })).toBe(true);
    expect(judge({ rejected_rows_customers: 0, rows_read_customers: 0 })).toBe(true);
    expect(judge({ rejected_rows_customers: 1, rows_read_customers: 120 })).toBe(false);
  });

  it('fails the 0.95 gate on a full run whose only failure is the rejected share, and passes it when only dead letters fail', () => {
    const fullRun = (failing: string) =>
      scoreResults(
        suites.map((s) => ({
          suite: s.name,
          results: s.expectations.map((x) => ({ ...erroredResult(x, ''), status: x.id === failing ? ('failed' as const) : ('passed' as const), passed: x.id !== failing })),
        })),
      );
    // Every declared expectation evaluated, one of them failed: only the weights are in question.
    expect(fullRun('none').value).toBe(1);
    expect(fullRun('ingestion.rejected_rows:share').value).toBeLessThan(0.95);
    expect(fullRun('ingestion.dead_letters:none').value).toBeGreaterThanOrEqual(0.95);
  });
});
