// The warehouse service's composition root: configuration, logs, tracing, then startWarehouseService
// wires the database (created, warehouse schema migrated, readiness flag), the consumer of every
// topic (batches applied to the star schema and marts), and the read API with /health/live,
// /health/ready, /metrics and /openapi.json; runService stops them in reverse on SIGTERM.
//
// Tracing starts before express, http and pg are loaded so that its instrumentations can patch them;
// tsc emits these statements in this order, so keep the first import and call where they are.
import { startTracing } from '@mercado/service-kit/tracing';

const tracing = startTracing({ serviceName: 'warehouse' });

import { createLogger, createMetrics, HealthRegistry, loadConfigOrExit, runService, stoppable } from '@mercado/service-kit';
import { warehouseConfigSchema } from './interface/warehouse.config';
import { startWarehouseService, WAREHOUSE_SERVICE } from './interface/warehouse.service';

const config = loadConfigOrExit(warehouseConfigSchema);
const logger = createLogger({ serviceName: WAREHOUSE_SERVICE, level: config.LOG_LEVEL });
const health = new HealthRegistry();
const metrics = createMetrics({ serviceName: WAREHOUSE_SERVICE });

void runService({
  name: WAREHOUSE_SERVICE,
  logger,
  health,
  shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  start: async () => {
    logger.info({ reason: tracing.reason }, tracing.enabled ? 'tracing on' : 'tracing off');
    const stopTracing = stoppable('tracing', () => tracing.stop());
    const service = await startWarehouseService({ config, logger, metrics, health });
    // Stopped in reverse: the HTTP server first, then the consumer, the pool; tracing last.
    return [stopTracing, ...service.stoppables];
  },
});
