import { type ExpectationResult, type RunParams } from '../result/expectation-result';
import { scoreResults, scoreSuite, type Score } from '../score/score';
import { type Layer, type Trigger } from '../suite/suite';

/** What the ingestion lost before the warehouse saw it; recorded on the run and shown in the docs. */
export interface RunInputs {
  /** CSV rows the importer rejected (its rejects report). */
  rejectedRows: number;
  /** Events sent to dead-letter topics. */
  deadLetters: number;
}

/** The run values under which a run's inputs reach its expectations (a ratio over the rows read). */
export const REJECTED_ROWS_PARAM = 'rejected_rows';
export const DEAD_LETTERS_PARAM = 'dead_letters';

export const NO_INPUTS: RunInputs = Object.freeze({ rejectedRows: 0, deadLetters: 0 });

export class InvalidRunInputsError extends Error {
  constructor(readonly field: string) {
    super(`run input ${field} must be a non-negative integer`);
    this.name = 'InvalidRunInputsError';
  }
}

export function validateRunInputs(inputs: Partial<RunInputs> = {}): RunInputs {
  const valid: RunInputs = { rejectedRows: inputs.rejectedRows ?? 0, deadLetters: inputs.deadLetters ?? 0 };
  for (const field of ['rejectedRows', 'deadLetters'] as const) {
    if (!Number.isSafeInteger(valid[field]) || valid[field] < 0) throw new InvalidRunInputsError(field);
  }
  return valid;
}

export class InvalidRunParamsError extends Error {
  constructor(readonly parameter: string) {
    super(`run parameter ${JSON.stringify(parameter)} must be a finite number`);
    this.name = 'InvalidRunParamsError';
  }
}

export function validateRunParams(params: Record<string, unknown> = {}): RunParams {
  for (const [name, value] of Object.entries(params)) {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new InvalidRunParamsError(name);
  }
  return Object.freeze({ ...(params as Record<string, number>) });
}

/** One suite's part of a run. */
export interface SuiteRun {
  id: string;
  suite: string;
  layer: Layer;
  startedAt: Date;
  finishedAt: Date;
  results: ExpectationResult[];
  score: Score;
}

/** One execution of the runner over one or more suites. */
export interface QualityRun {
  id: string;
  trigger: Trigger;
  startedAt: Date;
  finishedAt: Date;
  params: RunParams;
  inputs: RunInputs;
  suites: SuiteRun[];
  /** Every suite's results pooled (not the mean of the suites' scores). */
  score: Score;
}

export function completeSuiteRun(fields: Omit<SuiteRun, 'score'>): SuiteRun {
  return { ...fields, score: scoreSuite(fields.suite, fields.results) };
}

export function completeRun(fields: Omit<QualityRun, 'score'>): QualityRun {
  return { ...fields, score: scoreResults(fields.suites.map((s) => ({ suite: s.suite, results: s.results }))) };
}
