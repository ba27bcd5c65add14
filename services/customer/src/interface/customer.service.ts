import { TOPICS } from '@mercado/contracts';
import { createOutboxWriter, queryRunnerSessionPool, startServiceMessaging, trustedEnvelopeFactory } from '@mercado/messaging';
import { ensureDatabase, initialiseAndMigrate } from '@mercado/postgres';
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
import { ImportCustomersHandler } from '../application/commands/import-customers/import-customers.handler';
import { ImportReviewsHandler } from '../application/commands/import-reviews/import-reviews.handler';
import { RecomputeSegmentsHandler } from '../application/commands/recompute-segments/recompute-segments.handler';
import { RegisterCustomerHandler } from '../application/commands/register-customer/register-customer.handler';
import { SubmitReviewHandler } from '../application/commands/submit-review/submit-review.handler';
import { GetCustomerHandler } from '../application/queries/get-customer/get-customer.handler';
import { ListCustomersHandler } from '../application/queries/list-customers/list-customers.handler';
import { ListReviewsHandler } from '../application/queries/list-reviews/list-reviews.handler';
import { SegmentSummaryHandler } from '../application/queries/segment-summary/segment-summary.handler';
import { systemClock } from '../infrastructure/clock/system.clock';
import { createCustomerDataSource } from '../infrastructure/persistence/customer.data-source';
import { TypeormCustomerRepository } from '../infrastructure/persistence/customer.repository';
import { TypeormCustomerUnitOfWork } from '../infrastructure/persistence/customer.unit-of-work';
import { TypeormReviewRepository } from '../infrastructure/persistence/review.repository';
import { TypeormSegmentationSnapshotRepository } from '../infrastructure/persistence/segmentation-snapshot.repository';
import { type CustomerConfig } from './customer.config';
import { customerErrorMapper } from './http/customer.error-mappers';
import { customerRoutes } from './http/customer.routes';
import { importRoutes } from './http/import.routes';
import { reviewRoutes } from './http/review.routes';
import { SALES_CONSUMER, salesEventsHandler } from './messaging/sales-events.handler';

export const CUSTOMER_SERVICE = 'customer';

export interface CustomerServiceParts {
  config: CustomerConfig;
  logger: Logger;
  metrics: ServiceMetrics;
  health: HealthRegistry;
}

export interface RunningCustomerService {
  app: Express;
  port: number;
  /** In start order; stop them in reverse (runService does). */
  stoppables: Stoppable[];
}

/**
 * Starts the customer service: its database (created if missing, migrated, readiness flag), the
 * messaging (topics, outbox relay, the purchase-history consumer of the sales topics), then the HTTP
 * API. main.ts runs it under runService; integration tests start it the same way with their own
 * database and topics. A failure part-way stops what was started and rethrows.
 */
export async function startCustomerService({ config, logger, metrics, health }: CustomerServiceParts): Promise<RunningCustomerService> {
  const stoppables: Stoppable[] = [];
  try {
    const migrated = flagCheck('migrations', 'database migrations not applied yet');
    health.register(migrated);
    await ensureDatabase(config.DATABASE_URL);
    const dataSource = createCustomerDataSource(config.DATABASE_URL, { poolSize: config.DATABASE_POOL_SIZE, applicationName: CUSTOMER_SERVICE });
    stoppables.push(stoppable('database', () => (dataSource.isInitialized ? dataSource.destroy() : undefined)));
    const applied = await initialiseAndMigrate(dataSource);
    migrated.set(true);
    logger.info({ applied }, 'database migrated');
    health.register(databaseCheck(dataSource));

    const writer = createOutboxWriter(config.KAFKA_TOPIC_OVERRIDES);
    const messaging = await startServiceMessaging({
      serviceName: CUSTOMER_SERVICE,
      kafkaBrokers: config.KAFKA_BROKERS,
      databaseUrl: config.DATABASE_URL,
      pool: queryRunnerSessionPool(dataSource),
      topics: [TOPICS.customerCustomer.name, TOPICS.customerReview.name],
      topicOverrides: config.KAFKA_TOPIC_OVERRIDES,
      consumers: [
        {
          groupId: `${config.KAFKA_CONSUMER_PREFIX}.${SALES_CONSUMER}`,
          topics: [TOPICS.salesOrder.name, TOPICS.salesPayment.name],
          handler: salesEventsHandler(writer, systemClock),
        },
      ],
      metrics: metrics.messaging,
      logger,
    });
    stoppables.push(...messaging.stoppables);
    health.register(...messaging.checks);

    const uow = new TypeormCustomerUnitOfWork(dataSource, writer);
    // The bulk imports build their envelopes without a joi pass per event (see trustedEnvelopeFactory).
    const importUow = new TypeormCustomerUnitOfWork(dataSource, writer, trustedEnvelopeFactory);
    const customers = new TypeormCustomerRepository(dataSource.manager);
    const { app } = createHttpApp({
      serviceName: CUSTOMER_SERVICE,
      routes: [
        ...customerRoutes({
          registerCustomer: new RegisterCustomerHandler(uow, systemClock),
          getCustomer: new GetCustomerHandler(customers),
          listCustomers: new ListCustomersHandler(customers),
          segmentSummary: new SegmentSummaryHandler(customers, new TypeormSegmentationSnapshotRepository(dataSource.manager)),
          recomputeSegments: new RecomputeSegmentsHandler(uow, systemClock),
        }),
        ...reviewRoutes({
          submitReview: new SubmitReviewHandler(uow, systemClock),
          listReviews: new ListReviewsHandler(new TypeormReviewRepository(dataSource.manager)),
        }),
        ...importRoutes(
          { importCustomers: new ImportCustomersHandler(importUow, systemClock), importReviews: new ImportReviewsHandler(importUow) },
          { chunkSize: config.IMPORT_CHUNK_SIZE },
        ),
      ],
      auth: await tokenVerifierFromConfig(config),
      logger,
      metrics,
      health,
      errorMappers: [customerErrorMapper],
      openapi: { title: 'Mercado customer API', description: 'Customers, RFM segments, reviews and the historical imports.' },
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
