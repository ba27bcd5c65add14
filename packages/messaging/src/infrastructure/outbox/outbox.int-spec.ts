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
  const relays: OutboxRelay[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(infra.databaseUrl, 'outbox');
    topics = await createTestTopics(infra.kafkaBrokers, ['orders', 'other'], 3);
    pool = createPool(database.url, { max: 4 });
    await ensureMessagingSchema(pool);
    await ensureMessagingSchema(pool); // idempotent
    publisher = new KafkaEventPublisher(kafka, { logger });
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((relay) => relay.stop()));
  });

  afterAll(async () => {
    await publisher.disconnect();
    await pool.end();
    await database.drop();
    await topics.delete();
  });

  it('publishes only what committed, in order per key, with CloudEvents and trace headers; then marks it published', async () => {
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

    const { rows } = await waitFor(
      'every row marked published',
      () => pool.query<{ unpublished: number; published: number }>(
        `SELECT count(*) FILTER (WHERE published_at IS NULL)::int AS unpublished, count(*) FILTER (WHERE published_at IS NOT NULL)::int AS published FROM messaging_outbox`,
      ),
      (r) => r.rows[0]!.unpublished === 0,
    );
    expect(rows[0]!.published).toBe(committed.length);
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

  it('deletes published rows once they are older than the retention, and reports the backlog', async () => {
    const writer = new OutboxWriter({ topicOf: () => topics.names.other! });
    await pool.query('TRUNCATE messaging_outbox');
    await writer.append(pool, [orderApproved('old-1'), orderApproved('old-2')]);
    await writer.append(pool, [orderApproved('recent')]);
    await pool.query(`UPDATE messaging_outbox SET published_at = now() - interval '2 hours' WHERE key LIKE 'old-%'`);
    await pool.query(`UPDATE messaging_outbox SET published_at = now() - interval '5 minutes' WHERE key = 'recent'`);
    // An unpublished row on a topic that does not exist: the backlog grows and ages; the relay keeps trying.
    await writer.append(pool, [orderApproved('stuck')]);
    await pool.query(`UPDATE messaging_outbox SET topic = 'no_such_topic_${Date.now()}', created_at = now() - interval '90 seconds' WHERE key = 'stuck'`);

    const backlog: { size: number; age: number }[] = [];
    const relay = new OutboxRelay({
      database: database.url,
      publisher: new KafkaEventPublisher(kafka, { logger }),
      logger,
      backlogIntervalMs: 100,
      publishedRetentionMs: 3_600_000,
      backoff: { initialMs: 50, maxMs: 200, multiplier: 2, jitter: 0 },
      metrics: { ...noopMessagingMetrics, outboxBacklog: (size, age) => backlog.push({ size, age }) },
    });
    relays.push(relay);
    relay.start();
    await waitFor(
      'old published rows deleted',
      async () => (await pool.query<{ key: string }>('SELECT key FROM messaging_outbox ORDER BY key')).rows.map((r) => r.key),
      (keys) => keys.join() === 'recent,stuck',
    );
    await waitFor('a backlog report', async () => backlog.length, (n) => n > 0);
    expect(backlog[0]!.size).toBe(1);
    expect(backlog[0]!.age).toBeGreaterThanOrEqual(90);
    await pool.query(`DELETE FROM messaging_outbox WHERE key = 'stuck'`);
  });
});
