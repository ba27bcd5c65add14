import { context, propagation, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { type EventEnvelope } from '@mercado/contracts';
import { createPool, type Pool } from '@mercado/postgres';
import { createTestDatabase, testInfrastructure, uniqueName, type TestDatabase } from '@mercado/testing';
import { Client } from 'pg';
import { type EventBatchHandler } from '../../application/consume/event-batch.handler';
import { PermanentError } from '../../domain/permanent-error';
import { EFFECT_TABLE_SQL, effectCounts, recordEffects } from '../../test-support/effect-table';
import { deleteTopics, groupProgress, readTopic } from '../../test-support/kafka-probes';
import { orderApproved } from '../../test-support/sample-events';
import { MemoryLogger } from '../../test-support/silent-logger';
import { waitFor } from '../../test-support/wait-for';
import { ensureMessagingSchema } from '../outbox/messaging-schema';
import { OutboxRelay } from '../outbox/outbox.relay';
import { OutboxWriter } from '../outbox/outbox.writer';
import { EventConsumer } from './event.consumer';
import { createKafkaClient } from './kafka-client';
import { KafkaEventPublisher } from './kafka-event.publisher';
import { provisionTopics } from './topic.provisioner';

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('EventConsumer (real PostgreSQL and Kafka)', () => {
  const infra = testInfrastructure();
  const logger = new MemoryLogger();
  const kafka = createKafkaClient({ brokers: infra.kafkaBrokers, clientId: 'consumer-int', logger });
  const publisher = new KafkaEventPublisher(kafka, { logger });
  const createdTopics: string[] = [];
  const running: { stop(): Promise<void> }[] = [];
  let database: TestDatabase;
  let pool: Pool;

  async function freshTopic(logical: string, partitions = 3): Promise<string> {
    const name = uniqueName(logical);
    await provisionTopics(kafka, [{ name, partitions }]);
    createdTopics.push(name, `${name}.dlq`);
    return name;
  }

  function consumerOn(topic: string, handler: EventBatchHandler = recordEffects, group = uniqueName('group')): EventConsumer {
    const consumer = new EventConsumer({
      kafka,
      consumer: group,
      topics: [topic],
      pool,
      handler,
      logger,
      backoff: { initialMs: 100, maxMs: 1_000, multiplier: 2, jitter: 0.1 },
    });
    running.push(consumer);
    return consumer;
  }

  beforeAll(async () => {
    database = await createTestDatabase(infra.databaseUrl, 'consumer');
    pool = createPool(database.url, { max: 4 });
    await ensureMessagingSchema(pool);
    await pool.query(EFFECT_TABLE_SQL);
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((r) => r.stop()));
    await pool.query('TRUNCATE messaging_test_effect, messaging_inbox, messaging_outbox');
  });

  afterAll(async () => {
    await publisher.disconnect();
    await pool.end();
    await database.drop();
    await deleteTopics(kafka, createdTopics);
  });

  it('dead-letters invalid JSON, an invalid envelope, an unknown type, a schema violation and a rejected event, and processes the messages after them', async () => {
    const topic = await freshTopic('dlq');
    const good = ['g1', 'g2', 'g3', 'g4'].map(() => orderApproved('order-1'));
    const rejected = orderApproved('order-1');
    const unknownType = { ...orderApproved('order-1'), type: 'sales.order.beamed', dataschema: 'urn:mercado:sales.order.beamed:1' };
    const violation = { ...orderApproved('order-1'), data: { order_id: 'order-1', approved_at: 'not a time' } };
    const sequence = [
      { value: json(good[0]), reason: null },
      { value: Buffer.from('{"id": "broken'), reason: 'unparseable' },
      { value: json({ ...good[1], id: 'not-a-uuid' }), reason: 'invalid-envelope' },
      { value: json(unknownType), reason: 'unknown-type' },
      { value: json(good[1]), reason: null },
      { value: json(violation), reason: 'schema-violation' },
      { value: json(rejected), reason: 'handler-rejected' },
      { value: json(good[2]), reason: null },
      { value: json(good[3]), reason: null },
    ];
    // One key: one partition, so "after" means after in the partition.
    await publisher.publish(sequence.map((m, i) => ({ topic, key: 'order-1', value: m.value, headers: { n: String(i) } })));

    const handler: EventBatchHandler = async (tx, events) => {
      const bad = events.filter((e) => e.id === rejected.id);
      if (bad.length > 0) throw new PermanentError('order-1 cannot be approved twice', { eventIds: bad.map((e) => e.id) });
      await recordEffects(tx, events);
    };
    const group = uniqueName('dlq_group');
    const consumer = consumerOn(topic, handler, group);
    await consumer.start();

    const letters = await readTopic(kafka, `${topic}.dlq`, 5);
    await waitFor('the good events applied', () => effectCounts(pool), (c) => c.total === 4);
    const { rows } = await pool.query<{ event_id: string }>('SELECT event_id FROM messaging_test_effect');
    expect(rows.map((r) => r.event_id).sort()).toEqual(good.map((e) => e.id).sort());

    const expectedLetters = sequence.map((m, offset) => ({ ...m, offset })).filter((m) => m.reason !== null);
    expect(letters.map((l) => [l.headers['dlq-reason'], l.headers['dlq-original-offset']])).toEqual(
      expectedLetters.map((m) => [m.reason, String(m.offset)]),
    );
    for (const letter of letters) {
      const original = expectedLetters.find((m) => String(m.offset) === letter.headers['dlq-original-offset'])!;
      expect(letter.key).toBe('order-1');
      expect(letter.value).toEqual(original.value);
      expect(letter.headers).toMatchObject({
        n: letter.headers['dlq-original-offset'],
        'dlq-original-topic': topic,
        'dlq-consumer': group,
      });
      expect(letter.headers['dlq-error']).toBeTruthy();
      expect(Number.isNaN(Date.parse(letter.headers['dlq-time']!))).toBe(false);
    }
    expect(letters.find((l) => l.headers['dlq-reason'] === 'schema-violation')!.headers['dlq-error']).toContain('data.approved_at');
    expect(letters.find((l) => l.headers['dlq-reason'] === 'handler-rejected')!.headers['dlq-error']).toContain(
      'order-1 cannot be approved twice',
    );

    const progress = await waitFor('offsets committed to the end', () => groupProgress(kafka, group, topic), (p) =>
      p.every((x) => x.end === 0 || x.committed === x.end),
    );
    expect(progress.reduce((sum, p) => sum + p.end, 0)).toBe(sequence.length);
  });

  it('carries the trace from the outbox append to the handler, and applies each event once across a restart and a rebalance', async () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    try {
      const topic = await freshTopic('e2e', 3);
      const writer = new OutboxWriter({ topicOf: () => topic });
      const producing = { traceId: 'a3ce929d0e0e47364bf92f3577b34da6', spanId: '00f067aa0ba902b7', traceFlags: TraceFlags.SAMPLED };
      const traced = orderApproved('traced-order');
      await context.with(trace.setSpanContext(ROOT_CONTEXT, producing), () => writer.append(pool, [traced]));
      // The envelope itself records the trace it was born in (the relay deletes the row once sent).
      const stored = await pool.query<{ envelope: EventEnvelope; headers: Record<string, string> }>('SELECT envelope, headers FROM messaging_outbox');
      expect(stored.rows[0]!.envelope.traceparent).toBe(`00-${producing.traceId}-${producing.spanId}-01`);
      expect(stored.rows[0]!.headers.traceparent).toBe(`00-${producing.traceId}-${producing.spanId}-01`);

      const seenTraces = new Map<string, string | undefined>();
      const handler: EventBatchHandler = async (tx, events: readonly EventEnvelope[]) => {
        for (const e of events) seenTraces.set(e.id, trace.getSpanContext(context.active())?.traceId);
        await recordEffects(tx, events);
      };
      const relay = new OutboxRelay({ database: database.url, publisher, logger, pollIntervalMs: 100 });
      running.push(relay);
      relay.start();

      const group = uniqueName('e2e_group');
      const first = consumerOn(topic, handler, group);
      await first.start();
      await waitFor('the traced event applied', async () => seenTraces.size, (n) => n === 1);
      expect(seenTraces.get(traced.id)).toBe(producing.traceId);

      // A second member joins while events flow (rebalance), then the first leaves (another one).
      const events = Array.from({ length: 3_000 }, (_, i) => orderApproved(`order-${i % 50}`));
      const appending = (async () => {
        for (let i = 0; i < events.length; i += 100) {
          await writer.append(pool, events.slice(i, i + 100));
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();
      const second = consumerOn(topic, handler, group);
      await second.start();
      await waitFor('some events applied', () => effectCounts(pool), (c) => c.total > 1_000);
      await first.stop();
      await appending;

      // Replaying the topic to the same inbox (offsets reset) must change nothing.
      await waitFor('every event applied', () => effectCounts(pool), (c) => c.total >= events.length + 1, 45_000);
      await second.stop();
      const admin = kafka.admin();
      await admin.connect();
      await admin.resetOffsets({ groupId: group, topic, earliest: true });
      await admin.disconnect();
      const replay = consumerOn(topic, handler, group);
      await replay.start();
      await waitFor('offsets committed to the end again', () => groupProgress(kafka, group, topic), (p) =>
        p.every((x) => x.committed === x.end),
      );
      expect(await effectCounts(pool)).toEqual({ total: events.length + 1, distinct: events.length + 1 });
    } finally {
      propagation.disable();
      context.disable();
    }
  });

  it('commits no offset while its database is away mid-batch, and resumes when it is back with nothing lost or doubled', async () => {
    const topic = await freshTopic('db_outage', 1);
    const group = uniqueName('outage_group');
    const events = Array.from({ length: 500 }, (_, i) => orderApproved(`order-${i}`));
    let block: Promise<void> | undefined;
    let blocked: () => void = () => undefined;
    const inBatch = new Promise<void>((resolve) => (blocked = resolve));
    const handler: EventBatchHandler = async (tx, batch) => {
      await recordEffects(tx, batch);
      if (block) {
        blocked();
        await block;
      }
    };
    let release: () => void = () => undefined;
    block = new Promise<void>((resolve) => (release = resolve));
    const consumer = consumerOn(topic, handler, group);
    await consumer.start();
    await publisher.publish(events.map((e) => ({ topic, key: e.subject, value: json(e), headers: {} })));
    await inBatch;

    // The batch's transaction is open. Cut the database off: end its sessions, refuse new ones.
    const admin = new Client({ connectionString: infra.databaseUrl });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE "${database.name}" ALLOW_CONNECTIONS false`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [
        database.name,
      ]);
      block = undefined;
      release();
      await waitFor('a retry', async () => logger.messages('warn').filter((m) => m === 'applying events failed; retrying').length, (n) => n >= 2, 15_000);
      const during = await groupProgress(kafka, group, topic);
      expect(during[0]!.committed).toBeLessThan(during[0]!.end);
    } finally {
      await admin.query(`ALTER DATABASE "${database.name}" ALLOW_CONNECTIONS true`);
      await admin.end();
    }

    await waitFor('every event applied', () => effectCounts(pool), (c) => c.total >= events.length, 30_000);
    await waitFor('offsets committed to the end', () => groupProgress(kafka, group, topic), (p) => p[0]!.committed === p[0]!.end);
    expect(await effectCounts(pool)).toEqual({ total: events.length, distinct: events.length });
  });

  it('provisions topics and their dead-letter topics idempotently, with their retention, and grows partitions', async () => {
    const name = uniqueName('provisioned');
    createdTopics.push(name, `${name}.dlq`);
    const spec = { name, partitions: 2, retentionMs: 86_400_000, cleanupPolicy: 'delete' as const };
    expect(await provisionTopics(kafka, [spec])).toEqual({ created: [name, `${name}.dlq`], existing: [], grown: [] });
    expect(await provisionTopics(kafka, [{ ...spec, partitions: 4 }])).toEqual({
      created: [],
      existing: [name, `${name}.dlq`],
      grown: [name, `${name}.dlq`],
    });
    const admin = kafka.admin();
    await admin.connect();
    try {
      // Partition counts reach the broker's metadata a moment after createPartitions returns.
      await waitFor(
        'four partitions each',
        async () => (await admin.fetchTopicMetadata({ topics: [name, `${name}.dlq`] })).topics.map((t) => t.partitions.length),
        (counts) => counts.join() === '4,4',
        10_000,
      );
      const configs = await admin.describeConfigs({
        includeSynonyms: false,
        resources: [name, `${name}.dlq`].map((topicName) => ({ type: 2, name: topicName, configNames: ['retention.ms'] })),
      });
      const retention = Object.fromEntries(configs.resources.map((r) => [r.resourceName, r.configEntries[0]!.configValue]));
      expect(retention).toEqual({ [name]: '86400000', [`${name}.dlq`]: '-1' });
    } finally {
      await admin.disconnect();
    }
  });
});
