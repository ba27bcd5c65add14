import { Client, type ClientConfig } from 'pg';
import { type EventPublisher } from '../../application/ports/event-publisher.port';
import { stderrMessagingLogger, type MessagingLogger } from '../../application/ports/messaging-logger.port';
import { noopMessagingMetrics, type MessagingMetrics } from '../../application/ports/messaging-metrics.port';
import { groupInOrder } from '../../domain/batches';
import { describeError } from '../../domain/failure-classification';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from '../../domain/retry-backoff';
import { OUTBOX_CHANNEL } from './messaging-schema';

export interface OutboxRelayOptions {
  /** The service's database (the relay holds one connection of its own: leader lock and LISTEN). */
  database: string | ClientConfig;
  publisher: EventPublisher;
  /** Rows read and sent per round (2,000). */
  batchSize?: number;
  /** Look for rows this often even without a notification (1 s): a lost NOTIFY delays, never loses. */
  pollIntervalMs?: number;
  /** How often a standby relay tries to become the leader (2 s). */
  standbyRetryMs?: number;
  /** How often the backlog is measured (5 s). */
  backlogIntervalMs?: number;
  /** Names the leader lock; relays of one database with the same key share one leader. */
  lockKey?: string;
  metrics?: MessagingMetrics;
  logger?: MessagingLogger;
  backoff?: BackoffPolicy;
}

interface OutboxRow {
  position: string;
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

const SELECT_SQL = `
SELECT position, topic, key, envelope::text AS value, headers
FROM messaging_outbox
ORDER BY position
LIMIT $1`;
const DELETE_SQL = `DELETE FROM messaging_outbox WHERE position = ANY($1::bigint[])`;
const BACKLOG_SQL = `
SELECT count(*)::int AS size,
       COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS oldest
FROM messaging_outbox`;

/**
 * Publishes the outbox: its rows in position order, in batches, with the idempotent producer; then
 * deletes them. Woken by NOTIFY from the writer, with polling as a fallback.
 *
 * One leader per database, chosen by a session-level advisory lock held on the relay's own
 * connection; other instances stand by and take over when that connection ends (the leader died).
 * A single publisher keeps each key's events in outbox order. (SELECT ... FOR UPDATE SKIP LOCKED would
 * let two relays send different rows at once, so a later event of a key could overtake an earlier
 * one held by the other relay.) Everything is read and deleted on the lock's connection: if that
 * connection is lost, so is the lock, and this relay stops publishing before another one starts.
 *
 * Delivery is at least once: a relay killed between sending and deleting sends those rows again on
 * restart; the consumers' inbox drops the duplicates. Rows are always read from the lowest position
 * (never from a remembered cursor): a transaction that took its positions earlier but commits later
 * must still go out before the later events of the same aggregate.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly standbyRetryMs: number;
  private readonly backlogIntervalMs: number;
  private readonly lockKey: string;
  private readonly metrics: MessagingMetrics;
  private readonly logger: MessagingLogger;
  private readonly backoff: BackoffPolicy;

  private session: Client | undefined;
  private leader = false;
  private stopping = false;
  private loop: Promise<void> | undefined;
  private notified = false;
  private wake: (() => void) | undefined;
  private lastBacklogAt = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 2_000;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.standbyRetryMs = options.standbyRetryMs ?? 2_000;
    this.backlogIntervalMs = options.backlogIntervalMs ?? 5_000;
    this.lockKey = options.lockKey ?? 'messaging_outbox_relay';
    this.metrics = options.metrics ?? noopMessagingMetrics;
    this.logger = options.logger ?? stderrMessagingLogger;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
  }

  /** True while this instance holds the leader lock. */
  get isLeader(): boolean {
    return this.leader;
  }

