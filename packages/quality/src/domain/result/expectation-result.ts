import { type Expectation, type ExpectationKind, ROW_LEVEL_KINDS, requiredRunParameter, type Severity } from '../expectation/expectation';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
/** One unexpected row (or group): column → value as text (exact: no float or 64-bit rounding). */
export type SampleRow = Record<string, string | null>;

/** A run's parameters: numbers published elsewhere (an import summary's order count, ...). */
export type RunParams = Readonly<Record<string, number>>;

/** At most this many unexpected rows are kept per result. */
export const MAX_SAMPLE_ROWS = 20;

/** What a query measured; the domain decides whether that meets the expectation. */
export interface Measurement {
  /** Rows (or groups) checked; null for table-level kinds. */
  elementCount: number | null;
  /** Rows (or groups) that broke the rule; null for table-level kinds. */
  unexpectedCount: number | null;
  /** Kind-specific figures: rows, otherRows, mean, proportion, newest, ageSeconds, inferred. */
  metrics: Record<string, JsonValue>;
  sample: SampleRow[];
}

export type ResultStatus = 'passed' | 'failed' | 'error' | 'skipped';

export interface ExpectationResult {
  expectationId: string;
  kind: ExpectationKind;
  table: string;
  columns: string[];
  severity: Severity;
  weight: number;
  status: ResultStatus;
  passed: boolean;
  observedValue: Record<string, JsonValue>;
  unexpectedCount: number | null;
  elementCount: number | null;
  /** unexpected ÷ element × 100, for row-level kinds with elements. */
  unexpectedPercent: number | null;
  sample: SampleRow[];
  /** Why the check itself could not run (status error) or was skipped. */
  error?: string;
  durationMs?: number;
}

function header(expectation: Expectation): Pick<ExpectationResult, 'expectationId' | 'kind' | 'table' | 'columns' | 'severity' | 'weight'> {
  return {
    expectationId: expectation.id,
    kind: expectation.kind,
    table: expectation.table,
    columns: [...expectation.columns],
    severity: expectation.severity,
    weight: expectation.weight,
  };
}

/** The first MAX_SAMPLE_ROWS rows, whatever the query returned. */
export function capSample(rows: readonly SampleRow[]): SampleRow[] {
  return rows.slice(0, MAX_SAMPLE_ROWS);
}

/** True when at least `mostly` of the elements passed (every one by default); vacuously true with none. */
export function meetsMostly(elementCount: number, unexpectedCount: number, mostly = 1): boolean {
  if (elementCount <= 0) return true;
  return (elementCount - unexpectedCount) / elementCount >= mostly;
}

export function withinBounds(value: number, bounds: { minValue?: number; maxValue?: number }): boolean {
  if (bounds.minValue !== undefined && value < bounds.minValue) return false;
  if (bounds.maxValue !== undefined && value > bounds.maxValue) return false;
  return true;
}

function asNumber(value: JsonValue | undefined): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

export class MissingRunParameterError extends Error {
  constructor(readonly parameter: string) {
    super(`run parameter ${JSON.stringify(parameter)} was not supplied`);
    this.name = 'MissingRunParameterError';
  }
}

/** The number a row count must equal: the definition's, or the run parameter it names. */
export function expectedRowCount(expectation: Expectation<'expect_table_row_count_to_equal'>, params: RunParams): number {
  const parameter = requiredRunParameter(expectation);
  if (parameter === undefined) return (expectation.parameters as { value: number }).value;
  const value = params[parameter];
  if (value === undefined) throw new MissingRunParameterError(parameter);
  return value;
}

/**
 * numerator ÷ denominator of the run parameters; 0 when both are 0 (nothing read, nothing lost), null
 * (never within bounds) when only the denominator is 0.
 */
export function runParameterRatio(
  expectation: Expectation<'expect_run_parameter_ratio_to_be_between'>,
  params: RunParams,
): { numerator: number; denominator: number; ratio: number | null } {
  const numerator = params[expectation.parameters.numerator];
  const denominator = params[expectation.parameters.denominator];
  if (numerator === undefined) throw new MissingRunParameterError(expectation.parameters.numerator);
  if (denominator === undefined) throw new MissingRunParameterError(expectation.parameters.denominator);
  const ratio = denominator === 0 ? (numerator === 0 ? 0 : null) : numerator / denominator;
  return { numerator, denominator, ratio };
}

