import { type Suite } from '../../../domain/suite/suite';
import { type QualityReadModel, type RunSummary, type ScorePoint, type StoredResult, type SuiteRunSummary } from '../../ports/quality-read-model.port';

/** Everything the data docs page shows. */
export interface DataDocsModel {
  title: string;
  generatedAt: Date;
  /** The declared suites (expectations shown even before they first ran). */
  suites: readonly Suite[];
  latestRun: RunSummary | null;
  /** Each suite's latest run. */
  suiteRuns: SuiteRunSummary[];
  /** Every result of each suite's latest run. */
  results: StoredResult[];
  /** Score history per suite name, oldest first. */
  history: Record<string, ScorePoint[]>;
  /** Overall score of each run, oldest first. */
  overallHistory: ScorePoint[];
}

export interface DataDocsModelOptions {
  title?: string;
  /** Points per sparkline (30 by default). */
  historyLimit?: number;
  clock?: () => Date;
}

/** Reads what the data docs need: the latest run of every declared suite and each one's score history. */
export async function buildDataDocsModel(readModel: QualityReadModel, suites: readonly Suite[], options: DataDocsModelOptions = {}): Promise<DataDocsModel> {
  const limit = options.historyLimit ?? 30;
  const [latestRun, suiteRuns, results, overallHistory] = await Promise.all([
    readModel.latestRun(),
    readModel.latestRuns(),
    readModel.latestResults(),
    readModel.scoreHistory({ limit }),
  ]);
  const history: Record<string, ScorePoint[]> = {};
  for (const suite of suites) history[suite.name] = await readModel.scoreHistory({ suite: suite.name, limit });
  return {
    title: options.title ?? 'Mercado warehouse data quality',
    generatedAt: (options.clock ?? (() => new Date()))(),
    suites,
    latestRun,
    suiteRuns,
    results,
    history,
    overallHistory,
  };
}
