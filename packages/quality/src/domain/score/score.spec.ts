import { validateExpectation } from '../expectation/expectation';
import { expectations as e, type ExpectationOptions } from '../expectation/expectation.builders';
import { erroredResult, evaluateMeasurement, type ExpectationResult, skippedResult } from '../result/expectation-result';
import { effectiveWeight, scoreResults, scoreSuite, SEVERITY_FACTOR } from './score';

function result(id: string, passed: boolean, options: ExpectationOptions = {}): ExpectationResult {
  const expectation = validateExpectation(e.notNull('t', 'a', { id, ...options }), 'dw');
  return evaluateMeasurement(expectation, { elementCount: 10, unexpectedCount: passed ? 0 : 3, metrics: {}, sample: [] });
}

describe('score', () => {
  it('weighs an error three times a warning', () => {
    expect(SEVERITY_FACTOR).toEqual({ error: 3, warning: 1 });
    expect(effectiveWeight({ weight: 2, severity: 'error' })).toBe(6);
    // A failed warning costs 1/(3+1); a failed error 3/(3+1).
    expect(scoreSuite('s', [result('e', true), result('w', false, { severity: 'warning' })]).value).toBe(0.75);
    expect(scoreSuite('s', [result('e', false), result('w', true, { severity: 'warning' })]).value).toBe(0.25);
  });

  it('is Σ w·s·p / Σ w·s with weights', () => {
    const score = scoreSuite('s', [result('a', true, { weight: 2 }), result('b', false, { weight: 1 }), result('c', true, { weight: 1, severity: 'warning' })]);
    // passed: 2·3 + 1·1 = 7; total: 6 + 3 + 1 = 10.
    expect(score).toMatchObject({ value: 0.7, passedWeight: 7, totalWeight: 10, evaluated: 3, passed: 2, failed: 1, errored: 0, skipped: 0 });
  });

  it('counts an errored check as not passed and leaves skipped ones out', () => {
    const expectation = validateExpectation(e.notNull('t', 'a', { id: 'x' }), 'dw');
    const score = scoreSuite('s', [result('a', true), erroredResult(expectation, new Error('timeout')), skippedResult({ ...expectation, id: 'y' }, 'no param')]);
    expect(score).toMatchObject({ value: 0.5, evaluated: 2, passed: 1, errored: 1, skipped: 1 });
    expect(score.failing).toEqual([expect.objectContaining({ expectationId: 'x', status: 'error', error: 'timeout', effectiveWeight: 3 })]);
  });

  it('is 1 with nothing evaluated', () => {
    expect(scoreSuite('s', [])).toMatchObject({ value: 1, evaluated: 0, totalWeight: 0 });
  });

  it('pools suites for the overall score rather than averaging them', () => {
    const overall = scoreResults([
      { suite: 'big', results: [result('a', true), result('b', true), result('c', true)] },
      { suite: 'small', results: [result('d', false)] },
    ]);
    // Mean of suite scores would be 0.5; pooled it is 9/12.
    expect(overall.value).toBe(0.75);
    expect(overall.failing.map((f) => `${f.suite}/${f.expectationId}`)).toEqual(['small/d']);
  });

  it('lists failing expectations heaviest first, then by suite and id', () => {
    const score = scoreResults([
      { suite: 'b', results: [result('w', false, { severity: 'warning' }), result('z', false)] },
      { suite: 'a', results: [result('y', false), result('heavy', false, { weight: 5, severity: 'warning' })] },
    ]);
    expect(score.failing.map((f) => `${f.suite}/${f.expectationId}`)).toEqual(['a/heavy', 'a/y', 'b/z', 'b/w']);
    expect(score.failing[1]).toMatchObject({ kind: 'expect_column_values_to_not_be_null', table: 'dw.t', unexpectedCount: 3, elementCount: 10, status: 'failed' });
  });
});
