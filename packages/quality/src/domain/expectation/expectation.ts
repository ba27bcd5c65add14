import { assertIdentifier, formatTableName, parseTableName } from '../identifier/sql-identifier';

/**
 * An expectation: one verifiable statement about a table, checked by one set-based query. Kinds carry
 * Great Expectations' names where GE has the same check; the others follow its naming pattern.
 */
export type Severity = 'error' | 'warning';

/** A value a column is compared with: numbers, or strings for dates, timestamps and exact decimals. */
export type ComparableValue = number | string;
export type SetMember = string | number | boolean;

/**
 * A structured filter applied before the check (GE's row_condition, without free SQL): every value
 * is sent as a bind parameter and every column is validated.
 */
export type RowConditionOperator = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'is_null' | 'is_not_null' | 'in';
export interface RowCondition {
  column: string;
  op: RowConditionOperator;
  value?: SetMember | SetMember[];
}

export interface BetweenParameters {
  minValue?: ComparableValue;
  maxValue?: ComparableValue;
  /** Exclude the bounds themselves (GE's strict_min / strict_max). */
  strictMin?: boolean;
  strictMax?: boolean;
}

/** A number given in the definition, or the name of a parameter supplied when the run starts. */
export type RunValue = { value: number } | { param: string };

export interface ExpectationParameterMap {
  expect_column_values_to_not_be_null: Record<string, never>;
  expect_column_values_to_be_unique: Record<string, never>;
  expect_compound_columns_to_be_unique: Record<string, never>;
  expect_column_values_to_be_between: BetweenParameters;
  expect_column_values_to_be_in_set: { valueSet: SetMember[] };
  expect_column_values_to_match_regex: { regex: string };
  expect_column_value_lengths_to_be_between: { minValue?: number; maxValue?: number };
  expect_column_pair_values_a_to_be_greater_than_b: { orEqual?: boolean };
  expect_table_row_count_to_be_between: { minValue?: number; maxValue?: number };
  expect_table_row_count_to_equal: RunValue;
  expect_table_row_count_to_equal_other_table: { otherTable: string; otherRowCondition?: RowCondition[]; tolerance?: number };
  expect_foreign_keys_to_exist: {
    referenceTable: string;
    referenceColumns: string[];
    /** A boolean column of the referenced table marking inferred (placeholder) members: counted apart. */
    inferredColumn?: string;
    /** When set, more inferred references than this share of the checked rows fails the expectation. */
    maxInferredProportion?: number;
  };
  expect_column_sums_to_match_other_table: {
    /** Summed per key in this table (the expectation's columns are the key). */
    sumColumns: string[];
    otherTable: string;
    otherKeyColumns: string[];
    otherSumColumns: string[];
    /** Largest accepted absolute difference, as an exact decimal ("0.01"). */
    tolerance: string;
  };
  expect_column_newest_value_to_be_recent: { maxAgeSeconds: number; groupBy?: string[] };
  expect_column_mean_to_be_between: { minValue?: number; maxValue?: number };
  expect_column_value_proportion_to_be_between: { value: SetMember; minValue?: number; maxValue?: number };
  /**
   * numerator ÷ denominator, two run parameters (e.g. rejected CSV rows over rows read by the import),
   * lies within the bounds. Reads no table: `table` names where those figures are recorded.
   */
  expect_run_parameter_ratio_to_be_between: { numerator: string; denominator: string; minValue?: number; maxValue?: number };
}

export type ExpectationKind = keyof ExpectationParameterMap;
export const EXPECTATION_KINDS = [
  'expect_column_values_to_not_be_null',
  'expect_column_values_to_be_unique',
  'expect_compound_columns_to_be_unique',
  'expect_column_values_to_be_between',
  'expect_column_values_to_be_in_set',
  'expect_column_values_to_match_regex',
  'expect_column_value_lengths_to_be_between',
  'expect_column_pair_values_a_to_be_greater_than_b',
  'expect_table_row_count_to_be_between',
  'expect_table_row_count_to_equal',
  'expect_table_row_count_to_equal_other_table',
  'expect_foreign_keys_to_exist',
  'expect_column_sums_to_match_other_table',
  'expect_column_newest_value_to_be_recent',
  'expect_column_mean_to_be_between',
  'expect_column_value_proportion_to_be_between',
  'expect_run_parameter_ratio_to_be_between',
] as const satisfies readonly ExpectationKind[];

