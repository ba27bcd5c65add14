import { catalog } from '@mercado/contracts';
import { createKafkaClient, ensureMessagingSchema, EventConsumer, startServiceMessaging, type EventBatchHandler } from '@mercado/messaging';
import { createPool, ensureDatabase } from '@mercado/postgres';
import {
  createHttpApp,
  databaseCheck,
  flagCheck,
  type HealthRegistry,
  type Logger,
  type ServiceMetrics,
  startHttpServer,
  stoppable,
  type Stoppable,
  tokenVerifierFromConfig,
} from '@mercado/service-kit';
import { type Express } from 'express';
import { CachedWarehouseQueries } from '../application/queries/warehouse-query.cache';
import { WarehouseQueryService } from '../application/queries/warehouse-query.service';
import { lagRecordingMetrics } from '../infrastructure/messaging/lag-recording.metrics';
import { eventToMartHistogram } from '../infrastructure/observability/event-to-mart.histogram';
import { loadGeolocation } from '../infrastructure/sql/geolocation.loader';
import { migrateWarehouse } from '../infrastructure/sql/migrator';
import { PgMartReader } from '../infrastructure/sql/pg-mart.reader';
import { PgMartVersion } from '../infrastructure/sql/pg-mart.version';
import { createWarehouseApplier } from '../infrastructure/warehouse-applier';
import { importGeolocationRoute } from './http/import-geolocation.route';
import { qualityRoutes } from './http/quality.routes';
import { warehouseErrorMapper } from './http/warehouse.error-mappers';
import { warehouseRoutes } from './http/warehouse.routes';
import { notifyingBatches, startWarehouseQuality } from './quality/warehouse-quality';
import { type WarehouseConfig } from './warehouse.config';

export const WAREHOUSE_SERVICE = 'warehouse';
/** The consumer's name under the configured prefix: its group and its inbox key. */
export const WAREHOUSE_CONSUMER = 'warehouse';

export interface WarehouseServiceParts {
  config: WarehouseConfig;
  logger: Logger;
  metrics: ServiceMetrics;
  health: HealthRegistry;
}

export interface RunningWarehouseService {
  app: Express;
  port: number;
  /** In start order; stop them in reverse (runService does). */
  stoppables: Stoppable[];
}

/**
 * Starts the warehouse: its database (created if missing, the warehouse schema migrated, readiness
 * flag), the consumer of every catalog topic (each batch applied to the star schema and marts in
 * the inbox's transaction), data quality (cheap runs after batches, full runs on a schedule and on
 * demand), then the read API. A failure part-way stops what was started.
 */
export async function startWarehouseService({ config, logger, metrics, health }: WarehouseServiceParts): Promise<RunningWarehouseService> {
  const stoppables: Stoppable[] = [];
  try {
    const migrated = flagCheck('migrations', 'warehouse schema not migrated yet');
    health.register(migrated);
    await ensureDatabase(config.DATABASE_URL);
    const pool = createPool(config.DATABASE_URL, { applicationName: WAREHOUSE_SERVICE, max: config.DATABASE_POOL_SIZE });
    stoppables.push(stoppable('pg pool', () => pool.end()));
    const applied = await migrateWarehouse(pool);
    await ensureMessagingSchema(pool);
    migrated.set(true);
    logger.info({ applied }, 'warehouse schema migrated');
    health.register(databaseCheck(pool));
    // Quality checks read the star schema in snapshots of their own, one run at a time, outside the apply path.
    const quality = await startWarehouseQuality({ pool, config, registry: metrics.registry, logger });
    stoppables.push(quality.stoppable);

    const applier = createWarehouseApplier({ observeLatency: eventToMartHistogram(metrics.registry) });
    const handler: EventBatchHandler = async (tx, events) => {
      await applier.execute(tx, events);
    };
    // The topics exist (provisioned here if the producers have not done it yet); the consumer is
    // built here rather than by startServiceMessaging, to take bigger batches: set-based applying
    // costs per batch, and a batch of ~8,000 events costs a third less per event than ~2,000.
    const kafka = createKafkaClient({ brokers: config.KAFKA_BROKERS, clientId: WAREHOUSE_SERVICE, logger });
    const topics = catalog.topics().map((t) => t.name);
    const messaging = await startServiceMessaging({
      serviceName: WAREHOUSE_SERVICE,
      kafkaBrokers: config.KAFKA_BROKERS,
      databaseUrl: config.DATABASE_URL,
      pool,
      topics,
      topicOverrides: config.KAFKA_TOPIC_OVERRIDES,
      kafka,
      logger,
    });
    stoppables.push(...messaging.stoppables);
    health.register(...messaging.checks);
    const consumer = new EventConsumer({
      kafka,
      consumer: `${config.KAFKA_CONSUMER_PREFIX}.${WAREHOUSE_CONSUMER}`,
      topics: topics.map(messaging.topicOf),
      pool,
      handler,
      maxBytesPerPartition: config.CONSUMER_MAX_BYTES_PER_PARTITION,
      metrics: notifyingBatches(
        lagRecordingMetrics(metrics.messaging, pool, (error) => logger.warn({ error: String(error) }, 'consumer lag not recorded')),
        quality.batchApplied,
      ),
      logger,
    });
    await consumer.start();
    stoppables.push(stoppable('warehouse consumer', () => consumer.stop()));

    const queries = new WarehouseQueryService(new PgMartReader(pool));
    const cache = config.READ_CACHE ? new CachedWarehouseQueries(queries, new PgMartVersion(pool)) : undefined;
    const { app } = createHttpApp({
      serviceName: WAREHOUSE_SERVICE,
      routes: [
        ...warehouseRoutes(cache ?? queries),
        importGeolocationRoute(async (rows) => {
          try {
            return await loadGeolocation(pool, rows);
          } finally {
            // The import re-derives deliveries without a batch: the version does not see it.
            cache?.invalidate();
          }
        }),
        ...qualityRoutes(quality.api),
      ],
      auth: await tokenVerifierFromConfig(config),
      logger,
      metrics,
      health,
      errorMappers: [warehouseErrorMapper],
      openapi: {
        title: 'Mercado warehouse API',
        description: 'KPIs, sellers, segments, deliveries and freshness, answered from the warehouse marts; data quality runs, scores and data docs.',
      },
    });
    const server = await startHttpServer(app, { port: config.PORT, host: config.HOST });
    stoppables.push(server);
    logger.info({ port: server.port }, 'listening');
    return { app, port: server.port, stoppables };
  } catch (error) {
    for (const item of stoppables.reverse()) await item.stop().catch(() => undefined);
    throw error;
  }
}
