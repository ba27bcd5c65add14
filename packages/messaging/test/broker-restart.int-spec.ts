import { createPool, type Pool } from '@mercado/postgres';
import { createTestDatabase, testInfrastructure, uniqueName, type TestDatabase } from '@mercado/testing';
import {
  createKafkaClient,
  ensureMessagingSchema,
  EventConsumer,
  KafkaEventPublisher,
  OutboxRelay,
  OutboxWriter,
  provisionTopics,
} from '../src';
import { EFFECT_TABLE_SQL, effectCounts, recordEffects } from '../src/test-support/effect-table';
import { groupProgress } from '../src/test-support/kafka-probes';
import { orderApproved } from '../src/test-support/sample-events';
import { MemoryLogger } from '../src/test-support/silent-logger';
import { waitFor } from '../src/test-support/wait-for';
import { OwnBroker } from './own-broker';

/**
 * The broker goes away in mid-stream and comes back (same data, so topics and committed offsets
 * survive). The relay and the consumer recover by themselves; nothing is lost or applied twice.
 */
describe('broker stopped and started again in mid-stream', () => {
  const infra = testInfrastructure();
  const logger = new MemoryLogger();
  const topic = uniqueName('broker_restart');
  let broker: OwnBroker;
  let database: TestDatabase;
  let pool: Pool;
  const running: { stop(): Promise<void> }[] = [];

  beforeAll(async () => {
    broker = await OwnBroker.create();
    [database] = await Promise.all([createTestDatabase(infra.databaseUrl, 'broker_restart'), broker.start()]);
    pool = createPool(database.url, { max: 4 });
    await ensureMessagingSchema(pool);
    await pool.query(EFFECT_TABLE_SQL);
  }, 180_000);

  afterAll(async () => {
    for (const r of running) await r.stop().catch(() => undefined);
    await pool?.end();
    await database?.drop();
    await broker?.destroy();
  }, 60_000);

  it('lets the relay and the consumer recover on their own, losing and doubling nothing', async () => {
    const kafka = createKafkaClient({ brokers: broker.brokers, clientId: 'broker-restart-test', logger });
    await provisionTopics(kafka, [{ name: topic, partitions: 3 }]);
    const publisher = new KafkaEventPublisher(kafka, { logger });
    const relay = new OutboxRelay({
      database: database.url,
      publisher,
      logger,
      backoff: { initialMs: 200, maxMs: 1_000, multiplier: 2, jitter: 0.2 },
    });
    const group = uniqueName('broker_restart_group');
    const consumer = new EventConsumer({
      kafka,
      consumer: group,
      topics: [topic],
      pool,
      handler: recordEffects,
      logger,
      backoff: { initialMs: 200, maxMs: 1_000, multiplier: 2, jitter: 0.2 },
    });
    running.push(consumer, relay, { stop: () => publisher.disconnect() });
    relay.start();
    await consumer.start();

    // A steady stream of committed events (about 1,000/s) for the whole test.
    const writer = new OutboxWriter({ topicOf: () => topic });
    let written = 0;
    let feeding = true;
    const feeder = (async () => {
      while (feeding) {
        await writer.append(pool, Array.from({ length: 25 }, (_, i) => orderApproved(`order-${(written + i) % 101}`)));
        written += 25;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();
    let restarting: Promise<void> | undefined;
    try {
      await waitFor('events flowing', () => effectCounts(pool), (c) => c.total >= 1_000, 30_000);
      await broker.stop();
      // Down for a while: the relay's sends and the consumer's fetches fail and are retried.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const writtenBeforeRestart = written;
      // kafka.sh start returns once its own readiness probe passes; the clients need not wait for that.
      restarting = broker.start();
      await waitFor(
        'events written while the broker was down applied',
        () => effectCounts(pool),
        (c) => c.total >= writtenBeforeRestart,
        120_000,
        250,
      );
    } finally {
      feeding = false;
      await feeder;
      await restarting;
    }
    const effects = await waitFor('every event applied', () => effectCounts(pool), (c) => c.total >= written, 30_000);
    expect(effects).toEqual({ total: written, distinct: written });
    await waitFor('offsets committed to the end', () => groupProgress(kafka, group, topic), (p) => p.every((x) => x.committed === x.end));
    const unpublished = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM messaging_outbox');
    expect(unpublished.rows[0]!.n).toBe(0);
  }, 240_000);
});
