import path from 'node:path';
import { createPool, type Pool } from '@mercado/postgres';
import { createTestDatabase, testInfrastructure, uniqueName, type TestDatabase } from '@mercado/testing';
import {
  createKafkaClient,
  ensureMessagingSchema,
  EventConsumer,
  OutboxWriter,
  provisionTopics,
} from '../src';
import { EFFECT_TABLE_SQL, effectCounts, recordEffects } from '../src/test-support/effect-table';
import { deleteTopics, groupProgress } from '../src/test-support/kafka-probes';
import { orderApproved } from '../src/test-support/sample-events';
import { MemoryLogger } from '../src/test-support/silent-logger';
import { waitFor } from '../src/test-support/wait-for';
import { runScript, type ChildScript } from '../src/test-support/child-script';

/**
 * The relay runs as a real process and is killed with SIGKILL twice: once in the window between a
 * send acknowledged by Kafka and the rows deleted from the outbox (so it sends them again on restart), once
 * at whatever point it has reached. Every committed event must reach the consumer, whose effect must
 * count each event exactly once.
 */
describe('outbox relay killed with SIGKILL mid-publish', () => {
  const infra = testInfrastructure();
  const logger = new MemoryLogger();
  const kafka = createKafkaClient({ brokers: infra.kafkaBrokers, clientId: 'relay-crash-test', logger });
  const topic = uniqueName('relay_crash');
  const children: ChildScript[] = [];
  let database: TestDatabase;
  let pool: Pool;
  let consumer: EventConsumer | undefined;

  beforeAll(async () => {
    database = await createTestDatabase(infra.databaseUrl, 'relay_crash');
    pool = createPool(database.url, { max: 4 });
    await ensureMessagingSchema(pool);
    await pool.query(EFFECT_TABLE_SQL);
    await provisionTopics(kafka, [{ name: topic, partitions: 3 }]);
  });

  afterAll(async () => {
    for (const child of children) child.process.kill('SIGKILL');
    await consumer?.stop();
    await pool.end();
    await database.drop();
    await deleteTopics(kafka, [topic, `${topic}.dlq`]);
  });

  const writer = new OutboxWriter({ topicOf: () => topic });
  async function writeEvents(count: number, label: string): Promise<void> {
    const client = await pool.connect();
    try {
      for (let i = 0; i < count; i += 1_000) {
        await client.query('BEGIN');
        await writer.append(
          client,
          Array.from({ length: Math.min(1_000, count - i) }, (_, j) => orderApproved(`${label}-${(i + j) % 97}`)),
        );
        await client.query('COMMIT');
        written += Math.min(1_000, count - i);
      }
    } finally {
      client.release();
    }
  }

  let written = 0;
  /** Published rows are deleted from the outbox. */
  const published = async (): Promise<number> =>
    written - (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM messaging_outbox')).rows[0]!.n;

  function startRelay(env: Record<string, string> = {}): ChildScript {
    // Compiled by test:int (tsc -p tsconfig.build.json) before jest runs.
    const child = runScript(path.resolve(__dirname, '..', 'dist', 'test-support', 'relay.process.js'), {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      RELAY_BATCH_SIZE: '500',
      ...env,
    });
    children.push(child);
    return child;
  }

  async function kill(child: ChildScript): Promise<void> {
    child.process.kill('SIGKILL');
    expect(await child.exited).toEqual({ code: null, signal: 'SIGKILL' });
  }

  it('delivers every committed event and the consumer applies each exactly once', async () => {
    await writeEvents(20_000, 'before');
    const group = uniqueName('relay_crash_group');
    consumer = new EventConsumer({ kafka, consumer: group, topics: [topic], pool, handler: recordEffects, logger });
    await consumer.start();

    // 1. Killed after Kafka acknowledged its third send, before deleting those rows.
    const first = startRelay({ RELAY_HANG_AFTER_SENDS: '3' });
    await first.waitForLine((line) => line.event === 'hanging');
    expect(await published()).toBe(1_000);
    await kill(first);

    // Events keep being committed while no relay runs.
    await writeEvents(2_000, 'while-down');

    // 2. Killed wherever it is once it has made some progress.
    const second = startRelay();
    await waitFor('progress of the second relay', published, (n) => n >= 8_000, 30_000, 5);
    await kill(second);

    // 3. Runs to the end and stops cleanly.
    const third = startRelay();
    const total = 22_000;
    await waitFor('every row published', published, (n) => n === total, 40_000);
    third.process.kill('SIGTERM');
    await third.waitForLine((line) => line.event === 'stopped');

    const effects = await waitFor('every event applied', () => effectCounts(pool), (c) => c.total >= total, 40_000);
    expect(effects).toEqual({ total, distinct: total });
    const progress = await waitFor('offsets committed to the end', () => groupProgress(kafka, group, topic), (p) =>
      p.every((x) => x.committed === x.end),
    );
    // The rows sent but not deleted by the first relay were sent again: Kafka holds duplicates that
    // the consumer's inbox dropped.
    const onTopic = progress.reduce((sum, p) => sum + p.end, 0);
    expect(onTopic).toBeGreaterThanOrEqual(total + 500);
    const inbox = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM messaging_inbox WHERE consumer = $1', [group]);
    expect(inbox.rows[0]!.n).toBe(total);
  });
});
