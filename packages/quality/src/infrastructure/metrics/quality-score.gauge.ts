import { Gauge, type Registry } from 'prom-client';

/** Where the gauges read the latest scores (PgQualityQueries fits). */
export interface LatestScoresSource {
  latestRuns(): Promise<ReadonlyArray<{ suite: string; score: number; failed: number; errored: number }>>;
  latestRun(): Promise<{ score: number } | null>;
}

export interface QualityGauges {
  score: Gauge<'suite'>;
  failing: Gauge<'suite'>;
  overall: Gauge;
}

/**
 * Registers `quality_score{suite}`, `quality_failing_expectations{suite}` and `quality_overall_score`,
 * read from the store at each scrape (so every instance reports the same, latest, stored figures).
 * A scrape during a database outage keeps the previous values rather than failing.
 */
export function registerQualityMetrics(registry: Registry, source: LatestScoresSource): QualityGauges {
  let pending: Promise<void> | undefined;
  const refresh = async () => {
    const [suites, run] = await Promise.all([source.latestRuns(), source.latestRun()]);
    score.reset();
    failing.reset();
    for (const suite of suites) {
      score.set({ suite: suite.suite }, suite.score);
      failing.set({ suite: suite.suite }, suite.failed + suite.errored);
    }
    if (run) overall.set(run.score);
  };
  // The three gauges are collected one after the other at each scrape; one read serves them all.
  const collect = async () => {
    pending ??= refresh()
      .catch(() => undefined)
      .finally(() => {
        pending = undefined;
      });
    await pending;
  };
  const score: Gauge<'suite'> = new Gauge({
    name: 'quality_score',
    help: 'Score of the latest run of each data-quality suite (weighted share of passed expectations, 0..1)',
    labelNames: ['suite'],
    registers: [registry],
    collect,
  });
  const failing: Gauge<'suite'> = new Gauge({
    name: 'quality_failing_expectations',
    help: 'Failed or errored expectations in the latest run of each data-quality suite',
    labelNames: ['suite'],
    registers: [registry],
    collect,
  });
  const overall = new Gauge({
    name: 'quality_overall_score',
    help: 'Score of the latest data-quality run, every suite pooled (0..1)',
    registers: [registry],
    collect,
  });
  return { score, failing, overall };
}
