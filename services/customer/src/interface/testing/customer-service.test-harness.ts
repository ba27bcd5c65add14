import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TOPICS, validateEnvelope, type EventEnvelope } from '@mercado/contracts';
import { createKafkaClient } from '@mercado/messaging';
import { createMetrics, createLogger, ensureDevKeyPair, HealthRegistry, loadConfig, mintToken } from '@mercado/service-kit';
import { createTestDatabase, createTestTopics, testInfrastructure, uniqueName, type TestDatabase } from '@mercado/testing';
import { type Kafka } from 'kafkajs';
import { Client } from 'pg';
import { customerConfigSchema } from '../customer.config';
import { startCustomerService, type RunningCustomerService } from '../customer.service';

/*
 * Integration-test support: the customer service started as main.ts starts it, on a throwaway database
 * and unique topics, with a development key pair of its own. Never used by the service itself.
 */

export interface CustomerTestService {
  service: RunningCustomerService;
  baseUrl: string;
  database: TestDatabase;
  /** Catalog topic name → this test's topic. */
  topics: Record<string, string>;
  kafka: Kafka;
  /** A bearer token with these scopes. */
  token(scopes: string[]): Promise<string>;
  /** A query on the service's database. */
  sql<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<R[]>;
  /**
   * How many events were ever appended to the outbox (its position sequence), whatever the relay
   * has published and removed since: unchanged means nothing was appended.
   */
  outboxAppended(): Promise<number>;
  stop(): Promise<void>;
}

const OWN_TOPICS = [TOPICS.customerCustomer.name, TOPICS.customerReview.name];
const SALES_TOPICS = [TOPICS.salesOrder.name, TOPICS.salesPayment.name];

export async function startCustomerTestService(env: Record<string, string> = {}): Promise<CustomerTestService> {
  const infra = testInfrastructure();
  const database = await createTestDatabase(infra.databaseUrl, 'customer');
  // As many partitions as the catalog gives these topics, so that provisioning finds them complete.
  const own = await createTestTopics(infra.kafkaBrokers, OWN_TOPICS, 3);
  const sales = await createTestTopics(infra.kafkaBrokers, SALES_TOPICS, 6);
  const created = { names: { ...own.names, ...sales.names }, delete: async () => void (await Promise.all([own.delete(), sales.delete()])) };
  const keysDir = await mkdtemp(path.join(tmpdir(), 'customer-keys-'));
  const keys = await ensureDevKeyPair(keysDir);
  const config = loadConfig(customerConfigSchema, {
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    KAFKA_CONSUMER_PREFIX: uniqueName('customer'),
    AUTH_JWKS_FILE: keys.publicJwksFile,
    KAFKA_TOPIC_OVERRIDES: Object.entries(created.names)
      .map(([logical, actual]) => `${logical}=${actual}`)
      .join(','),
    ...env,
  });
  const logger = createLogger({ serviceName: 'customer', level: config.LOG_LEVEL });
  const service = await startCustomerService({ config, logger, metrics: createMetrics({ serviceName: 'customer' }), health: new HealthRegistry() });
  const client = new Client({ connectionString: database.url });
  await client.connect();
  const kafka = createKafkaClient({ brokers: infra.kafkaBrokers, clientId: uniqueName('customer_test'), logger });

  return {
    service,
    baseUrl: `http://127.0.0.1:${service.port}`,
    database,
    topics: created.names,
    kafka,
    token: (scopes) => mintToken({ dir: keysDir, scopes, ttl: '10m' }),
    sql: async <R>(text: string, values?: unknown[]) => (await client.query(text, values)).rows as R[],
    outboxAppended: async () =>
      Number((await client.query('SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS n FROM messaging_outbox_position_seq')).rows[0].n),
    async stop() {
      for (const item of [...service.stoppables].reverse()) await item.stop();
      await client.end();
      await created.delete().catch(() => undefined);
      const admin = kafka.admin();
      await admin.connect();
      await admin.deleteTopics({ topics: Object.values(created.names).map((name) => `${name}.dlq`) }).catch(() => undefined);
      await admin.disconnect();
      await database.drop();
      await rm(keysDir, { recursive: true, force: true });
    },
  };
}

/** Collects the messages of some topics from the beginning, each validated as a catalog envelope. */
export interface TopicRecorder {
  /** Resolves with the topic's events once `until(events)` holds; rejects after the timeout or on an invalid message. */
  events(topic: string, until: (events: EventEnvelope[]) => boolean, timeoutMs?: number): Promise<EventEnvelope[]>;
  stop(): Promise<void>;
}

/** One consumer for all the topics a suite reads, so that the group is joined once. */
export async function recordTopics(kafka: Kafka, topics: readonly string[]): Promise<TopicRecorder> {
  const consumer = kafka.consumer({ groupId: uniqueName('recorder'), maxWaitTimeInMs: 100 });
  const seen = new Map<string, EventEnvelope[]>(topics.map((topic) => [topic, []]));
  const invalid: string[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics: [...topics], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, message }) => {
      const result = validateEnvelope(message.value ?? Buffer.alloc(0));
      if (!result.ok) invalid.push(`${topic}: ${result.message}`);
      else if (message.key?.toString() !== result.envelope.subject) invalid.push(`${topic}: key ${String(message.key)} is not the subject ${result.envelope.subject}`);
      else seen.get(topic)!.push(result.envelope);
    },
  });
  return {
    async events(topic, until, timeoutMs = 20_000) {
      const events = seen.get(topic)!;
      const deadline = Date.now() + timeoutMs;
      while (!until(events) && invalid.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      if (invalid.length > 0) throw new Error(`invalid messages: ${invalid.join('; ')}`);
      if (!until(events)) throw new Error(`timed out waiting for events on ${topic}; got ${events.map((e) => e.type).join(', ') || 'none'}`);
      return [...events];
    },
    stop: () => consumer.disconnect(),
  };
}

/** Polls until `probe` satisfies `done`, failing with the last value after the timeout. */
export async function eventually<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (done(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
}
