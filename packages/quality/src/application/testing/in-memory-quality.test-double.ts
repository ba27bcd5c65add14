import { effectiveWeight } from '../../domain/score/score';
import { type QualityRun } from '../../domain/run/quality-run';
import { type QualityRunStore } from '../ports/quality-run.store.port';
import {
  type QualityReadModel,
  type RunSummary,
  type ScoreHistoryQuery,
  type ScorePoint,
  type StoredResult,
  type SuiteRunSummary,
} from '../ports/quality-read-model.port';

/** Keeps saved runs in memory and answers the read model's queries from them. */
export class InMemoryQuality implements QualityRunStore, QualityReadModel {
  readonly runs: QualityRun[] = [];

  async save(run: QualityRun): Promise<void> {
    this.runs.push(structuredClone(run));
  }

  private suiteRuns(): SuiteRunSummary[] {
    return this.runs.flatMap((run) =>
      run.suites.map((s) => ({
        runId: run.id,
        suiteRunId: s.id,
        suite: s.suite,
        layer: s.layer,
        trigger: run.trigger,
        startedAt: s.startedAt,
        finishedAt: s.finishedAt,
        score: s.score.value,
        evaluated: s.score.evaluated,
        passed: s.score.passed,
        failed: s.score.failed,
        errored: s.score.errored,
        skipped: s.score.skipped,
      })),
    );
  }

  async latestRuns(): Promise<SuiteRunSummary[]> {
    const latest = new Map<string, SuiteRunSummary>();
    for (const run of this.suiteRuns()) {
      const seen = latest.get(run.suite);
      if (!seen || run.startedAt >= seen.startedAt) latest.set(run.suite, run);
    }
    return [...latest.values()].sort((a, b) => a.suite.localeCompare(b.suite));
  }

  async latestRun(): Promise<RunSummary | null> {
    const run = this.runs.at(-1);
    if (!run) return null;
    return {
      runId: run.id,
      trigger: run.trigger,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      score: run.score.value,
      evaluated: run.score.evaluated,
      params: run.params,
      inputs: run.inputs,
      suites: run.suites.map((s) => s.suite),
    };
  }

  async latestResults(suite?: string): Promise<StoredResult[]> {
    const latest = await this.latestRuns();
    return latest
      .filter((s) => suite === undefined || s.suite === suite)
      .flatMap((summary) => {
        const run = this.runs.find((r) => r.id === summary.runId)!;
        const suiteRun = run.suites.find((s) => s.id === summary.suiteRunId)!;
        return suiteRun.results.map((r) => ({ ...r, suite: summary.suite, suiteRunId: summary.suiteRunId, runId: summary.runId, startedAt: summary.startedAt }));
      });
  }

  async failingExpectations(query: { suite?: string; severity?: 'error' | 'warning' } = {}): Promise<StoredResult[]> {
    return (await this.latestResults(query.suite))
      .filter((r) => (r.status === 'failed' || r.status === 'error') && (query.severity === undefined || r.severity === query.severity))
      .sort((a, b) => effectiveWeight(b) - effectiveWeight(a));
  }

  async scoreHistory(query: ScoreHistoryQuery = {}): Promise<ScorePoint[]> {
    const points: ScorePoint[] =
      query.suite === undefined
        ? this.runs.map((r) => ({ suite: null, runId: r.id, trigger: r.trigger, at: r.startedAt, score: r.score.value }))
        : this.suiteRuns()
            .filter((s) => s.suite === query.suite)
            .map((s) => ({ suite: s.suite, runId: s.runId, trigger: s.trigger, at: s.startedAt, score: s.score }));
    return points.slice(-(query.limit ?? 100));
  }
}
