// The marketplace service's composition root: configuration, logs, tracing, the database and its
// migrations, the outbox relay, the HTTP API, and graceful shutdown.
//
// Tracing starts before express, http and pg are loaded so that its instrumentations can patch them;
// tsc emits these statements in this order, so keep the first import and call where they are.
import { startTracing } from '@mercado/service-kit/tracing';

const tracing = startTracing({ serviceName: 'marketplace' });

import { startServiceMessaging } from '@mercado/messaging';
import { createPool, ensureDatabase, initialiseAndMigrate } from '@mercado/postgres';
import {
  createHttpApp,
  createLogger,
  createMetrics,
  databaseCheck,
  flagCheck,
  HealthRegistry,
  loadConfigOrExit,
  runService,
  startHttpServer,
  stoppable,
  tokenVerifierFromConfig,
} from '@mercado/service-kit';
import { SystemClock } from './infrastructure/clock/system-clock';
import { marketplaceConfigSchema } from './infrastructure/config/marketplace.config';
import { createMarketplaceDataSource } from './infrastructure/persistence/marketplace.data-source';
import { marketplaceErrorMappers } from './interface/http/marketplace-error-mappers';
import { composeMarketplace, MARKETPLACE_TOPICS } from './interface/marketplace.composition';

const SERVICE = 'marketplace';

const config = loadConfigOrExit(marketplaceConfigSchema);
const logger = createLogger({ serviceName: SERVICE, level: config.LOG_LEVEL });
const health = new HealthRegistry();
const metrics = createMetrics({ serviceName: SERVICE });

void runService({
  name: SERVICE,
  logger,
  health,
  shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  start: async () => {
    logger.info({ reason: tracing.reason }, tracing.enabled ? 'tracing on' : 'tracing off');
    const stoppables = [stoppable('tracing', () => tracing.stop())];

    await ensureDatabase(config.DATABASE_URL);
    const pool = createPool(config.DATABASE_URL, { applicationName: SERVICE });
    stoppables.push(stoppable('pg pool', () => pool.end()));
    const migrated = flagCheck('migrations');
    health.register(databaseCheck(pool), migrated);

    const dataSource = createMarketplaceDataSource(config.DATABASE_URL);
    const applied = await initialiseAndMigrate(dataSource);
    await dataSource.destroy();
    migrated.set(true);
    logger.info({ applied }, 'database migrated');

    const marketplace = composeMarketplace({
      pool,
      clock: new SystemClock(),
      topicOverrides: config.KAFKA_TOPIC_OVERRIDES,
      importChunkSize: config.IMPORT_CHUNK_SIZE,
    });

    const messaging = await startServiceMessaging({
      serviceName: SERVICE,
      kafkaBrokers: config.KAFKA_BROKERS,
      databaseUrl: config.DATABASE_URL,
      pool,
      topics: MARKETPLACE_TOPICS,
      topicOverrides: config.KAFKA_TOPIC_OVERRIDES,
      metrics: metrics.messaging,
      logger,
    });
    stoppables.push(...messaging.stoppables);
    health.register(...messaging.checks);

    const { app } = createHttpApp({
      serviceName: SERVICE,
      routes: marketplace.routes,
      auth: await tokenVerifierFromConfig(config),
      logger,
      metrics,
      health,
      errorMappers: marketplaceErrorMappers,
      openapi: { title: 'Mercado marketplace API' },
    });
    const server = await startHttpServer(app, { port: config.PORT, host: config.HOST });
    logger.info({ port: server.port }, 'listening');

    // Stopped in reverse: the HTTP server first, then the relay, the pool and tracing last.
    return [...stoppables, server];
  },
});
export {};
