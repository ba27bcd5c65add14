import { validateExpectation } from '../expectation/expectation';
import { expectations as e } from '../expectation/expectation.builders';
import { evaluateMeasurement } from '../result/expectation-result';
import { completeRun, completeSuiteRun, InvalidRunInputsError, InvalidRunParamsError, NO_INPUTS, validateRunInputs, validateRunParams } from './quality-run';

describe('runs', () => {
  it('default the inputs to zero and refuse negative or fractional counts', () => {
    expect(validateRunInputs()).toEqual(NO_INPUTS);
    expect(validateRunInputs({ rejectedRows: 3 })).toEqual({ rejectedRows: 3, deadLetters: 0 });
    expect(() => validateRunInputs({ deadLetters: -1 })).toThrow(InvalidRunInputsError);
    expect(() => validateRunInputs({ rejectedRows: 1.5 })).toThrow(/rejectedRows must be a non-negative integer/);
  });

  it('accept numeric run parameters only', () => {
    expect(validateRunParams({ orders: 99441 })).toEqual({ orders: 99441 });
    expect(validateRunParams()).toEqual({});
    expect(() => validateRunParams({ orders: '99441' })).toThrow(InvalidRunParamsError);
    expect(() => validateRunParams({ orders: Number.NaN })).toThrow(/"orders" must be a finite number/);
  });

  it('score each suite and the run as a whole', () => {
    const expectation = validateExpectation(e.notNull('t', 'a'), 'dw');
    const ok = evaluateMeasurement(expectation, { elementCount: 1, unexpectedCount: 0, metrics: {}, sample: [] });
    const bad = evaluateMeasurement(expectation, { elementCount: 1, unexpectedCount: 1, metrics: {}, sample: [] });
    const at = new Date('2024-01-01T00:00:00Z');
    const one = completeSuiteRun({ id: 's1', suite: 'one', layer: 'fact', startedAt: at, finishedAt: at, results: [ok] });
    const two = completeSuiteRun({ id: 's2', suite: 'two', layer: 'mart', startedAt: at, finishedAt: at, results: [bad] });
    expect(one.score.value).toBe(1);
    expect(two.score.value).toBe(0);
    const run = completeRun({ id: 'r', trigger: 'schedule', startedAt: at, finishedAt: at, params: {}, inputs: NO_INPUTS, suites: [one, two] });
    expect(run.score.value).toBe(0.5);
    expect(run.score.failing[0]).toMatchObject({ suite: 'two' });
  });
});
