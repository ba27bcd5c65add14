import { type Pool } from '@mercado/postgres';
import { type ExpectationKind, type Severity } from '../../domain/expectation/expectation';
import { type JsonValue, type ResultStatus, type SampleRow } from '../../domain/result/expectation-result';
import { type Layer, type Trigger } from '../../domain/suite/suite';
import {
  type QualityReadModel,
  type RunSummary,
  type ScoreHistoryQuery,
  type ScorePoint,
  type StoredResult,
  type SuiteRunSummary,
} from '../../application/ports/quality-read-model.port';

interface SuiteRunRow {
  run_id: string;
  suite_run_id: string;
  suite: string;
  layer: Layer;
  trigger: Trigger;
  started_at: Date;
  finished_at: Date;
  score: number;
  evaluated: number;
  passed: number;
  failed: number;
  errored: number;
  skipped: number;
}

interface ResultRow {
  run_id: string;
  suite_run_id: string;
  suite: string;
  started_at: Date;
  expectation_id: string;
  kind: ExpectationKind;
  table_name: string;
  columns: string[];
  severity: Severity;
  weight: number;
  status: ResultStatus;
  observed: Record<string, JsonValue>;
  unexpected_count: string | null;
  element_count: string | null;
  unexpected_percent: number | null;
  sample: SampleRow[];
  error: string | null;
  duration_ms: number | null;
}

// The latest suite run of each suite (optionally of one trigger).
const LATEST_SUITE_RUNS = `
SELECT DISTINCT ON (suite) suite_run_id, run_id, suite, layer, trigger, started_at, finished_at, score, evaluated, passed, failed, errored, skipped
FROM quality.suite_runs
WHERE ($1::text IS NULL OR trigger = $1) AND ($2::text IS NULL OR suite = $2)
ORDER BY suite, started_at DESC, suite_run_id`;

const RESULTS_OF_LATEST = `
WITH latest AS (${LATEST_SUITE_RUNS})
SELECT l.run_id, l.suite_run_id, l.suite, l.started_at, r.expectation_id, r.kind, r.table_name, r.columns, r.severity, r.weight, r.status,
  r.observed, r.unexpected_count, r.element_count, r.unexpected_percent, r.sample, r.error, r.duration_ms
FROM latest l JOIN quality.results r USING (suite_run_id)
WHERE ($3::text[] IS NULL OR r.status = ANY($3)) AND ($4::text IS NULL OR r.severity = $4)
ORDER BY `;

function toSuiteRun(row: SuiteRunRow): SuiteRunSummary {
  return {
    runId: row.run_id,
    suiteRunId: row.suite_run_id,
    suite: row.suite,
    layer: row.layer,
    trigger: row.trigger,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    score: row.score,
    evaluated: row.evaluated,
    passed: row.passed,
    failed: row.failed,
    errored: row.errored,
    skipped: row.skipped,
  };
}

function toResult(row: ResultRow): StoredResult {
  const result: StoredResult = {
    runId: row.run_id,
    suiteRunId: row.suite_run_id,
    suite: row.suite,
    startedAt: row.started_at,
    expectationId: row.expectation_id,
    kind: row.kind,
    table: row.table_name,
    columns: row.columns,
    severity: row.severity,
    weight: row.weight,
    status: row.status,
    passed: row.status === 'passed',
    observedValue: row.observed,
    unexpectedCount: row.unexpected_count === null ? null : Number(row.unexpected_count),
    elementCount: row.element_count === null ? null : Number(row.element_count),
    unexpectedPercent: row.unexpected_percent,
    sample: row.sample,
  };
  if (row.error !== null) result.error = row.error;
  if (row.duration_ms !== null) result.durationMs = row.duration_ms;
  return result;
}

/** The query API over the quality schema, for the warehouse's HTTP layer, the gauge and the data docs. */
export class PgQualityQueries implements QualityReadModel {
  constructor(private readonly pool: Pool) {}

  async latestRuns(query: { trigger?: Trigger } = {}): Promise<SuiteRunSummary[]> {
    const { rows } = await this.pool.query<SuiteRunRow>(LATEST_SUITE_RUNS, [query.trigger ?? null, null]);
    return rows.map(toSuiteRun);
  }

  async latestRun(): Promise<RunSummary | null> {
    const { rows } = await this.pool.query<{
      run_id: string;
      trigger: Trigger;
      started_at: Date;
      finished_at: Date;
      score: number;
      evaluated: number;
      params: Record<string, number>;
      rejected_rows: string;
      dead_letters: string;
      suites: string[];
    }>(`SELECT run_id, trigger, started_at, finished_at, score, evaluated, params, rejected_rows, dead_letters, suites FROM quality.runs ORDER BY started_at DESC, run_id LIMIT 1`);
    const row = rows[0];
    if (!row) return null;
    return {
      runId: row.run_id,
      trigger: row.trigger,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      score: row.score,
      evaluated: row.evaluated,
      params: row.params,
      inputs: { rejectedRows: Number(row.rejected_rows), deadLetters: Number(row.dead_letters) },
      suites: row.suites,
    };
  }

  async latestResults(suite?: string): Promise<StoredResult[]> {
    const { rows } = await this.pool.query<ResultRow>(`${RESULTS_OF_LATEST} l.suite, r.expectation_id`, [null, suite ?? null, null, null]);
    return rows.map(toResult);
  }

  async failingExpectations(query: { suite?: string; severity?: Severity; trigger?: Trigger } = {}): Promise<StoredResult[]> {
    const { rows } = await this.pool.query<ResultRow>(
      `${RESULTS_OF_LATEST} r.weight * CASE r.severity WHEN 'error' THEN 3 ELSE 1 END DESC, l.suite, r.expectation_id`,
      [query.trigger ?? null, query.suite ?? null, ['failed', 'error'], query.severity ?? null],
    );
    return rows.map(toResult);
  }

  async scoreHistory(query: ScoreHistoryQuery = {}): Promise<ScorePoint[]> {
    const limit = query.limit ?? 100;
    if (!Number.isSafeInteger(limit) || limit <= 0) throw new RangeError('limit must be a positive integer');
    const filters = [query.since ?? null, query.trigger ?? null, limit];
    const { rows } =
      query.suite === undefined
        ? await this.pool.query<{ suite: null; run_id: string; trigger: Trigger; at: Date; score: number }>(
            `SELECT NULL AS suite, run_id, trigger, started_at AS at, score FROM quality.runs
             WHERE ($1::timestamptz IS NULL OR started_at >= $1) AND ($2::text IS NULL OR trigger = $2)
             ORDER BY started_at DESC, run_id LIMIT $3`,
            filters,
          )
        : await this.pool.query<{ suite: string; run_id: string; trigger: Trigger; at: Date; score: number }>(
            `SELECT suite, run_id, trigger, started_at AS at, score FROM quality.suite_runs
             WHERE suite = $4 AND ($1::timestamptz IS NULL OR started_at >= $1) AND ($2::text IS NULL OR trigger = $2)
             ORDER BY started_at DESC, suite_run_id LIMIT $3`,
            [...filters, query.suite],
          );
    return rows.reverse().map((row) => ({ suite: row.suite, runId: row.run_id, trigger: row.trigger, at: row.at, score: row.score }));
  }
}
