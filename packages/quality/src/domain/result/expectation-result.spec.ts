import { validateExpectation, type Expectation } from '../expectation/expectation';
import { expectations as e } from '../expectation/expectation.builders';
import {
  capSample,
  erroredResult,
  evaluateMeasurement,
  expectedRowCount,
  MAX_SAMPLE_ROWS,
  type Measurement,
  meetsMostly,
  MissingRunParameterError,
  skippedResult,
  withinBounds,
} from './expectation-result';

const q = <E extends Expectation>(x: E): E => validateExpectation(x, 'dw');
const rows = (elementCount: number, unexpectedCount: number, sample: Measurement['sample'] = []): Measurement => ({ elementCount, unexpectedCount, metrics: {}, sample });
const metrics = (values: Measurement['metrics'], elementCount: number | null = null): Measurement => ({ elementCount, unexpectedCount: null, metrics: values, sample: [] });

describe('evaluateMeasurement', () => {
  it('passes a row-level check only without unexpected rows, and reports the share', () => {
    const expectation = q(e.notNull('fact_orders', 'order_id'));
    const clean = evaluateMeasurement(expectation, rows(10, 0), {}, 4);
    expect(clean).toMatchObject({ status: 'passed', passed: true, unexpectedCount: 0, elementCount: 10, unexpectedPercent: 0, durationMs: 4, table: 'dw.fact_orders', severity: 'error', weight: 1 });
    const dirty = evaluateMeasurement(expectation, rows(10, 1, [{ order_id: null }]));
    expect(dirty).toMatchObject({ status: 'failed', passed: false, unexpectedPercent: 10, sample: [{ order_id: null }] });
    expect(dirty.observedValue).toEqual({ unexpectedPercent: 10 });
    expect(evaluateMeasurement(expectation, rows(0, 0))).toMatchObject({ passed: true, unexpectedPercent: null });
  });

  it('honours mostly', () => {
    const expectation = q(e.between('t', 'a', { minValue: 0 }, { mostly: 0.99 }));
    expect(evaluateMeasurement(expectation, rows(100, 1)).passed).toBe(true);
    expect(evaluateMeasurement(expectation, rows(100, 2)).passed).toBe(false);
    expect(meetsMostly(0, 0)).toBe(true);
    expect(meetsMostly(3, 1, 0.6)).toBe(true);
    expect(meetsMostly(3, 2, 0.6)).toBe(false);
  });

  it('keeps at most MAX_SAMPLE_ROWS rows of a sample', () => {
    const sample = Array.from({ length: 50 }, (_, i) => ({ id: String(i) }));
    const result = evaluateMeasurement(q(e.notNull('t', 'id')), rows(100, 50, sample));
    expect(result.sample).toHaveLength(MAX_SAMPLE_ROWS);
    expect(result.sample[0]).toEqual({ id: '0' });
    expect(capSample(sample.slice(0, 3))).toHaveLength(3);
  });

  it('counts foreign-key orphans as unexpected and inferred members apart', () => {
    const plain = q(e.foreignKeys('f', ['k'], 'd', ['k'], { inferredColumn: 'is_inferred' }));
    const result = evaluateMeasurement(plain, { elementCount: 10, unexpectedCount: 1, metrics: { inferred: 2 }, sample: [] });
    expect(result.passed).toBe(false);
    expect(result.observedValue).toMatchObject({ orphans: 1, inferred: 2, inferredProportion: 0.2 });
    expect(evaluateMeasurement(plain, { elementCount: 10, unexpectedCount: 0, metrics: { inferred: '2' }, sample: [] }).passed).toBe(true);
    const bounded = q(e.foreignKeys('f', ['k'], 'd', ['k'], { inferredColumn: 'is_inferred', maxInferredProportion: 0.1 }));
    expect(evaluateMeasurement(bounded, { elementCount: 10, unexpectedCount: 0, metrics: { inferred: 2 }, sample: [] }).passed).toBe(false);
    expect(evaluateMeasurement(bounded, { elementCount: 10, unexpectedCount: 0, metrics: { inferred: 1 }, sample: [] }).passed).toBe(true);
    expect(evaluateMeasurement(bounded, { elementCount: 0, unexpectedCount: 0, metrics: {}, sample: [] }).observedValue.inferredProportion).toBe(0);
  });

  it('fails freshness on stale groups and on an empty table', () => {
    const expectation = q(e.newestRecent('freshness', 'last_applied_at', 60));
    expect(evaluateMeasurement(expectation, { elementCount: 1, unexpectedCount: 0, metrics: { ageSeconds: 5 }, sample: [] }).passed).toBe(true);
    expect(evaluateMeasurement(expectation, { elementCount: 1, unexpectedCount: 1, metrics: { ageSeconds: 500 }, sample: [] }).passed).toBe(false);
    expect(evaluateMeasurement(expectation, { elementCount: 0, unexpectedCount: 0, metrics: {}, sample: [] }).passed).toBe(false);
  });

  it('judges row counts: between, equal to a number or a run parameter, equal to another table', () => {
    const between = q(e.rowCountBetween('t', { minValue: 1, maxValue: 3 }));
    expect(evaluateMeasurement(between, metrics({ rows: 2 })).passed).toBe(true);
    expect(evaluateMeasurement(between, metrics({ rows: '4' })).passed).toBe(false);
    expect(evaluateMeasurement(between, metrics({})).passed).toBe(false);
    const fixed = q(e.rowCountEqual('t', 5));
    expect(evaluateMeasurement(fixed, metrics({ rows: 5 })).observedValue).toEqual({ rows: 5, expected: 5 });
    const published = q(e.rowCountEqual('t', { param: 'orders' }));
    expect(evaluateMeasurement(published, metrics({ rows: 7 }), { orders: 7 }).passed).toBe(true);
    expect(evaluateMeasurement(published, metrics({ rows: 7 }), { orders: 8 }).passed).toBe(false);
    expect(() => evaluateMeasurement(published, metrics({ rows: 7 }))).toThrow(MissingRunParameterError);
    expect(expectedRowCount(fixed, {})).toBe(5);
    const other = q(e.rowCountEqualOtherTable('t', 'o', { tolerance: 1 }));
    expect(evaluateMeasurement(other, metrics({ rows: 10, otherRows: 11 })).passed).toBe(true);
    expect(evaluateMeasurement(other, metrics({ rows: 10, otherRows: 12 })).passed).toBe(false);
    expect(evaluateMeasurement(q(e.rowCountEqualOtherTable('t', 'o')), metrics({ rows: 10, otherRows: 10 })).passed).toBe(true);
  });

  it('judges distributions: a mean and a proportion within bounds, vacuously true over no values', () => {
    const mean = q(e.meanBetween('r', 'score', { minValue: 3.5, maxValue: 4.8 }));
    expect(evaluateMeasurement(mean, metrics({ mean: 4.1 }, 10)).passed).toBe(true);
    expect(evaluateMeasurement(mean, metrics({ mean: 2.9 }, 10)).passed).toBe(false);
    expect(evaluateMeasurement(mean, metrics({ mean: null }, 0)).passed).toBe(true);
    expect(evaluateMeasurement(mean, metrics({}, 3)).passed).toBe(false);
    const share = q(e.valueProportionBetween('d', 'is_late', true, { maxValue: 0.15 }));
    expect(evaluateMeasurement(share, metrics({ proportion: '0.08' }, 100)).passed).toBe(true);
    expect(evaluateMeasurement(share, metrics({ proportion: 0.4 }, 100)).passed).toBe(false);
    expect(evaluateMeasurement(share, metrics({ proportion: 'n/a' }, 100)).passed).toBe(false);
    expect(evaluateMeasurement(share, metrics({ proportion: null }, 0)).passed).toBe(true);
    expect(withinBounds(1, {})).toBe(true);
  });

  it('records a check that could not run as an error, and a skipped one with its reason', () => {
    const expectation = q(e.notNull('t', 'a', { severity: 'warning', weight: 2 }));
    expect(erroredResult(expectation, new Error('relation "dw.t" does not exist'), 3)).toMatchObject({
      status: 'error',
      passed: false,
      error: 'relation "dw.t" does not exist',
      durationMs: 3,
      severity: 'warning',
      weight: 2,
      sample: [],
    });
    expect(erroredResult(expectation, 'boom').error).toBe('boom');
    expect(skippedResult(expectation, 'no orders count')).toMatchObject({ status: 'skipped', passed: false, error: 'no orders count' });
  });
});

