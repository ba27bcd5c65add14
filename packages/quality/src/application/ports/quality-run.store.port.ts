import { type QualityRun } from '../../domain/run/quality-run';

export interface QualityRunStore {
  /** Stores the run, its suite runs and every result, atomically. */
  save(run: QualityRun): Promise<void>;
}
