// The customer service's composition root: configuration, logs, tracing, then startCustomerService
// wires the database (created, migrated, readiness flag), the messaging (topics, outbox relay, the
// purchase-history consumer of the sales topics) and the HTTP API, and runService stops them in
// reverse on SIGTERM.
//
// Tracing starts before express, http and pg are loaded so that its instrumentations can patch them;
// tsc emits these statements in this order, so keep the first import and call where they are.
import { startTracing } from '@mercado/service-kit/tracing';

const tracing = startTracing({ serviceName: 'customer' });

import { createLogger, createMetrics, HealthRegistry, loadConfigOrExit, runService, stoppable } from '@mercado/service-kit';
import { customerConfigSchema } from './interface/customer.config';
import { CUSTOMER_SERVICE, startCustomerService } from './interface/customer.service';

const config = loadConfigOrExit(customerConfigSchema);
const logger = createLogger({ serviceName: CUSTOMER_SERVICE, level: config.LOG_LEVEL });
const health = new HealthRegistry();
const metrics = createMetrics({ serviceName: CUSTOMER_SERVICE });

void runService({
  name: CUSTOMER_SERVICE,
  logger,
  health,
  shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  start: async () => {
    logger.info({ reason: tracing.reason }, tracing.enabled ? 'tracing on' : 'tracing off');
    const stopTracing = stoppable('tracing', () => tracing.stop());
    const service = await startCustomerService({ config, logger, metrics, health });
    // Stopped in reverse: the HTTP server first, then the consumer, the relay, the database; tracing last.
    return [stopTracing, ...service.stoppables];
  },
});
