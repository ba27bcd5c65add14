import { createPool, type Pool } from '@mercado/postgres';
import { createTestDatabase, createTestTopics, testInfrastructure, type TestDatabase, type TestTopics } from '@mercado/testing';
import { noopMessagingMetrics } from '../../application/ports/messaging-metrics.port';
import { orderApproved } from '../../test-support/sample-events';
import { MemoryLogger } from '../../test-support/silent-logger';
import { waitFor } from '../../test-support/wait-for';
import { readTopic } from '../../test-support/kafka-probes';
import { createKafkaClient } from '../kafka/kafka-client';
import { KafkaEventPublisher } from '../kafka/kafka-event.publisher';
import { ensureMessagingSchema } from './messaging-schema';
import { OutboxRelay } from './outbox.relay';
import { OutboxWriter } from './outbox.writer';

describe('outbox writer and relay (real PostgreSQL and Kafka)', () => {
  const infra = testInfrastructure();
  const logger = new MemoryLogger();
  const kafka = createKafkaClient({ brokers: infra.kafkaBrokers, clientId: 'outbox-int', logger });
  let database: TestDatabase;
  let topics: TestTopics;
  let pool: Pool;
  let publisher: KafkaEventPublisher;
  /** Stopped after each test, in order. */
  const relays: { stop(): Promise<void> }[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(infra.databaseUrl, 'outbox');
    topics = await createTestTopics(infra.kafkaBrokers, ['orders', 'other'], 3);
    pool = createPool(database.url, { max: 4 });
    await ensureMessagingSchema(pool);
    await ensureMessagingSchema(pool); // idempotent
    publisher = new KafkaEventPublisher(kafka, { logger });
  });

  afterEach(async () => {
    for (const running of relays.splice(0)) await running.stop();
  });

  afterAll(async () => {
    await publisher.disconnect();
    await pool.end();
    await database.drop();
    await topics.delete();
  });

  it('publishes only what committed, in order per key, with CloudEvents and trace headers; then deletes it', async () => {
    const writer = new OutboxWriter({ topicOf: () => topics.names.orders! });
    const committed = Array.from({ length: 300 }, (_, i) => ({ ...orderApproved(`order-${i % 7}`), correlationid: `req-${i}` }));
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await writer.append(client, committed.slice(0, 150));
      await writer.append(client, committed.slice(150));
      await client.query('COMMIT');
      await client.query('BEGIN');
      await writer.append(client, [orderApproved('rolled-back')]);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }

    const backlog: { size: number; age: number }[] = [];
    const relay = new OutboxRelay({
      database: database.url,
      publisher,
      batchSize: 64,
      logger,
      metrics: { ...noopMessagingMetrics, outboxBacklog: (size, age) => backlog.push({ size, age }) },
    });
    relays.push(relay);
    relay.start();

    const messages = await readTopic(kafka, topics.names.orders!, committed.length);
    expect(messages).toHaveLength(committed.length);
    expect(messages.some((m) => m.key === 'rolled-back')).toBe(false);
    for (const key of new Set(committed.map((e) => e.subject))) {
      const sentOrder = committed.filter((e) => e.subject === key).map((e) => e.id);
      const received = messages.filter((m) => m.key === key);
      expect(new Set(received.map((m) => m.partition)).size).toBe(1);
      expect(received.map((m) => JSON.parse(m.value!.toString()).id)).toEqual(sentOrder);
    }
    const first = messages.find((m) => JSON.parse(m.value!.toString()).id === committed[0]!.id)!;
    expect(JSON.parse(first.value!.toString())).toEqual(committed[0]);
    expect(first.headers).toMatchObject({
      ce_id: committed[0]!.id,
      ce_type: 'sales.order.approved',
      ce_source: '/mercado/test',
      'correlation-id': 'req-0',
      'content-type': 'application/cloudevents+json; charset=utf-8',
    });

    await waitFor(
      'every published row deleted',
      async () => (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM messaging_outbox')).rows[0]!.n,
      (n) => n === 0,
    );
    expect(backlog[0]!.size).toBeGreaterThanOrEqual(0);
  });

  it('elects one leader among relays of one database; a standby takes over when the leader stops', async () => {
    const writer = new OutboxWriter({ topicOf: () => topics.names.other! });
    const options = { database: database.url, publisher, logger, standbyRetryMs: 100, pollIntervalMs: 100 };
    const [a, b] = [new OutboxRelay(options), new OutboxRelay(options)];
    relays.push(a, b);
    a.start();
    await waitFor('relay a to lead', async () => a.isLeader, Boolean, 10_000);
    b.start();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(b.isLeader).toBe(false);

    await a.stop();
    await waitFor('relay b to take over', async () => b.isLeader, Boolean, 10_000);
    await pool.query('BEGIN; SELECT 1; COMMIT');
    await writer.append(pool, [orderApproved('after-takeover')]);
    const messages = await readTopic(kafka, topics.names.other!, 1);
    expect(messages.map((m) => m.key)).toEqual(['after-takeover']);
  });

  it('holds the line on a row Kafka refuses, reporting the backlog and its age, and goes on once it can be sent', async () => {
    const writer = new OutboxWriter({ topicOf: () => topics.names.other! });
    await pool.query('TRUNCATE messaging_outbox');
    // The first event names a topic that does not exist; the next event of the same order must not
    // overtake it.
    const [stuck, behind] = [orderApproved('order-9'), orderApproved('order-9')];
    await writer.append(pool, [stuck]);
    await writer.append(pool, [behind]);
    await pool.query(
      `UPDATE messaging_outbox SET topic = 'no_such_topic_${Date.now()}', created_at = now() - interval '90 seconds' WHERE event_id = $1`,
      [stuck.id],
    );

    const backlog: { size: number; age: number }[] = [];
    const ownPublisher = new KafkaEventPublisher(kafka, { logger });
    const relay = new OutboxRelay({
      database: database.url,
      publisher: ownPublisher,
      logger,
      backlogIntervalMs: 100,
      backoff: { initialMs: 50, maxMs: 200, multiplier: 2, jitter: 0 },
      metrics: { ...noopMessagingMetrics, outboxBacklog: (size, age) => backlog.push({ size, age }) },
    });
    relays.push(relay, { stop: () => ownPublisher.disconnect() });
    relay.start();
    await waitFor('a failed attempt', async () => logger.messages('warn').includes('outbox relay failed; retrying'), Boolean);
    await waitFor('a backlog report', async () => backlog.length, (n) => n > 0);
    expect(backlog[0]!.size).toBe(2);
    expect(backlog[0]!.age).toBeGreaterThanOrEqual(90);
    expect((await pool.query('SELECT event_id FROM messaging_outbox ORDER BY position')).rows).toEqual([
      { event_id: stuck.id },
      { event_id: behind.id },
    ]);

    await pool.query('UPDATE messaging_outbox SET topic = $1 WHERE event_id = $2', [topics.names.other!, stuck.id]);
    const messages = await readTopic(kafka, topics.names.other!, 3); // with the one of the takeover test
    expect(messages.filter((m) => m.key === 'order-9').map((m) => JSON.parse(m.value!.toString()).id)).toEqual([stuck.id, behind.id]);
    await waitFor(
      'the outbox emptied',
      async () => (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM messaging_outbox')).rows[0]!.n,
      (n) => n === 0,
    );
  });
});
