// The marketplace service's composition root: configuration, logs, tracing, the HTTP API with
// /health/live, /health/ready, /metrics and /openapi.json, and graceful shutdown.
//
// Tracing starts before express, http and pg are loaded so that its instrumentations can patch them;
// tsc emits these statements in this order, so keep the first import and call where they are.
import { startTracing } from '@mercado/service-kit/tracing';

const tracing = startTracing({ serviceName: 'marketplace' });

import { createKafkaClient } from '@mercado/messaging';
import { createPool, ensureDatabase } from '@mercado/postgres';
import {
  createHttpApp,
  createLogger,
  createMetrics,
  databaseCheck,
  HealthRegistry,
  kafkaCheck,
  loadConfigOrExit,
  runService,
  serviceConfigSchema,
  startHttpServer,
  stoppable,
  tokenVerifierFromConfig,
} from '@mercado/service-kit';

const SERVICE = 'marketplace';

const config = loadConfigOrExit(serviceConfigSchema({ serviceName: SERVICE, defaultPort: 3004 }));
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
    const stopTracing = stoppable('tracing', () => tracing.stop());

    await ensureDatabase(config.DATABASE_URL);
    const pool = createPool(config.DATABASE_URL, { applicationName: SERVICE });
    const kafkaAdmin = createKafkaClient({ brokers: config.KAFKA_BROKERS, clientId: SERVICE, logger }).admin();
    health.register(
      databaseCheck(pool),
      kafkaCheck(async () => {
        await kafkaAdmin.connect();
        await kafkaAdmin.describeCluster();
      }),
    );

    const { app } = createHttpApp({
      serviceName: SERVICE,
      routes: [],
      auth: await tokenVerifierFromConfig(config),
      logger,
      metrics,
      health,
      openapi: { title: 'Mercado marketplace API' },
    });
    const server = await startHttpServer(app, { port: config.PORT, host: config.HOST });
    logger.info({ port: server.port }, 'listening');

    // Stopped in reverse: the HTTP server first, the pool and tracing last.
    return [stopTracing, stoppable('pg pool', () => pool.end()), stoppable('kafka admin', () => kafkaAdmin.disconnect()), server];
  },
});
