// The marketplace service assembled in-process as main.ts assembles it, on a throwaway database and
// throwaway topics, for integration tests.
import { startServiceMessaging } from '@mercado/messaging';
import { createPool, initialiseAndMigrate, type Pool } from '@mercado/postgres';
import {
  createHttpApp,
  createLogger,
  createMetrics,
  HealthRegistry,
  loadConfig,
  mintToken,
  type Stoppable,
  tokenVerifierFromConfig,
} from '@mercado/service-kit';
import { createTestDatabase, createTestTopics, deleteTopics, testInfrastructure, type TestDatabase } from '@mercado/testing';
import { type Express } from 'express';
import { type Clock } from '../../application/ports/clock.port';
import { SystemClock } from '../../infrastructure/clock/system-clock';
import { marketplaceConfigSchema } from '../../infrastructure/config/marketplace.config';
import { createMarketplaceDataSource } from '../../infrastructure/persistence/marketplace.data-source';
import { marketplaceErrorMappers } from '../http/marketplace-error-mappers';
import { composeMarketplace, MARKETPLACE_TOPICS } from '../marketplace.composition';

export interface MarketplaceHarness {
  app: Express;
  pool: Pool;
  database: TestDatabase;
  brokers: string[];
  topics: { product: string; seller: string };
  /** A bearer token with catalog:read and catalog:write. */
  token: string;
  stop(): Promise<void>;
}

export async function startMarketplaceHarness(options: { clock?: Clock; importChunkSize?: number } = {}): Promise<MarketplaceHarness> {
  const infrastructure = testInfrastructure();
  const database = await createTestDatabase(infrastructure.databaseUrl, 'marketplace');
  const created = await createTestTopics(infrastructure.kafkaBrokers, ['marketplace.product', 'marketplace.seller'], 3);
  const topics = { product: created.names['marketplace.product']!, seller: created.names['marketplace.seller']! };
  const config = loadConfig(marketplaceConfigSchema, {
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    KAFKA_BROKERS: infrastructure.kafkaBrokers.join(','),
    KAFKA_TOPIC_OVERRIDES: `marketplace.product.v1=${topics.product},marketplace.seller.v1=${topics.seller}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...(options.importChunkSize ? { IMPORT_CHUNK_SIZE: String(options.importChunkSize) } : {}),
  });
  const logger = createLogger({ serviceName: 'marketplace', level: config.LOG_LEVEL });
  const metrics = createMetrics({ serviceName: 'marketplace', defaultMetrics: false });
  const pool = createPool(config.DATABASE_URL, { max: 4 });
  const stoppables: Stoppable[] = [];
  const cleanup = async () => {
    for (const item of stoppables.reverse()) await item.stop().catch(() => undefined);
    await pool.end();
    await database.drop();
    await deleteTopics(infrastructure.kafkaBrokers, [
      ...Object.values(topics),
      ...Object.values(topics).map((topic) => `${topic}.dlq`),
    ]);
  };
  try {
    const dataSource = createMarketplaceDataSource(config.DATABASE_URL);
    await initialiseAndMigrate(dataSource);
    await dataSource.destroy();
    const marketplace = composeMarketplace({
      pool,
      clock: options.clock ?? new SystemClock(),
      topicOverrides: config.KAFKA_TOPIC_OVERRIDES,
      importChunkSize: config.IMPORT_CHUNK_SIZE,
    });
    const messaging = await startServiceMessaging({
      serviceName: 'marketplace',
      kafkaBrokers: config.KAFKA_BROKERS,
      databaseUrl: config.DATABASE_URL,
      pool,
      topics: MARKETPLACE_TOPICS,
      topicOverrides: config.KAFKA_TOPIC_OVERRIDES,
      metrics: metrics.messaging,
      logger,
    });
    stoppables.push(...messaging.stoppables);
    const { app } = createHttpApp({
      serviceName: 'marketplace',
      routes: marketplace.routes,
      auth: await tokenVerifierFromConfig(config),
      logger,
      metrics,
      health: new HealthRegistry(),
      errorMappers: marketplaceErrorMappers,
    });
    const token = await mintToken({ scopes: 'catalog:read catalog:write' });
    return { app, pool, database, brokers: infrastructure.kafkaBrokers, topics, token, stop: cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