/** Kinds judged row by row: they count unexpected rows, keep a sample, and accept `mostly`. */
export const ROW_LEVEL_KINDS: ReadonlySet<ExpectationKind> = new Set<ExpectationKind>([
  'expect_column_values_to_not_be_null',
  'expect_column_values_to_be_unique',
  'expect_compound_columns_to_be_unique',
  'expect_column_values_to_be_between',
  'expect_column_values_to_be_in_set',
  'expect_column_values_to_match_regex',
  'expect_column_value_lengths_to_be_between',
  'expect_column_pair_values_a_to_be_greater_than_b',
  'expect_foreign_keys_to_exist',
  'expect_column_sums_to_match_other_table',
  'expect_column_newest_value_to_be_recent',
]);

/** How many columns each kind targets: exactly n, or a range. */
const COLUMN_ARITY: Record<ExpectationKind, [min: number, max: number]> = {
  expect_column_values_to_not_be_null: [1, 1],
  expect_column_values_to_be_unique: [1, 1],
  expect_compound_columns_to_be_unique: [2, 32],
  expect_column_values_to_be_between: [1, 1],
  expect_column_values_to_be_in_set: [1, 1],
  expect_column_values_to_match_regex: [1, 1],
  expect_column_value_lengths_to_be_between: [1, 1],
  expect_column_pair_values_a_to_be_greater_than_b: [2, 2],
  expect_table_row_count_to_be_between: [0, 0],
  expect_table_row_count_to_equal: [0, 0],
  expect_table_row_count_to_equal_other_table: [0, 0],
  expect_foreign_keys_to_exist: [1, 32],
  expect_column_sums_to_match_other_table: [1, 32],
  expect_column_newest_value_to_be_recent: [1, 1],
  expect_column_mean_to_be_between: [1, 1],
  expect_column_value_proportion_to_be_between: [1, 1],
  expect_run_parameter_ratio_to_be_between: [0, 0],
};

export interface ExpectationFields<K extends ExpectationKind> {
  /** Unique inside its suite; stable across runs (results are keyed by it). */
  id: string;
  kind: K;
  /** `schema.table` once the suite is defined (a bare name takes the suite's schema). */
  table: string;
  columns: string[];
  parameters: ExpectationParameterMap[K];
  severity: Severity;
  /** Relative importance inside the score, > 0 (1 by default). */
  weight: number;
  /** Part of the subset run after every applied batch. */
  cheap: boolean;
  rowCondition?: RowCondition[];
  /** Row-level kinds: the share of checked rows that must pass, in (0, 1] (GE's `mostly`; 1 by default). */
  mostly?: number;
  /** Columns shown beside the checked ones in the sample of unexpected rows (usually the table's key). */
  sampleColumns?: string[];
  description?: string;
}

export type Expectation<K extends ExpectationKind = ExpectationKind> = K extends ExpectationKind ? ExpectationFields<K> : never;