describe('the run parameter ratio', () => {
  const share = q(e.runParameterRatioBetween('quality.runs', 'rejected_rows', 'imported_rows', { maxValue: 0.01 }));
  const none = metrics({});

  it('judges numerator over denominator from the run values and reports both', () => {
    expect(share.id).toBe('runs.rejected_rows:ratio');
    const low = evaluateMeasurement(share, none, { rejected_rows: 5, imported_rows: 1000 });
    expect(low).toMatchObject({ status: 'passed', observedValue: { numerator: 5, denominator: 1000, ratio: 0.005 } });
    const high = evaluateMeasurement(share, none, { rejected_rows: 11, imported_rows: 1000 });
    expect(high).toMatchObject({ status: 'failed', observedValue: { ratio: 0.011 } });
  });

  it('takes 0 over 0 as nothing lost, and a loss over nothing read as never within bounds', () => {
    expect(evaluateMeasurement(share, none, { rejected_rows: 0, imported_rows: 0 }).passed).toBe(true);
    expect(evaluateMeasurement(share, none, { rejected_rows: 3, imported_rows: 0 })).toMatchObject({ passed: false, observedValue: { ratio: null } });
  });

  it('needs both parameters', () => {
    expect(() => evaluateMeasurement(share, none, { rejected_rows: 1 })).toThrow(MissingRunParameterError);
    expect(() => evaluateMeasurement(share, none, { imported_rows: 1 })).toThrow(MissingRunParameterError);
  });

  it('validates its parameter names and bounds', () => {
    expect(() => q(e.runParameterRatioBetween('quality.runs', 'Rejected', 'imported_rows', {}))).toThrow(/numerator run parameter name[\s\S]*give minValue, maxValue or both/);
    expect(() => q(e.runParameterRatioBetween('quality.runs', 'a', 'b', { minValue: 1, maxValue: 0 }))).toThrow(/minValue is greater than maxValue/);
  });
});
