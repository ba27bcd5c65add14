import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { catalog } from '@mercado/contracts';
import { createKafkaClient } from '@mercado/messaging';
import { createLogger, createMetrics, ensureDevKeyPair, HealthRegistry, loadConfig, mintToken, type ServiceMetrics } from '@mercado/service-kit';
import { createTestDatabase, createTestTopics, testInfrastructure, uniqueName, type TestDatabase, type TestTopics } from '@mercado/testing';
import { type Kafka } from 'kafkajs';
import { Client } from 'pg';
import { warehouseConfigSchema } from '../warehouse.config';
import { startWarehouseService, type RunningWarehouseService } from '../warehouse.service';

/*
 * Integration-test support: the warehouse started as main.ts starts it, on a throwaway database and
 * unique topics, with a development key pair of its own. Never used by the service itself.
 */

export interface WarehouseTestService {
  service: RunningWarehouseService;
  baseUrl: string;
  database: TestDatabase;
  metrics: ServiceMetrics;
  /** Catalog topic name → this test's topic. */
  topics: Record<string, string>;
  kafka: Kafka;
  token(scopes: string[]): Promise<string>;
  sql<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<R[]>;
  stop(): Promise<void>;
}

/** `env`: configuration on top of the test's own (e.g. `QUALITY_BATCH_INTERVAL_MS`). */
export async function startWarehouseTestService(env: Record<string, string> = {}): Promise<WarehouseTestService> {
  const infra = testInfrastructure();
  const database = await createTestDatabase(infra.databaseUrl, 'warehouse_svc');
  const created: TestTopics[] = [];
  try {
    return await startOn(database, created, env);
  } catch (error) {
    // Leave nothing behind when the start fails part-way.
    for (const topics of created) await topics.delete().catch(() => undefined);
    await database.drop();
    throw error;
  }
}

async function startOn(database: TestDatabase, created: TestTopics[], env: Record<string, string>): Promise<WarehouseTestService> {
  const infra = testInfrastructure();
  // As many partitions as the catalog gives each topic, so that provisioning finds them complete.
  const byPartitions = new Map<number, string[]>();
  for (const topic of catalog.topics()) byPartitions.set(topic.partitions, [...(byPartitions.get(topic.partitions) ?? []), topic.name]);
  for (const [partitions, names] of byPartitions) created.push(await createTestTopics(infra.kafkaBrokers, names, partitions));
  const names: Record<string, string> = Object.assign({}, ...created.map((c) => c.names));
  const keysDir = await mkdtemp(path.join(tmpdir(), 'warehouse-keys-'));
  const keys = await ensureDevKeyPair(keysDir);
  const config = loadConfig(warehouseConfigSchema, {
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    KAFKA_CONSUMER_PREFIX: uniqueName('warehouse'),
    AUTH_JWKS_FILE: keys.publicJwksFile,
    KAFKA_TOPIC_OVERRIDES: Object.entries(names)
      .map(([logical, actual]) => `${logical}=${actual}`)
      .join(','),
    ...env,
  });
  const logger = createLogger({ serviceName: 'warehouse', level: config.LOG_LEVEL });
  const metrics = createMetrics({ serviceName: 'warehouse', defaultMetrics: false });
  const service = await startWarehouseService({ config, logger, metrics, health: new HealthRegistry() });
  const client = new Client({ connectionString: database.url });
  await client.connect();
  const kafka = createKafkaClient({ brokers: infra.kafkaBrokers, clientId: uniqueName('warehouse_test'), logger });

  return {
    service,
    baseUrl: `http://127.0.0.1:${service.port}`,
    database,
    metrics,
    topics: names,
    kafka,
    token: (scopes) => mintToken({ dir: keysDir, scopes, ttl: '10m' }),
    sql: async <R>(text: string, values?: unknown[]) => (await client.query(text, values)).rows as R[],
    async stop() {
      for (const item of [...service.stoppables].reverse()) await item.stop();
      await client.end();
      for (const topics of created) await topics.delete().catch(() => undefined);
      const admin = kafka.admin();
      await admin.connect();
      await admin.deleteTopics({ topics: Object.values(names).map((name) => `${name}.dlq`) }).catch(() => undefined);
      await admin.disconnect();
      await database.drop();
      await rm(keysDir, { recursive: true, force: true });
    },
  };
}

/** Polls until `probe` satisfies `done`, failing with the last value after the timeout. */
export async function eventually<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    last = await probe();
  }
  return last;
}
