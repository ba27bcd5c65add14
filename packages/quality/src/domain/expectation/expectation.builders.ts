import {
  type BetweenParameters,
  type Expectation,
  type ExpectationKind,
  type ExpectationParameterMap,
  type RowCondition,
  type SetMember,
} from './expectation';

/** What every builder accepts besides the kind's own parameters. */
export interface ExpectationOptions {
  id?: string;
  severity?: 'error' | 'warning';
  weight?: number;
  cheap?: boolean;
  rowCondition?: RowCondition[];
  mostly?: number;
  sampleColumns?: string[];
  description?: string;
}

const SUFFIX: Record<ExpectationKind, string> = {
  expect_column_values_to_not_be_null: 'not_null',
  expect_column_values_to_be_unique: 'unique',
  expect_compound_columns_to_be_unique: 'unique',
  expect_column_values_to_be_between: 'between',
  expect_column_values_to_be_in_set: 'in_set',
  expect_column_values_to_match_regex: 'regex',
  expect_column_value_lengths_to_be_between: 'length',
  expect_column_pair_values_a_to_be_greater_than_b: 'greater',
  expect_table_row_count_to_be_between: 'row_count',
  expect_table_row_count_to_equal: 'row_count_equal',
  expect_table_row_count_to_equal_other_table: 'row_count_equal_other',
  expect_foreign_keys_to_exist: 'fk',
  expect_column_sums_to_match_other_table: 'sums_match',
  expect_column_newest_value_to_be_recent: 'fresh',
  expect_column_mean_to_be_between: 'mean',
  expect_column_value_proportion_to_be_between: 'proportion',
  expect_run_parameter_ratio_to_be_between: 'ratio',
};

/** `table.col1+col2:suffix`, the default id: readable in reports and stable across runs. */
export function defaultExpectationId(kind: ExpectationKind, table: string, columns: readonly string[]): string {
  const bareTable = table.includes('.') ? table.slice(table.indexOf('.') + 1) : table;
  return [bareTable, ...(columns.length > 0 ? [columns.join('+')] : [])].join('.') + ':' + SUFFIX[kind];
}

function build<K extends ExpectationKind>(kind: K, table: string, columns: string[], parameters: ExpectationParameterMap[K], options: ExpectationOptions = {}): Expectation<K> {
  const { id, severity, weight, cheap, ...rest } = options;
  return {
    id: id ?? defaultExpectationId(kind, table, columns),
    kind,
    table,
    columns,
    parameters,
    severity: severity ?? 'error',
    weight: weight ?? 1,
    cheap: cheap ?? false,
    ...rest,
  } as Expectation<K>;
}

type Bounds = { minValue?: number; maxValue?: number };

/**
 * Builders for suite declarations: `expectations.notNull('fact_orders', 'order_id', { cheap: true })`.
 * Defaults: severity error, weight 1, not cheap, id `table.columns:kind`.
 */
