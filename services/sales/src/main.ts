// The sales service's composition root: configuration, logs, tracing, then startSalesService wires
// the database (created, migrated, readiness flag), the messaging (topics, outbox relay, the
// fulfillment consumer) and the HTTP API, and runService stops them in reverse on SIGTERM.
//
// Tracing starts before express, http and pg are loaded so that its instrumentations can patch them;
// tsc emits these statements in this order, so keep the first import and call where they are.
import { startTracing } from '@mercado/service-kit/tracing';

const tracing = startTracing({ serviceName: 'sales' });

import { createLogger, createMetrics, HealthRegistry, loadConfigOrExit, runService, stoppable } from '@mercado/service-kit';
import { salesConfigSchema } from './interface/sales.config';
import { SALES_SERVICE, startSalesService } from './interface/sales.service';

const config = loadConfigOrExit(salesConfigSchema);
const logger = createLogger({ serviceName: SALES_SERVICE, level: config.LOG_LEVEL });
const health = new HealthRegistry();
const metrics = createMetrics({ serviceName: SALES_SERVICE });

void runService({
  name: SALES_SERVICE,
  logger,
  health,
  shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  start: async () => {
    logger.info({ reason: tracing.reason }, tracing.enabled ? 'tracing on' : 'tracing off');
    const stopTracing = stoppable('tracing', () => tracing.stop());
    const service = await startSalesService({ config, logger, metrics, health });
    // Stopped in reverse: the HTTP server first, then the consumers, the relay, the database; tracing last.
    return [stopTracing, ...service.stoppables];
  },
});
