import { type Pool, withTransaction } from '@mercado/postgres';
import { type QualityRun } from '../../domain/run/quality-run';
import { type Trigger } from '../../domain/suite/suite';
import { type QualityRunStore } from '../../application/ports/quality-run.store.port';

const INSERT_RUN = `
INSERT INTO quality.runs (run_id, trigger, started_at, finished_at, score, evaluated, passed, failed, errored, skipped, params, rejected_rows, dead_letters, suites)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`;

const INSERT_SUITE_RUNS = `
INSERT INTO quality.suite_runs (suite_run_id, run_id, suite, layer, trigger, started_at, finished_at, score, evaluated, passed, failed, errored, skipped)
SELECT s.suite_run_id, $2, s.suite, s.layer, $3, s.started_at, s.finished_at, s.score, s.evaluated, s.passed, s.failed, s.errored, s.skipped
FROM jsonb_to_recordset($1::jsonb) AS s(suite_run_id uuid, suite text, layer text, started_at timestamptz, finished_at timestamptz,
  score double precision, evaluated integer, passed integer, failed integer, errored integer, skipped integer)`;

const INSERT_RESULTS = `
INSERT INTO quality.results (suite_run_id, expectation_id, kind, table_name, columns, severity, weight, status, observed,
  unexpected_count, element_count, unexpected_percent, sample, error, duration_ms)
SELECT r.suite_run_id, r.expectation_id, r.kind, r.table_name, r.columns, r.severity, r.weight, r.status, r.observed,
  r.unexpected_count, r.element_count, r.unexpected_percent, r.sample, r.error, r.duration_ms
FROM jsonb_to_recordset($1::jsonb) AS r(suite_run_id uuid, expectation_id text, kind text, table_name text, columns text[],
  severity text, weight double precision, status text, observed jsonb, unexpected_count bigint, element_count bigint,
  unexpected_percent double precision, sample jsonb, error text, duration_ms integer)`;

/** Stores a run in three set-based statements, in one transaction. */
export class PgQualityRunStore implements QualityRunStore {
  constructor(private readonly pool: Pool) {}

  async save(run: QualityRun): Promise<void> {
    const { score } = run;
    await withTransaction(this.pool, async (tx) => {
      await tx.query(INSERT_RUN, [
        run.id,
        run.trigger,
        run.startedAt,
        run.finishedAt,
        score.value,
        score.evaluated,
        score.passed,
        score.failed,
        score.errored,
        score.skipped,
        JSON.stringify(run.params),
        run.inputs.rejectedRows,
        run.inputs.deadLetters,
        run.suites.map((s) => s.suite),
      ]);
      const suiteRuns = run.suites.map((s) => ({
        suite_run_id: s.id,
        suite: s.suite,
        layer: s.layer,
        started_at: s.startedAt.toISOString(),
        finished_at: s.finishedAt.toISOString(),
        score: s.score.value,
        evaluated: s.score.evaluated,
        passed: s.score.passed,
        failed: s.score.failed,
        errored: s.score.errored,
        skipped: s.score.skipped,
      }));
      await tx.query(INSERT_SUITE_RUNS, [JSON.stringify(suiteRuns), run.id, run.trigger]);
      const results = run.suites.flatMap((s) =>
        s.results.map((r) => ({
          suite_run_id: s.id,
          expectation_id: r.expectationId,
          kind: r.kind,
          table_name: r.table,
          columns: r.columns,
          severity: r.severity,
          weight: r.weight,
          status: r.status,
          observed: r.observedValue,
          unexpected_count: r.unexpectedCount,
          element_count: r.elementCount,
          unexpected_percent: r.unexpectedPercent,
          sample: r.sample,
          error: r.error ?? null,
          duration_ms: r.durationMs === undefined ? null : Math.round(r.durationMs),
        })),
      );
      if (results.length > 0) await tx.query(INSERT_RESULTS, [JSON.stringify(results)]);
    });
  }

  /** Deletes runs of a trigger started before `before` (with their suite runs and results). */
  async prune(trigger: Trigger, before: Date): Promise<number> {
    const { rowCount } = await this.pool.query('DELETE FROM quality.runs WHERE trigger = $1 AND started_at < $2', [trigger, before]);
    return rowCount ?? 0;
  }
}
