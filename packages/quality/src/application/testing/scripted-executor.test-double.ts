import { type Expectation } from '../../domain/expectation/expectation';
import { type Measurement } from '../../domain/result/expectation-result';
import { type ExpectationExecutor, type MeasurementSession } from '../ports/expectation-executor.port';

export type Script = (expectation: Expectation) => Measurement | Error;

/** Measures by a script (expectation → measurement, or an Error to throw); records what it measured. */
export class ScriptedExecutor implements ExpectationExecutor {
  readonly measured: string[] = [];
  snapshots = 0;

  constructor(private readonly script: Script) {}

  async withSnapshot<T>(work: (session: MeasurementSession) => Promise<T>): Promise<T> {
    this.snapshots++;
    return work({
      measure: async (expectation) => {
        this.measured.push(expectation.id);
        const outcome = this.script(expectation);
        if (outcome instanceof Error) throw outcome;
        return outcome;
      },
    });
  }
}

export function rows(elementCount: number, unexpectedCount: number, sample: Measurement['sample'] = []): Measurement {
  return { elementCount, unexpectedCount, metrics: {}, sample };
}

export function metrics(values: Measurement['metrics']): Measurement {
  return { elementCount: null, unexpectedCount: null, metrics: values, sample: [] };
}
