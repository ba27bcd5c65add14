/**
 * dw_meta: the warehouse's operational tables, outside the swappable `dw` schema. Idempotent; run at
 * every start before the warehouse migrations.
 */
export const META_SCHEMA_SQL = `
CREATE SCHEMA IF NOT EXISTS dw_meta;

-- GRAIN: one row per logical topic: the newest event applied and when.
CREATE TABLE IF NOT EXISTS dw_meta.freshness (
  topic                      text        PRIMARY KEY,
  newest_event_time          timestamptz NOT NULL,
  last_applied_at            timestamptz NOT NULL,
  events_applied             bigint      NOT NULL,
  last_batch_latency_seconds numeric(14,3) NOT NULL
);

-- GRAIN: one row per (consumer, topic, partition): the lag Kafka reported after the last commit.
CREATE TABLE IF NOT EXISTS dw_meta.consumer_lag (
  consumer    text        NOT NULL,
  topic       text        NOT NULL,
  partition   integer     NOT NULL,
  lag         bigint      NOT NULL,
  observed_at timestamptz NOT NULL,
  PRIMARY KEY (consumer, topic, partition)
);

-- GRAIN: one row per batch applied to the live warehouse (kept for a day): the event-to-mart
-- latency, from the event times of its events to the commit of the marts they changed.
CREATE TABLE IF NOT EXISTS dw_meta.batch_log (
  batch_id            bigserial   PRIMARY KEY,
  applied_at          timestamptz NOT NULL,
  events              integer     NOT NULL,
  topics              text[]      NOT NULL,
  apply_seconds       numeric(12,3) NOT NULL,
  min_latency_seconds numeric(14,3) NOT NULL,
  max_latency_seconds numeric(14,3) NOT NULL,
  avg_latency_seconds numeric(14,3) NOT NULL
);
CREATE INDEX IF NOT EXISTS batch_log_applied_at ON dw_meta.batch_log (applied_at);

-- GRAIN: one row per rebuild started.
CREATE TABLE IF NOT EXISTS dw_meta.rebuild_log (
  rebuild_id   text        PRIMARY KEY,
  started_at   timestamptz NOT NULL,
  finished_at  timestamptz,
  status       text        NOT NULL,
  events       bigint      NOT NULL DEFAULT 0,
  error        text
);
`;
