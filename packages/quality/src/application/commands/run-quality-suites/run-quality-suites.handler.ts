import { type Expectation, requiredRunParameters } from '../../../domain/expectation/expectation';
import { erroredResult, evaluateMeasurement, type ExpectationResult, type RunParams, skippedResult } from '../../../domain/result/expectation-result';
import { completeRun, completeSuiteRun, DEAD_LETTERS_PARAM, REJECTED_ROWS_PARAM, type QualityRun, type RunInputs, type SuiteRun, validateRunInputs, validateRunParams } from '../../../domain/run/quality-run';
import { assertDistinctSuites, expectationsFor, type Suite, TRIGGERS, type Trigger } from '../../../domain/suite/suite';
import { type ExpectationExecutor, type MeasurementSession } from '../../ports/expectation-executor.port';
import { type QualityRunStore } from '../../ports/quality-run.store.port';

export interface RunQualitySuitesCommand {
  suites: readonly Suite[];
  trigger: Trigger;
  /** Numbers published elsewhere that some expectations compare with (e.g. `{ orders: 99441 }`). */
  params?: Record<string, number>;
  inputs?: Partial<RunInputs>;
}

export interface RunQualitySuitesDependencies {
  executor: ExpectationExecutor;
  store: QualityRunStore;
  clock?: () => Date;
  newId?: () => string;
}

/**
 * Runs the suites' expectations (the cheap subset for a batch trigger) in one snapshot, one query per
 * expectation, judges each measurement, scores the suites and the whole, and stores the run.
 * A check that cannot run becomes an `error` result; the others go on.
 */
export class RunQualitySuitesHandler {
  private readonly clock: () => Date;
  private readonly newId: () => string;

  constructor(private readonly dependencies: RunQualitySuitesDependencies) {
    this.clock = dependencies.clock ?? (() => new Date());
    this.newId = dependencies.newId ?? (() => globalThis.crypto.randomUUID());
  }

  async execute(command: RunQualitySuitesCommand): Promise<QualityRun> {
    if (!TRIGGERS.includes(command.trigger)) throw new RangeError(`unknown trigger ${JSON.stringify(command.trigger)}; expected one of ${TRIGGERS.join(', ')}`);
    assertDistinctSuites(command.suites);
    const params = validateRunParams(command.params);
    const inputs = validateRunInputs(command.inputs);
    // The inputs are run values too, so that a ratio expectation can judge them (rejected rows over rows read).
    const values: RunParams = Object.freeze({ ...params, [REJECTED_ROWS_PARAM]: inputs.rejectedRows, [DEAD_LETTERS_PARAM]: inputs.deadLetters });
    const startedAt = this.clock();
    const suites = await this.dependencies.executor.withSnapshot(async (session) => {
      const runs: SuiteRun[] = [];
      for (const suite of command.suites) runs.push(await this.runSuite(session, suite, command.trigger, values));
      return runs;
    });
    const run = completeRun({ id: this.newId(), trigger: command.trigger, startedAt, finishedAt: this.clock(), params, inputs, suites });
    await this.dependencies.store.save(run);
    return run;
  }

  private async runSuite(session: MeasurementSession, suite: Suite, trigger: Trigger, params: RunParams): Promise<SuiteRun> {
    const startedAt = this.clock();
    const results: ExpectationResult[] = [];
    for (const expectation of expectationsFor(suite, trigger)) results.push(await this.check(session, expectation, params));
    return completeSuiteRun({ id: this.newId(), suite: suite.name, layer: suite.layer, startedAt, finishedAt: this.clock(), results });
  }

  private async check(session: MeasurementSession, expectation: Expectation, params: RunParams): Promise<ExpectationResult> {
    const missing = requiredRunParameters(expectation).find((parameter) => params[parameter] === undefined);
    if (missing !== undefined) return skippedResult(expectation, `run parameter ${JSON.stringify(missing)} was not supplied`);
    const started = this.clock().getTime();
    try {
      const measurement = await session.measure(expectation, params);
      return evaluateMeasurement(expectation, measurement, params, this.clock().getTime() - started);
    } catch (error) {
      return erroredResult(expectation, error, this.clock().getTime() - started);
    }
  }
}