  /** Starts relaying in the background; returns at once. */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run();
  }

  /** Finishes the batch in flight, then lets go of the lock and the connection. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeUp();
    await this.loop;
    this.loop = undefined;
    await this.closeSession();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      try {
        const session = await this.ensureSession();
        if (!this.leader && !(await this.becomeLeader(session))) {
          await this.sleep(this.standbyRetryMs);
          continue;
        }
        // The backlog first: it must be reported most of all while publishing fails.
        await this.reportBacklog(session);
        const published = await this.publishBatch(session);
        failures = 0;
        if (published < this.batchSize) await this.waitForWork();
      } catch (error) {
        failures++;
        const delayMs = backoffDelay(this.backoff, failures);
        this.logger.warn({ error: describeError(error), attempt: failures, delayMs }, 'outbox relay failed; retrying');
        // Any failure but Kafka's may have left the session unusable (or mid-statement): start afresh.
        if (!(error instanceof PublishFailedError)) await this.closeSession();
        await this.sleep(delayMs);
      }
    }
  }

  private async publishBatch(session: Client): Promise<number> {
    this.notified = false;
    const { rows } = await session.query<OutboxRow>(SELECT_SQL, [this.batchSize]);
    if (rows.length === 0) return 0;
    try {
      await this.options.publisher.publish(
        rows.map((row) => ({ topic: row.topic, key: row.key, value: row.value, headers: row.headers })),
      );
    } catch (error) {
      throw new PublishFailedError(error);
    }
    await session.query(DELETE_SQL, [rows.map((row) => row.position)]);
    for (const [topic, ofTopic] of groupInOrder(rows, (row) => row.topic)) this.metrics.eventsPublished(topic, ofTopic.length);
    return rows.length;
  }

  private async reportBacklog(session: Client): Promise<void> {
    const now = Date.now();
    if (now - this.lastBacklogAt < this.backlogIntervalMs) return;
    this.lastBacklogAt = now;
    const { rows } = await session.query<{ size: number; oldest: number }>(BACKLOG_SQL);
    this.metrics.outboxBacklog(rows[0]!.size, rows[0]!.oldest);
  }

  private async ensureSession(): Promise<Client> {
    if (this.session) return this.session;
    const config = typeof this.options.database === 'string' ? { connectionString: this.options.database } : this.options.database;
    const session = new Client({ application_name: 'outbox-relay', ...config });
    session.on('error', (error) => {
      this.logger.warn({ error: describeError(error) }, 'outbox relay lost its database connection');
      if (this.session === session) this.dropSession();
      this.wakeUp();
    });
    session.on('notification', () => {
      this.notified = true;
      // A standby hears every commit too; it keeps to its own pace for trying the lock.
      if (this.leader) this.wakeUp();
    });
    try {
      await session.connect();
      // The relay's queries must walk the primary key in position order. Without fresh statistics
      // (a new table, a backlog that grew fast) the planner may prefer a bitmap scan and sort of the
      // whole backlog for every batch; on this connection of its own the relay rules that out.
      await session.query('SET enable_seqscan = off; SET enable_bitmapscan = off');
      await session.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (error) {
      await session.end().catch(() => undefined);
      throw error;
    }
    this.session = session;
    return session;
  }

  private async becomeLeader(session: Client): Promise<boolean> {
    const { rows } = await session.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [this.lockKey]);
    this.leader = rows[0]!.locked;
    if (this.leader) {
      this.logger.info({ lockKey: this.lockKey }, 'outbox relay is the leader');
      // Rows may have been waiting while another relay led, or while nobody did.
      this.notified = true;
    }
    return this.leader;
  }

  private dropSession(): Client | undefined {
    const session = this.session;
    this.session = undefined;
    this.leader = false;
    return session;
  }

  private async closeSession(): Promise<void> {
    // Ending the connection releases the advisory lock.
    await this.dropSession()?.end().catch(() => undefined);
  }

  private async waitForWork(): Promise<void> {
    if (this.notified || this.stopping) return;
    await this.sleep(this.pollIntervalMs);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        if (this.wake === done) this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  private wakeUp(): void {
    this.wake?.();
  }
}

/** Kafka did not take a batch; the relay's database session is fine and is kept. */
class PublishFailedError extends Error {
  constructor(cause: unknown) {
    super(`publishing failed: ${describeError(cause)}`, { cause });
    this.name = 'PublishFailedError';
  }
}