export class InvalidExpectationError extends Error {
  constructor(
    readonly expectationId: string,
    readonly problems: string[],
  ) {
    super(`expectation ${JSON.stringify(expectationId)} is invalid: ${problems.join('; ')}`);
    this.name = 'InvalidExpectationError';
  }
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isComparable(value: unknown): value is ComparableValue {
  return isFiniteNumber(value) || (typeof value === 'string' && value.length > 0);
}

function isSetMember(value: unknown): value is SetMember {
  return typeof value === 'boolean' || isComparable(value);
}

function collect(problems: string[], check: () => void): void {
  try {
    check();
  } catch (error) {
    problems.push((error as Error).message);
  }
}

function checkBounds(problems: string[], parameters: { minValue?: unknown; maxValue?: unknown }, numeric: boolean): void {
  const { minValue, maxValue } = parameters;
  if (minValue === undefined && maxValue === undefined) problems.push('give minValue, maxValue or both');
  for (const [name, value] of [
    ['minValue', minValue],
    ['maxValue', maxValue],
  ] as const) {
    if (value === undefined) continue;
    if (numeric ? !isFiniteNumber(value) : !isComparable(value)) problems.push(`${name} must be ${numeric ? 'a finite number' : 'a finite number or a non-empty string'}`);
  }
  if (isFiniteNumber(minValue) && isFiniteNumber(maxValue) && minValue > maxValue) problems.push('minValue is greater than maxValue');
}

function checkRowConditions(problems: string[], conditions: unknown, role: string): void {
  if (conditions === undefined) return;
  if (!Array.isArray(conditions)) {
    problems.push(`${role} must be a list`);
    return;
  }
  for (const condition of conditions as RowCondition[]) {
    collect(problems, () => assertIdentifier(condition.column, `${role} column`));
    const { op, value } = condition;
    if (op === 'is_null' || op === 'is_not_null') {
      if (value !== undefined) problems.push(`${role} ${op} takes no value`);
    } else if (op === 'in') {
      if (!Array.isArray(value) || value.length === 0 || !value.every(isSetMember)) problems.push(`${role} in needs a non-empty list of values`);
    } else if (['eq', 'ne', 'lt', 'lte', 'gt', 'gte'].includes(op)) {
      if (!isSetMember(value)) problems.push(`${role} ${op} needs a value`);
    } else problems.push(`${role} has an unknown operator ${JSON.stringify(op)}`);
  }
}

function checkColumns(problems: string[], columns: unknown, role: string, min = 1): void {
  if (!Array.isArray(columns) || columns.length < min) {
    problems.push(`${role} needs at least ${min} column${min === 1 ? '' : 's'}`);
    return;
  }
  for (const column of columns) collect(problems, () => assertIdentifier(column, `${role} column`));
}

function checkParameters(problems: string[], expectation: Expectation, defaultSchema: string | undefined): void {
  switch (expectation.kind) {
    case 'expect_column_values_to_not_be_null':
    case 'expect_column_values_to_be_unique':
    case 'expect_compound_columns_to_be_unique':
      return;
    case 'expect_column_values_to_be_between':
      return checkBounds(problems, expectation.parameters, false);
    case 'expect_column_value_lengths_to_be_between':
    case 'expect_table_row_count_to_be_between':
    case 'expect_column_mean_to_be_between':
      return checkBounds(problems, expectation.parameters, true);
    case 'expect_column_value_proportion_to_be_between':
      if (!isSetMember(expectation.parameters.value)) problems.push('value must be a string, a number or a boolean');
      return checkBounds(problems, expectation.parameters, true);
    case 'expect_column_values_to_be_in_set': {
      const { valueSet } = expectation.parameters;
      if (!Array.isArray(valueSet) || valueSet.length === 0 || !valueSet.every(isSetMember)) problems.push('valueSet must be a non-empty list of strings, numbers or booleans');
      return;
    }
    case 'expect_column_values_to_match_regex':
      if (typeof expectation.parameters.regex !== 'string' || expectation.parameters.regex.length === 0) problems.push('regex must be a non-empty string');
      return;
    case 'expect_column_pair_values_a_to_be_greater_than_b':
      return;
    case 'expect_table_row_count_to_equal': {
      const parameters = expectation.parameters as { value?: unknown; param?: unknown };
      if ('param' in parameters) collect(problems, () => assertIdentifier(parameters.param, 'run parameter name'));
      else if (!Number.isInteger(parameters.value) || (parameters.value as number) < 0) problems.push('value must be a non-negative integer, or name a run parameter with param');
      return;
    }
    case 'expect_table_row_count_to_equal_other_table': {
      const { otherTable, otherRowCondition, tolerance } = expectation.parameters;
      collect(problems, () => parseTableName(otherTable, defaultSchema));
      checkRowConditions(problems, otherRowCondition, 'otherRowCondition');
      if (tolerance !== undefined && (!Number.isInteger(tolerance) || tolerance < 0)) problems.push('tolerance must be a non-negative integer (rows)');
      return;
    }
    case 'expect_foreign_keys_to_exist': {
      const { referenceTable, referenceColumns, inferredColumn, maxInferredProportion } = expectation.parameters;
      collect(problems, () => parseTableName(referenceTable, defaultSchema));
      checkColumns(problems, referenceColumns, 'referenceColumns');
      if (Array.isArray(referenceColumns) && referenceColumns.length !== expectation.columns.length) problems.push('referenceColumns must match the columns one for one');
      if (inferredColumn !== undefined) collect(problems, () => assertIdentifier(inferredColumn, 'inferredColumn'));
      if (maxInferredProportion !== undefined && !(isFiniteNumber(maxInferredProportion) && maxInferredProportion >= 0 && maxInferredProportion <= 1)) {
        problems.push('maxInferredProportion must be between 0 and 1');
      }
      return;
    }
    case 'expect_column_sums_to_match_other_table': {
      const { sumColumns, otherTable, otherKeyColumns, otherSumColumns, tolerance } = expectation.parameters;
      checkColumns(problems, sumColumns, 'sumColumns');
      collect(problems, () => parseTableName(otherTable, defaultSchema));
      checkColumns(problems, otherKeyColumns, 'otherKeyColumns');
      checkColumns(problems, otherSumColumns, 'otherSumColumns');
      if (Array.isArray(otherKeyColumns) && otherKeyColumns.length !== expectation.columns.length) problems.push('otherKeyColumns must match the key columns one for one');
      if (typeof tolerance !== 'string' || !/^\d+(\.\d+)?$/.test(tolerance)) problems.push('tolerance must be a non-negative decimal written as a string, e.g. "0.01"');
      return;
    }
    case 'expect_run_parameter_ratio_to_be_between': {
      const { numerator, denominator } = expectation.parameters;
      collect(problems, () => assertIdentifier(numerator, 'numerator run parameter name'));
      collect(problems, () => assertIdentifier(denominator, 'denominator run parameter name'));
      return checkBounds(problems, expectation.parameters, true);
    }
    case 'expect_column_newest_value_to_be_recent': {
      const { maxAgeSeconds, groupBy } = expectation.parameters;
      if (!isFiniteNumber(maxAgeSeconds) || maxAgeSeconds <= 0) problems.push('maxAgeSeconds must be a positive number');
      if (groupBy !== undefined) checkColumns(problems, groupBy, 'groupBy');
      return;
    }
    default: {
      const unknown: never = expectation;
      problems.push(`unknown kind ${JSON.stringify((unknown as { kind: unknown }).kind)}`);
    }
  }
}

/**
 * Checks a definition completely (identifiers, arity, parameters) and returns it with its table
 * qualified by `defaultSchema`. Throws InvalidExpectationError listing every problem found.
 */
export function validateExpectation<E extends Expectation>(expectation: E, defaultSchema?: string): E {
  const problems: string[] = [];
  const id = typeof expectation.id === 'string' ? expectation.id : String(expectation.id);
  if (typeof expectation.id !== 'string' || !/^[A-Za-z0-9_.:+-]{1,200}$/.test(expectation.id)) problems.push('id must be 1-200 characters of letters, digits, _ . : + -');
  if (!(EXPECTATION_KINDS as readonly string[]).includes(expectation.kind)) {
    throw new InvalidExpectationError(id, [`unknown kind ${JSON.stringify(expectation.kind)}; known kinds: ${EXPECTATION_KINDS.join(', ')}`]);
  }
  let table = expectation.table;
  collect(problems, () => {
    table = formatTableName(parseTableName(expectation.table, defaultSchema));
  });
  const [min, max] = COLUMN_ARITY[expectation.kind];
  if (!Array.isArray(expectation.columns) || expectation.columns.length < min || expectation.columns.length > max) {
    problems.push(min === max ? `${expectation.kind} takes ${min} column${min === 1 ? '' : 's'}` : `${expectation.kind} takes ${min} to ${max} columns`);
  } else for (const column of expectation.columns) collect(problems, () => assertIdentifier(column, 'column'));
  if (expectation.severity !== 'error' && expectation.severity !== 'warning') problems.push('severity must be error or warning');
  if (!isFiniteNumber(expectation.weight) || expectation.weight <= 0) problems.push('weight must be a positive number');
  if (typeof expectation.cheap !== 'boolean') problems.push('cheap must be true or false');
  if (expectation.mostly !== undefined) {
    if (!ROW_LEVEL_KINDS.has(expectation.kind)) problems.push(`mostly applies to row-level kinds only, not ${expectation.kind}`);
    else if (!isFiniteNumber(expectation.mostly) || expectation.mostly <= 0 || expectation.mostly > 1) problems.push('mostly must be in (0, 1]');
  }
  if (expectation.sampleColumns !== undefined) checkColumns(problems, expectation.sampleColumns, 'sampleColumns', 0);
  checkRowConditions(problems, expectation.rowCondition, 'rowCondition');
  if (expectation.parameters === null || typeof expectation.parameters !== 'object') problems.push('parameters must be an object');
  else checkParameters(problems, expectation, defaultSchema);
  if (problems.length > 0) throw new InvalidExpectationError(id, problems);
  return { ...expectation, table, parameters: qualifyParameterTables(expectation.parameters, defaultSchema) };
}

/** Tables named in parameters (the other table, the referenced dimension) take the default schema too. */
function qualifyParameterTables<P extends object>(parameters: P, defaultSchema: string | undefined): P {
  const qualified = { ...parameters } as Record<string, unknown>;
  for (const field of ['otherTable', 'referenceTable']) {
    if (typeof qualified[field] === 'string') qualified[field] = formatTableName(parseTableName(qualified[field], defaultSchema));
  }
  return qualified as P;
}

/** The run parameter an expectation needs, if any (a row count published elsewhere). */
export function requiredRunParameter(expectation: Expectation): string | undefined {
  return requiredRunParameters(expectation)[0];
}

/** Every run parameter an expectation needs; without any of them it is skipped. */
export function requiredRunParameters(expectation: Expectation): string[] {
  if (expectation.kind === 'expect_run_parameter_ratio_to_be_between') return [expectation.parameters.numerator, expectation.parameters.denominator];
  if (expectation.kind !== 'expect_table_row_count_to_equal') return [];
  return 'param' in expectation.parameters ? [expectation.parameters.param] : [];
}
