import { type EventBatchHandler } from '../application/consume/event-batch.handler';

/**
 * A consumer effect for tests and benchmarks: one row per applied event. It has no unique key on
 * purpose, so that an event applied twice shows up as two rows.
 */
export const EFFECT_TABLE_SQL = `
CREATE TABLE IF NOT EXISTS messaging_test_effect (
  event_id   uuid        NOT NULL,
  subject    text        NOT NULL,
  event_time timestamptz NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT clock_timestamp()
)`;

/** Writes the batch's effects with one set-based INSERT. */
export const recordEffects: EventBatchHandler = async (tx, events) => {
  await tx.query(
    `INSERT INTO messaging_test_effect (event_id, subject, event_time)
     SELECT * FROM UNNEST($1::uuid[], $2::text[], $3::timestamptz[])`,
    [events.map((e) => e.id), events.map((e) => e.subject), events.map((e) => e.time)],
  );
};

export interface EffectCounts {
  total: number;
  distinct: number;
}

export async function effectCounts(executor: {
  query(text: string): Promise<{ rows: Record<string, unknown>[] }>;
}): Promise<EffectCounts> {
  const { rows } = await executor.query(
    'SELECT count(*)::int AS total, count(DISTINCT event_id)::int AS "distinct" FROM messaging_test_effect',
  );
  return { total: rows[0]!.total as number, distinct: rows[0]!.distinct as number };
}
