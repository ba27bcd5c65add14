// How the fulfillment adapters fit together, for main.ts and the integration tests alike.
import { type EventEnvelope } from '@mercado/contracts';
import { type EventBatchHandler, OutboxWriter } from '@mercado/messaging';
import { type Pool } from '@mercado/postgres';
import { type RouteDefinition } from '@mercado/service-kit';
import { type Clock } from '../application/ports/clock.port';
import { fulfillmentTopics, type FulfillmentTopicNames } from '../infrastructure/messaging/fulfillment-topics';
import { PgShipmentRepository } from '../infrastructure/persistence/pg-shipment.repository';
import { PgUnitOfWork, SavepointUnitOfWork } from '../infrastructure/persistence/pg-unit-of-work';
import { shipmentImportRoute } from './http/shipment-import.route';
import { shipmentRoutes } from './http/shipment.routes';
import { salesOrderEventsHandler } from './messaging/sales-order-events.consumer';

export interface FulfillmentComposition {
  routes: RouteDefinition[];
  /** The sales.order consumer's batch handler. */
  salesOrderHandler: EventBatchHandler;
  topics: ReturnType<typeof fulfillmentTopics>;
}

export function composeFulfillment(options: {
  pool: Pool;
  clock: Clock;
  topics: FulfillmentTopicNames;
  importChunkSize: number;
}): FulfillmentComposition {
  const topics = fulfillmentTopics(options.topics);
  const writer = new OutboxWriter({ topicOf: topics.topicOf });
  const unitOfWork = new PgUnitOfWork(options.pool, writer);
  const causeOf = (event: EventEnvelope) => ({
    causationid: event.id,
    correlationid: event.correlationid ?? event.id,
  });
  return {
    routes: [
      ...shipmentRoutes({ unitOfWork, shipments: new PgShipmentRepository(options.pool), clock: options.clock }),
      shipmentImportRoute({ unitOfWork, chunkSize: options.importChunkSize }),
    ],
    salesOrderHandler: salesOrderEventsHandler(
      (tx, event) => new SavepointUnitOfWork(tx, writer, causeOf(event)),
    ),
    topics,
  };
}
