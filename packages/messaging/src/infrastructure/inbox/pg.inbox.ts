import { type EventEnvelope } from '@mercado/contracts';
import { type Inbox, type SqlTransaction } from '../../application/ports/inbox.port';

/** A pooled session that can run a transaction and be handed back (pg's PoolClient). */
export interface PooledSession extends SqlTransaction {
  /** Pass an error to discard a broken connection instead of returning it to the pool. */
  release(destroy?: Error | boolean): void;
  /** pg's clients are event emitters; a lost connection is reported as an 'error' event. */
  on?(event: 'error', listener: (error: Error) => void): unknown;
}

/** A connection pool (pg's Pool). */
export interface SessionPool {
  connect(): Promise<PooledSession>;
}

const RECORD_SQL = `
INSERT INTO messaging_inbox (consumer, event_id)
SELECT $1, event_id FROM UNNEST($2::uuid[]) AS event_id
ON CONFLICT DO NOTHING
RETURNING event_id::text AS event_id`;

/**
 * The inbox in PostgreSQL: one transaction inserts the batch's event ids (set-based, skipping those
 * already there) and runs the effects of the new ones. A concurrent transaction holding the same
 * event (a partition moved to another member mid-batch) makes the insert wait for its outcome, so
 * an event is applied at most once even then.
 */
export class PgInbox implements Inbox {
  constructor(
    private readonly pool: SessionPool,
    private readonly consumer: string,
  ) {}

  async applyOnce(
    envelopes: readonly EventEnvelope[],
    apply: (tx: SqlTransaction, fresh: readonly EventEnvelope[]) => Promise<void>,
  ): Promise<number> {
    if (envelopes.length === 0) return 0;
    const session = await this.pool.connect();
    guardAgainstErrorEvents(session);
    let broken: Error | undefined;
    try {
      await session.query('BEGIN');
      const { rows } = await session.query<{ event_id: string }>(RECORD_SQL, [
        this.consumer,
        envelopes.map((e) => e.id),
      ]);
      const recorded = new Set(rows.map((row) => row.event_id));
      const fresh = envelopes.filter((e) => recorded.delete(e.id.toLowerCase()));
      if (fresh.length > 0) await apply(session, fresh);
      await session.query('COMMIT');
      return fresh.length;
    } catch (error) {
      try {
        await session.query('ROLLBACK');
      } catch (rollbackError) {
        broken = rollbackError as Error;
      }
      throw error;
    } finally {
      session.release(broken);
    }
  }
}

const guarded = new WeakSet<object>();
const ignore = (): void => undefined;

/**
 * A pooled pg client whose connection dies while it is checked out (the server restarted, an admin
 * ended the session) emits 'error', and pg-pool listens only while the client is idle: without a
 * listener the process would crash. The failure also rejects the statement in flight or the next one,
 * which is where it is handled, so the event itself can be ignored.
 */
function guardAgainstErrorEvents(session: PooledSession): void {
  if (!session.on || guarded.has(session)) return;
  session.on('error', ignore);
  guarded.add(session);
}
