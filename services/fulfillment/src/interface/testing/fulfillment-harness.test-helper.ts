// The fulfillment service assembled in-process as main.ts assembles it, on a throwaway database and
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
import { createTestDatabase, createTestTopics, deleteTopics, testInfrastructure, uniqueName, type TestDatabase } from '@mercado/testing';
import { type Express } from 'express';
import { type Clock } from '../../application/ports/clock.port';
import { SystemClock } from '../../infrastructure/clock/system-clock';
import { fulfillmentConfigSchema } from '../../infrastructure/config/fulfillment.config';
import { createFulfillmentDataSource } from '../../infrastructure/persistence/fulfillment.data-source';
import { composeFulfillment, FULFILLMENT_TOPICS } from '../fulfillment.composition';
import { fulfillmentErrorMappers } from '../http/fulfillment-error-mappers';

export interface FulfillmentHarness {
  app: Express;
  pool: Pool;
  database: TestDatabase;
  brokers: string[];
  topics: { salesOrder: string; fulfillmentShipment: string };
  consumerGroup: string;
  /** A bearer token with shipments:read and shipments:write. */
  token: string;
  stop(): Promise<void>;
}

export async function startFulfillmentHarness(options: { clock?: Clock; importChunkSize?: number } = {}): Promise<FulfillmentHarness> {
  const infrastructure = testInfrastructure();
  const database = await createTestDatabase(infrastructure.databaseUrl, 'fulfillment');
  const created = await createTestTopics(infrastructure.kafkaBrokers, ['sales.order', 'fulfillment.shipment'], 3);
  const topics = { salesOrder: created.names['sales.order']!, fulfillmentShipment: created.names['fulfillment.shipment']! };
  const consumerGroup = uniqueName('fulfillment_group');
  const config = loadConfig(fulfillmentConfigSchema, {
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    KAFKA_BROKERS: infrastructure.kafkaBrokers.join(','),
    KAFKA_TOPIC_OVERRIDES: `sales.order.v1=${topics.salesOrder},fulfillment.shipment.v1=${topics.fulfillmentShipment}`,
    KAFKA_CONSUMER_GROUP: consumerGroup,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...(options.importChunkSize ? { IMPORT_CHUNK_SIZE: String(options.importChunkSize) } : {}),
  });
  const logger = createLogger({ serviceName: 'fulfillment', level: config.LOG_LEVEL });
  const metrics = createMetrics({ serviceName: 'fulfillment', defaultMetrics: false });
  const health = new HealthRegistry();
  const pool = createPool(config.DATABASE_URL, { max: 4 });
  const stoppables: Stoppable[] = [];
  try {
    const dataSource = createFulfillmentDataSource(config.DATABASE_URL);
    await initialiseAndMigrate(dataSource);
    await dataSource.destroy();
    const fulfillment = composeFulfillment({
      pool,
      clock: options.clock ?? new SystemClock(),
      topicOverrides: config.KAFKA_TOPIC_OVERRIDES,
      consumerGroup,
      importChunkSize: config.IMPORT_CHUNK_SIZE,
    });
    const messaging = await startServiceMessaging({
      serviceName: 'fulfillment',
      kafkaBrokers: config.KAFKA_BROKERS,
      databaseUrl: config.DATABASE_URL,
      pool,
      topics: FULFILLMENT_TOPICS,
      topicOverrides: config.KAFKA_TOPIC_OVERRIDES,
      consumers: [fulfillment.consumer],
      metrics: metrics.messaging,
      logger,
    });
    stoppables.push(...messaging.stoppables);
    const { app } = createHttpApp({
      serviceName: 'fulfillment',
      routes: fulfillment.routes,
      auth: await tokenVerifierFromConfig(config),
      logger,
      metrics,
      health,
      errorMappers: fulfillmentErrorMappers,
    });
    const token = await mintToken({ scopes: 'shipments:read shipments:write' });
    return {
      app,
      pool,
      database,
      brokers: infrastructure.kafkaBrokers,
      topics,
      consumerGroup,
      token,
      async stop() {
        for (const item of stoppables.reverse()) await item.stop().catch(() => undefined);
        await pool.end();
        await database.drop();
        await deleteTopics(infrastructure.kafkaBrokers, [
          ...Object.values(topics),
          ...Object.values(topics).map((topic) => `${topic}.dlq`),
        ]);
      },
    };
  } catch (error) {
    for (const item of stoppables.reverse()) await item.stop().catch(() => undefined);
    await pool.end();
    await database.drop();
    await created.delete().catch(() => undefined);
    throw error;
  }
}
