// How the fulfillment adapters fit together, for main.ts and the integration tests alike.
import { TOPICS, type EventEnvelope } from '@mercado/contracts';
import {
  createOutboxWriter,
  type ServiceConsumerDefinition,
  type TopicOverrides,
  trustedEnvelopeFactory,
} from '@mercado/messaging';
import { type Pool } from '@mercado/postgres';
import { type RouteDefinition } from '@mercado/service-kit';
import { type Clock } from '../application/ports/clock.port';
import { PgShipmentRepository } from '../infrastructure/persistence/pg-shipment.repository';
import { PgUnitOfWork, SavepointUnitOfWork } from '../infrastructure/persistence/pg-unit-of-work';
import { shipmentImportRoute } from './http/shipment-import.route';
import { shipmentRoutes } from './http/shipment.routes';
import { salesOrderEventsHandler } from './messaging/sales-order-events.consumer';

/** The catalog topics fulfillment publishes to. */
export const FULFILLMENT_TOPICS = [TOPICS.fulfillmentShipment.name];

export interface FulfillmentComposition {
  routes: RouteDefinition[];
  /** The sales.order consumer, for startServiceMessaging. */
  consumer: ServiceConsumerDefinition;
}

export function composeFulfillment(options: {
  pool: Pool;
  clock: Clock;
  topicOverrides: TopicOverrides;
  consumerGroup: string;
  importChunkSize: number;
}): FulfillmentComposition {
  const writer = createOutboxWriter(options.topicOverrides);
  const unitOfWork = new PgUnitOfWork(options.pool, writer);
  const causeOf = (event: EventEnvelope) => ({
    causationid: event.id,
    correlationid: event.correlationid ?? event.id,
  });
  return {
    routes: [
      ...shipmentRoutes({ unitOfWork, shipments: new PgShipmentRepository(options.pool), clock: options.clock }),
      // The bulk path builds envelopes without a joi pass per event: the records were checked by the
      // domain (ids against the contract's pattern, times, lateness); the first event of each type per
      // chunk is still checked (see trustedEnvelopeFactory).
      shipmentImportRoute({
        unitOfWork: new PgUnitOfWork(options.pool, writer, trustedEnvelopeFactory),
        chunkSize: options.importChunkSize,
      }),
    ],
    consumer: {
      groupId: options.consumerGroup,
      topics: [TOPICS.salesOrder.name],
      handler: salesOrderEventsHandler((tx, event) => new SavepointUnitOfWork(tx, writer, causeOf(event))),
    },
  };
}