function judge(expectation: Expectation, measurement: Measurement, params: RunParams): { passed: boolean; observed: Record<string, JsonValue> } {
  const { elementCount, unexpectedCount, metrics } = measurement;
  const observed: Record<string, JsonValue> = { ...metrics };
  const rowLevelPass = () => meetsMostly(elementCount ?? 0, unexpectedCount ?? 0, expectation.mostly ?? 1);
  switch (expectation.kind) {
    case 'expect_foreign_keys_to_exist': {
      const inferred = asNumber(metrics.inferred) ?? 0;
      const share = elementCount ? inferred / elementCount : 0;
      observed.orphans = unexpectedCount ?? 0;
      observed.inferred = inferred;
      observed.inferredProportion = share;
      const max = expectation.parameters.maxInferredProportion;
      return { passed: rowLevelPass() && (max === undefined || share <= max), observed };
    }
    case 'expect_column_newest_value_to_be_recent':
      // No rows at all is not fresh.
      return { passed: (elementCount ?? 0) > 0 && rowLevelPass(), observed };
    case 'expect_table_row_count_to_be_between': {
      const rows = asNumber(metrics.rows);
      return { passed: rows !== null && withinBounds(rows, expectation.parameters), observed };
    }
    case 'expect_table_row_count_to_equal': {
      const rows = asNumber(metrics.rows);
      const expected = expectedRowCount(expectation, params);
      observed.expected = expected;
      return { passed: rows === expected, observed };
    }
    case 'expect_table_row_count_to_equal_other_table': {
      const rows = asNumber(metrics.rows);
      const otherRows = asNumber(metrics.otherRows);
      return { passed: rows !== null && otherRows !== null && Math.abs(rows - otherRows) <= (expectation.parameters.tolerance ?? 0), observed };
    }
    case 'expect_run_parameter_ratio_to_be_between': {
      const { ratio, numerator, denominator } = runParameterRatio(expectation, params);
      observed.numerator = numerator;
      observed.denominator = denominator;
      observed.ratio = ratio;
      return { passed: ratio !== null && withinBounds(ratio, expectation.parameters), observed };
    }
    // A distribution over no values has nothing out of bounds (as row-level kinds over no rows);
    // emptiness is the row counts' business.
    case 'expect_column_mean_to_be_between': {
      const mean = asNumber(metrics.mean);
      return { passed: mean === null ? elementCount === 0 : withinBounds(mean, expectation.parameters), observed };
    }
    case 'expect_column_value_proportion_to_be_between': {
      const proportion = asNumber(metrics.proportion);
      return { passed: proportion === null ? elementCount === 0 : withinBounds(proportion, expectation.parameters), observed };
    }
    default:
      return { passed: rowLevelPass(), observed };
  }
}

/** Judges a measurement against its expectation. */
export function evaluateMeasurement(expectation: Expectation, measurement: Measurement, params: RunParams = {}, durationMs?: number): ExpectationResult {
  const { passed, observed } = judge(expectation, measurement, params);
  const { elementCount, unexpectedCount } = measurement;
  const rowLevel = ROW_LEVEL_KINDS.has(expectation.kind);
  const unexpectedPercent = rowLevel && elementCount && unexpectedCount !== null ? (unexpectedCount / elementCount) * 100 : null;
  if (unexpectedPercent !== null) observed.unexpectedPercent = unexpectedPercent;
  const result: ExpectationResult = {
    ...header(expectation),
    status: passed ? 'passed' : 'failed',
    passed,
    observedValue: observed,
    unexpectedCount,
    elementCount,
    unexpectedPercent,
    sample: capSample(measurement.sample),
  };
  if (durationMs !== undefined) result.durationMs = durationMs;
  return result;
}

/** The check itself failed (a missing table, a bad regex, a timeout): it counts as not passed. */
export function erroredResult(expectation: Expectation, error: unknown, durationMs?: number): ExpectationResult {
  const message = error instanceof Error ? error.message : String(error);
  const result: ExpectationResult = {
    ...header(expectation),
    status: 'error',
    passed: false,
    observedValue: {},
    unexpectedCount: null,
    elementCount: null,
    unexpectedPercent: null,
    sample: [],
    error: message,
  };
  if (durationMs !== undefined) result.durationMs = durationMs;
  return result;
}

/** Not evaluated (a run parameter it needs was not given): left out of the score. */
export function skippedResult(expectation: Expectation, reason: string): ExpectationResult {
  return {
    ...header(expectation),
    status: 'skipped',
    passed: false,
    observedValue: {},
    unexpectedCount: null,
    elementCount: null,
    unexpectedPercent: null,
    sample: [],
    error: reason,
  };
}
