import {
  type EventData,
  type EventEnvelope,
  fulfillmentShipmentDeliveredV1,
  fulfillmentShipmentDispatchedV1,
} from '@mercado/contracts';
import { type EventBatchHandler, type OutboxWriter, PermanentError, queryRunnerOf } from '@mercado/messaging';
import { type QueryRunner } from 'typeorm';
import { MarkOrderDeliveredHandler } from '../../application/commands/mark-order-delivered/mark-order-delivered.handler';
import { MarkOrderShippedHandler } from '../../application/commands/mark-order-shipped/mark-order-shipped.handler';
import { ConcurrencyConflictError, OrderNotFoundError, SalesApplicationError } from '../../application/application.errors';
import { SalesDomainError } from '../../domain/shared/domain-error';
import { BoundSalesUnitOfWork } from '../../infrastructure/persistence/sales.unit-of-work';

/** The consumer's name after the service's consumer prefix: `sales.fulfillment-shipments`. */
export const SHIPMENT_CONSUMER = 'fulfillment-shipments';

/**
 * Sales' reaction to fulfillment.shipment.v1: `dispatched` marks the order shipped, `delivered`
 * delivered; `created` concerns fulfillment only. Each message becomes a command run in the
 * consumer's transaction (with the inbox rows), so the order, its events and the inbox commit
 * together. An event the order refuses (a transition its status does not allow) can never succeed:
 * it is named in a PermanentError and goes to the dead-letter topic.
 *
 * An event for an order sales does not hold is skipped and counted (`onUnknownOrder`), not
 * dead-lettered: a live shipment only exists for an order sales approved, so such events come from
 * fulfillment's import of Olist's orders file running ahead of sales' import of the same file, and
 * the Olist record sales imports already carries the status they would set (imported orders ignore
 * fulfillment's echo). Dead-lettering them filled the DLQ with about one event per imported order.
 */
export function shipmentEventsHandler(
  writer: OutboxWriter,
  onUnknownOrder: (event: EventEnvelope) => void = () => undefined,
): EventBatchHandler {
  return async (tx, events) => {
    const uow = new BoundSalesUnitOfWork(queryRunnerOf<QueryRunner>(tx).manager, writer);
    const shipped = new MarkOrderShippedHandler(uow);
    const delivered = new MarkOrderDeliveredHandler(uow);
    for (const event of events) {
      try {
        if (event.type === fulfillmentShipmentDispatchedV1.type) {
          const data = (event as EventEnvelope<string, EventData<typeof fulfillmentShipmentDispatchedV1>>).data;
          await shipped.execute({ orderId: data.order_id, at: new Date(data.dispatched_at) });
        } else if (event.type === fulfillmentShipmentDeliveredV1.type) {
          const data = (event as EventEnvelope<string, EventData<typeof fulfillmentShipmentDeliveredV1>>).data;
          await delivered.execute({ orderId: data.order_id, at: new Date(data.delivered_at) });
        }
      } catch (error) {
        if (error instanceof OrderNotFoundError) {
          onUnknownOrder(event);
          continue;
        }
        const refused = error instanceof SalesDomainError || (error instanceof SalesApplicationError && !(error instanceof ConcurrencyConflictError));
        if (refused) throw new PermanentError(`${event.type} ${event.id}: ${error.message}`, { eventIds: [event.id], cause: error });
        throw error;
      }
    }
  };
}
