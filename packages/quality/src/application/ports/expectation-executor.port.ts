import { type Expectation } from '../../domain/expectation/expectation';
import { type Measurement, type RunParams } from '../../domain/result/expectation-result';

/** Measures expectations inside one consistent view of the data. */
export interface MeasurementSession {
  /** Runs the expectation's query; rejects when the check itself cannot run (the session stays usable). */
  measure(expectation: Expectation, params: RunParams): Promise<Measurement>;
}

export interface ExpectationExecutor {
  /** Gives `work` a session whose measurements all see the same snapshot, and closes it afterwards. */
  withSnapshot<T>(work: (session: MeasurementSession) => Promise<T>): Promise<T>;
}