export const expectations = {
  notNull: (table: string, column: string, options?: ExpectationOptions) => build('expect_column_values_to_not_be_null', table, [column], {}, options),
  unique: (table: string, column: string, options?: ExpectationOptions) => build('expect_column_values_to_be_unique', table, [column], {}, options),
  compoundUnique: (table: string, columns: string[], options?: ExpectationOptions) => build('expect_compound_columns_to_be_unique', table, columns, {}, options),
  between: (table: string, column: string, bounds: BetweenParameters, options?: ExpectationOptions) => build('expect_column_values_to_be_between', table, [column], bounds, options),
  inSet: (table: string, column: string, valueSet: SetMember[], options?: ExpectationOptions) => build('expect_column_values_to_be_in_set', table, [column], { valueSet }, options),
  matchRegex: (table: string, column: string, regex: string, options?: ExpectationOptions) => build('expect_column_values_to_match_regex', table, [column], { regex }, options),
  lengthsBetween: (table: string, column: string, bounds: Bounds, options?: ExpectationOptions) => build('expect_column_value_lengths_to_be_between', table, [column], bounds, options),
  /** Every row's `a` is greater than its `b` (or equal, with orEqual). */
  pairGreater: (table: string, a: string, b: string, orEqual = false, options?: ExpectationOptions) =>
    build('expect_column_pair_values_a_to_be_greater_than_b', table, [a, b], { orEqual }, options),
  rowCountBetween: (table: string, bounds: Bounds, options?: ExpectationOptions) => build('expect_table_row_count_to_be_between', table, [], bounds, options),
  /** The row count equals a number, or a run parameter (`{ param: 'orders' }`) such as an import summary's count. */
  rowCountEqual: (table: string, expected: number | { param: string }, options?: ExpectationOptions) =>
    build('expect_table_row_count_to_equal', table, [], typeof expected === 'number' ? { value: expected } : expected, options),
  rowCountEqualOtherTable: (table: string, otherTable: string, more: { otherRowCondition?: RowCondition[]; tolerance?: number } = {}, options?: ExpectationOptions) =>
    build('expect_table_row_count_to_equal_other_table', table, [], { otherTable, ...more }, options),
  foreignKeys: (
    table: string,
    columns: string[],
    referenceTable: string,
    referenceColumns: string[],
    more: { inferredColumn?: string; maxInferredProportion?: number } = {},
    options?: ExpectationOptions,
  ) => build('expect_foreign_keys_to_exist', table, columns, { referenceTable, referenceColumns, ...more }, options),
  /** Per key, Σ sumColumns here equals Σ otherSumColumns in the other table, within an absolute tolerance. */
  sumsMatch: (
    table: string,
    keyColumns: string[],
    sumColumns: string[],
    other: { table: string; keyColumns: string[]; sumColumns: string[] },
    tolerance: string,
    options?: ExpectationOptions,
  ) =>
    build(
      'expect_column_sums_to_match_other_table',
      table,
      keyColumns,
      { sumColumns, otherTable: other.table, otherKeyColumns: other.keyColumns, otherSumColumns: other.sumColumns, tolerance },
      options,
    ),
  newestRecent: (table: string, column: string, maxAgeSeconds: number, groupBy?: string[], options?: ExpectationOptions) =>
    build('expect_column_newest_value_to_be_recent', table, [column], groupBy ? { maxAgeSeconds, groupBy } : { maxAgeSeconds }, options),
  meanBetween: (table: string, column: string, bounds: Bounds, options?: ExpectationOptions) => build('expect_column_mean_to_be_between', table, [column], bounds, options),
  /** The share of the column's non-null values equal to `value` lies within the bounds. */
  valueProportionBetween: (table: string, column: string, value: SetMember, bounds: Bounds, options?: ExpectationOptions) =>
    build('expect_column_value_proportion_to_be_between', table, [column], { value, ...bounds }, options),
  /**
   * The ratio of two run parameters lies within the bounds, e.g. rejected CSV rows over rows read.
   * `table` names where the figures are recorded (no query reads it); the id defaults to
   * `table.numerator:ratio`.
   */
  runParameterRatioBetween: (table: string, numerator: string, denominator: string, bounds: Bounds, options?: ExpectationOptions) =>
    build('expect_run_parameter_ratio_to_be_between', table, [], { numerator, denominator, ...bounds }, { id: defaultExpectationId('expect_run_parameter_ratio_to_be_between', table, [numerator]), ...options }),
  /** A table's key: each column not null, the whole key unique (one column or compound). */
  key: (table: string, columns: string[], options?: ExpectationOptions): Expectation[] => {
    const { id: _id, ...shared } = options ?? {};
    return [
      ...columns.map((column) => build('expect_column_values_to_not_be_null', table, [column], {}, { sampleColumns: columns, ...shared })),
      columns.length === 1 ? build('expect_column_values_to_be_unique', table, columns, {}, shared) : build('expect_compound_columns_to_be_unique', table, columns, {}, shared),
    ];
  },
};
