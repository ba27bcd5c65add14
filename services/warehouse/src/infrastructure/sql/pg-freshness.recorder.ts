import { type BatchFreshness } from '../../domain/freshness/batch-freshness';
import { type FreshnessRecorder } from '../../application/ports/warehouse-writer.port';
import { type SqlSession } from './sql-session';

const RECORD_TOPICS = `
INSERT INTO dw_meta.freshness AS f (topic, newest_event_time, last_applied_at, events_applied, last_batch_latency_seconds)
SELECT r.topic, r.newest_event_time, clock_timestamp(), r.events, $2::numeric
FROM jsonb_to_recordset($1::jsonb) AS r(topic text, newest_event_time timestamptz, events integer)
ON CONFLICT (topic) DO UPDATE SET
  newest_event_time = greatest(f.newest_event_time, excluded.newest_event_time),
  last_applied_at = excluded.last_applied_at,
  events_applied = f.events_applied + excluded.events_applied,
  last_batch_latency_seconds = excluded.last_batch_latency_seconds`;

const RECORD_BATCH = `
INSERT INTO dw_meta.batch_log (applied_at, events, topics, apply_seconds, min_latency_seconds, max_latency_seconds, avg_latency_seconds)
VALUES (clock_timestamp(), $1, $2, $3, $4, $5, $6)
RETURNING batch_id`;

const PRUNE_BATCHES = `DELETE FROM dw_meta.batch_log WHERE applied_at < clock_timestamp() - interval '1 day'`;

/** Keeps dw_meta.freshness and dw_meta.batch_log, in the batch's transaction. */
export class PgFreshnessRecorder implements FreshnessRecorder {
  constructor(private readonly session: SqlSession) {}

  async record(freshness: BatchFreshness, applySeconds: number): Promise<void> {
    const latency = freshness.latency!;
    await this.session.query(RECORD_TOPICS, [JSON.stringify(freshness.topics.map((t) => ({ topic: t.topic, newest_event_time: t.newestEventTime, events: t.events }))), latency.max.toFixed(3)]);
    const { rows } = await this.session.query<{ batch_id: string }>(RECORD_BATCH, [
      freshness.events,
      freshness.topics.map((t) => t.topic),
      applySeconds.toFixed(3),
      latency.min.toFixed(3),
      latency.max.toFixed(3),
      latency.mean.toFixed(3),
    ]);
    // Prune now and then rather than on every batch.
    if (Number(rows[0]!.batch_id) % 500 === 0) await this.session.query(PRUNE_BATCHES);
  }
}
