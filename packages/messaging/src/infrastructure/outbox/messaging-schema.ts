import { type SqlExecutor } from './sql-executor';

/** The channel the outbox writer notifies (on commit) and the relay listens to. */
export const OUTBOX_CHANNEL = 'messaging_outbox';

/**
 * The tables of the transactional outbox and the idempotent inbox. Every service includes this text in
 * its own migrations (it is idempotent, so ensureMessagingSchema may run it again at start-up).
 *
 * - messaging_outbox: events written in the same transaction as the state change that caused them,
 *   published by the relay in `position` order and deleted once Kafka has acknowledged them. (Marking
 *   them published instead would cost PostgreSQL a new row version and two index entries per event,
 *   then a delete anyway: about three times the relay's database work.) Every row is unpublished.
 *   The envelope and headers are `json`, not `jsonb`: nothing queries inside them, they are kept only
 *   to be sent, and `json` stores the writer's text as it is (checked, not rebuilt), so the relay
 *   publishes exactly those bytes. `jsonb` cost PostgreSQL about half again as much per event to
 *   write and three times as much to read back as text.
 * - messaging_inbox: the events each consumer has applied, written in the transaction of the effect,
 *   so that a redelivered event is recognised and skipped.
 */
export const outboxMigrationSql = `
CREATE TABLE IF NOT EXISTS messaging_outbox (
  position     bigserial   PRIMARY KEY,
  event_id     uuid        NOT NULL UNIQUE,
  topic        text        NOT NULL,
  key          text        NOT NULL,
  envelope     json        NOT NULL,
  headers      json        NOT NULL DEFAULT '{}'::json,
  created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS messaging_inbox (
  consumer   text        NOT NULL,
  event_id   uuid        NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, event_id)
);
`;

/** Creates the outbox and inbox tables when missing (for tools and tests; services use migrations). */
export async function ensureMessagingSchema(executor: SqlExecutor): Promise<void> {
  // Two processes starting together may race on CREATE TABLE IF NOT EXISTS. Sent as one simple query,
  // the statements run in one implicit transaction, which the advisory lock serialises.
  await executor.query(`SELECT pg_advisory_xact_lock(hashtext('messaging_schema'));\n${outboxMigrationSql}`);
}
