import { type Pool } from '@mercado/postgres';

/**
 * The `quality` schema: runs, the suites' parts of them and every expectation's result. Idempotent
 * (IF NOT EXISTS throughout): run it at every start.
 */
export const QUALITY_SCHEMA_SQL = `
CREATE SCHEMA IF NOT EXISTS quality;

-- GRAIN: one row per run of the runner (one or more suites).
CREATE TABLE IF NOT EXISTS quality.runs (
  run_id        uuid             PRIMARY KEY,
  trigger       text             NOT NULL CHECK (trigger IN ('batch', 'schedule', 'on-demand')),
  started_at    timestamptz      NOT NULL,
  finished_at   timestamptz      NOT NULL,
  score         double precision NOT NULL,            -- every suite's results pooled
  evaluated     integer          NOT NULL,
  passed        integer          NOT NULL,
  failed        integer          NOT NULL,
  errored       integer          NOT NULL,
  skipped       integer          NOT NULL,
  params        jsonb            NOT NULL,            -- run-time values (e.g. an import's order count)
  rejected_rows bigint           NOT NULL,            -- CSV rows the importer rejected
  dead_letters  bigint           NOT NULL,            -- events sent to dead-letter topics
  suites        text[]           NOT NULL
);
CREATE INDEX IF NOT EXISTS runs_started_at ON quality.runs (started_at);
CREATE INDEX IF NOT EXISTS runs_trigger_started_at ON quality.runs (trigger, started_at);

-- GRAIN: one row per (run, suite).
CREATE TABLE IF NOT EXISTS quality.suite_runs (
  suite_run_id uuid             PRIMARY KEY,
  run_id       uuid             NOT NULL REFERENCES quality.runs ON DELETE CASCADE,
  suite        text             NOT NULL,
  layer        text             NOT NULL,
  trigger      text             NOT NULL,
  started_at   timestamptz      NOT NULL,
  finished_at  timestamptz      NOT NULL,
  score        double precision NOT NULL,
  evaluated    integer          NOT NULL,
  passed       integer          NOT NULL,
  failed       integer          NOT NULL,
  errored      integer          NOT NULL,
  skipped      integer          NOT NULL
);
CREATE INDEX IF NOT EXISTS suite_runs_suite_started_at ON quality.suite_runs (suite, started_at DESC);
CREATE INDEX IF NOT EXISTS suite_runs_run ON quality.suite_runs (run_id);

-- GRAIN: one row per (suite run, expectation).
CREATE TABLE IF NOT EXISTS quality.results (
  suite_run_id       uuid             NOT NULL REFERENCES quality.suite_runs ON DELETE CASCADE,
  expectation_id     text             NOT NULL,
  kind               text             NOT NULL,
  table_name         text             NOT NULL,
  columns            text[]           NOT NULL,
  severity           text             NOT NULL CHECK (severity IN ('error', 'warning')),
  weight             double precision NOT NULL,
  status             text             NOT NULL CHECK (status IN ('passed', 'failed', 'error', 'skipped')),
  observed           jsonb            NOT NULL,
  unexpected_count   bigint,
  element_count      bigint,
  unexpected_percent double precision,
  sample             jsonb            NOT NULL,       -- at most 20 unexpected rows, values as text
  error              text,
  duration_ms        integer,
  PRIMARY KEY (suite_run_id, expectation_id)
);
`;

/** Creates the quality schema when missing; concurrent starts serialise on an advisory lock. */
export async function ensureQualitySchema(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('mercado.quality.schema'))`);
    await client.query(QUALITY_SCHEMA_SQL);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
