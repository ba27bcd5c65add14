import { validateExpectation } from '../expectation/expectation';
import { expectations as e } from '../expectation/expectation.builders';
import { erroredResult, evaluateMeasurement } from '../result/expectation-result';
import { completeRun, completeSuiteRun, type QualityRun } from '../run/quality-run';
import { scoreSuite } from '../score/score';
import { assertQualityGate, DEFAULT_QUALITY_THRESHOLD, QualityGateError } from './quality-gate';

const at = new Date('2024-01-01T00:00:00Z');

function runWith(passing: number, failing: number, inputs = { rejectedRows: 4, deadLetters: 2 }): QualityRun {
  const results = [
    ...Array.from({ length: passing }, (_, i) =>
      evaluateMeasurement(validateExpectation(e.notNull('t', 'a', { id: `ok${i}` }), 'dw'), { elementCount: 5, unexpectedCount: 0, metrics: {}, sample: [] }),
    ),
    ...Array.from({ length: failing }, (_, i) =>
      evaluateMeasurement(validateExpectation(e.notNull('fact_orders', 'order_id', { id: `bad${i}` }), 'dw'), { elementCount: 5, unexpectedCount: 2, metrics: {}, sample: [] }),
    ),
  ];
  const suite = completeSuiteRun({ id: 's', suite: 'fact_orders', layer: 'fact', startedAt: at, finishedAt: at, results });
  return completeRun({ id: 'r', trigger: 'schedule', startedAt: at, finishedAt: at, params: {}, inputs, suites: [suite] });
}

function gateError(action: () => void): QualityGateError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(QualityGateError);
    return error as QualityGateError;
  }
  throw new Error('expected the gate to throw');
}

describe('assertQualityGate', () => {
  it('passes at or above the threshold (0.95 by default)', () => {
    expect(DEFAULT_QUALITY_THRESHOLD).toBe(0.95);
    expect(() => assertQualityGate(runWith(20, 0))).not.toThrow();
    expect(() => assertQualityGate(runWith(19, 1).score, 0.9)).not.toThrow();
  });

  it('throws below it, listing the failing expectations and the run inputs', () => {
    const error = gateError(() => assertQualityGate(runWith(18, 2)));
    expect(error.threshold).toBe(0.95);
    expect(error.score.value).toBe(0.9);
    expect(error.failing).toHaveLength(2);
    expect(error.message).toMatch(/score 0\.9000 is below the threshold 0\.9500 \(18 passed, 2 failed, 0 errored, 0 skipped\)/);
    expect(error.message).toMatch(/inputs: 4 rejected CSV rows, 2 dead-lettered events/);
    expect(error.message).toContain('[error] fact_orders/bad0 (expect_column_values_to_not_be_null on dw.fact_orders): 2 of 5 unexpected');
    expect(error.message).toContain('fact_orders/bad1');
  });

  it('explains an errored check and a table-level failure', () => {
    const expectation = validateExpectation(e.rowCountBetween('t', { minValue: 10 }, { id: 'rows' }), 'dw');
    const failed = evaluateMeasurement(expectation, { elementCount: null, unexpectedCount: null, metrics: { rows: 3 }, sample: [] });
    const errored = erroredResult({ ...expectation, id: 'broken' }, new Error('relation "dw.t" does not exist'));
    const error = gateError(() => assertQualityGate(scoreSuite('s', [failed, errored])));
    expect(error.message).toContain('s/rows (expect_table_row_count_to_be_between on dw.t): observed {"rows":3}');
    expect(error.message).toContain('s/broken (expect_table_row_count_to_be_between on dw.t): the check failed to run: relation "dw.t" does not exist');
    expect(error.message).not.toMatch(/inputs:/);
  });

  it('lists at most 50 failing expectations', () => {
    const error = gateError(() => assertQualityGate(runWith(0, 60)));
    expect(error.message).toContain('... and 10 more');
  });

  it('never passes when nothing was evaluated', () => {
    expect(gateError(() => assertQualityGate(scoreSuite('s', []), 0)).message).toMatch(/no expectation was evaluated/);
  });

  it('refuses a threshold outside 0..1', () => {
    expect(() => assertQualityGate(runWith(1, 0), 95)).toThrow(RangeError);
  });
});
