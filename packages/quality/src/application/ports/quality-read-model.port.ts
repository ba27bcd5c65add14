import { type Layer, type Trigger } from '../../domain/suite/suite';
import { type ExpectationResult, type RunParams } from '../../domain/result/expectation-result';
import { type RunInputs } from '../../domain/run/quality-run';

/** A suite's latest run as stored. */
export interface SuiteRunSummary {
  runId: string;
  suiteRunId: string;
  suite: string;
  layer: Layer;
  trigger: Trigger;
  startedAt: Date;
  finishedAt: Date;
  score: number;
  evaluated: number;
  passed: number;
  failed: number;
  errored: number;
  skipped: number;
}

/** A run (all its suites) as stored. */
export interface RunSummary {
  runId: string;
  trigger: Trigger;
  startedAt: Date;
  finishedAt: Date;
  score: number;
  evaluated: number;
  params: RunParams;
  inputs: RunInputs;
  suites: string[];
}

export interface StoredResult extends ExpectationResult {
  suite: string;
  suiteRunId: string;
  runId: string;
  startedAt: Date;
}

export interface ScorePoint {
  /** null for the overall score of a run. */
  suite: string | null;
  runId: string;
  trigger: Trigger;
  at: Date;
  score: number;
}

export interface ScoreHistoryQuery {
  /** One suite's history; omitted: the overall score of each run. */
  suite?: string;
  since?: Date;
  /** The newest `limit` points (100 by default), returned oldest first. */
  limit?: number;
  trigger?: Trigger;
}

export interface QualityReadModel {
  /** The latest run of each suite, by suite name. */
  latestRuns(): Promise<SuiteRunSummary[]>;
  /** The newest run overall (with its inputs), or null before the first. */
  latestRun(): Promise<RunSummary | null>;
  /** Every result of each suite's latest run (passing ones too). */
  latestResults(suite?: string): Promise<StoredResult[]>;
  /** Failed and errored results of each suite's latest run, with their samples, heaviest first. */
  failingExpectations(query?: { suite?: string; severity?: 'error' | 'warning' }): Promise<StoredResult[]>;
  scoreHistory(query?: ScoreHistoryQuery): Promise<ScorePoint[]>;
}
