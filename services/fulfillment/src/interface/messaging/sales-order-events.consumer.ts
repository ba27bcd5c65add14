import {
  type EventEnvelope,
  isEvent,
  salesOrderApprovedV1,
  salesOrderCanceledV1,
  salesOrderPlacedV1,
  salesOrderUnavailableV1,
} from '@mercado/contracts';
import { type EventBatchHandler, PermanentError, type SqlTransaction } from '@mercado/messaging';
import { CancelShipmentHandler } from '../../application/commands/cancel-shipment/cancel-shipment.handler';
import { CreateShipmentHandler } from '../../application/commands/create-shipment/create-shipment.handler';
import { RecordOrderLinesHandler } from '../../application/commands/record-order-lines/record-order-lines.handler';
import { type UnitOfWork } from '../../application/ports/unit-of-work.port';
import {
  ConcurrentModificationError,
  FulfillmentApplicationError,
} from '../../application/shared/application.errors';
import { FulfillmentDomainError } from '../../domain/shared/fulfillment-domain-error';

/** The unit of work of one inbound event, inside the consumer's transaction. */
export type UnitOfWorkForEvent = (tx: SqlTransaction, event: EventEnvelope) => UnitOfWork;

/**
 * sales.order.v1 → fulfillment commands. Each event becomes one command and stops there:
 * placed → record the order lines; approved → open the shipment; canceled or unavailable → cancel it.
 * The order's other steps (invoiced, processing, shipped, delivered) are sales' view and change no
 * shipment. A command the domain refuses can never succeed: its event goes to the dead-letter topic
 * (PermanentError naming it) while the rest of the batch is applied.
 */
export function salesOrderEventsHandler(unitOfWorkFor: UnitOfWorkForEvent): EventBatchHandler {
  return async (tx, events) => {
    const refused: { id: string; reason: string }[] = [];
    for (const event of events) {
      try {
        await applyEvent(unitOfWorkFor(tx, event), event);
      } catch (error) {
        if (!isRefusal(error)) throw error;
        refused.push({ id: event.id, reason: `${event.type} ${event.subject}: ${error.message}` });
      }
    }
    if (refused.length > 0) {
      throw new PermanentError(refused.map((r) => r.reason).join('; '), {
        eventIds: refused.map((r) => r.id),
      });
    }
  };
}

async function applyEvent(unitOfWork: UnitOfWork, event: EventEnvelope): Promise<void> {
  if (isEvent(event, salesOrderPlacedV1)) {
    const data = event.data;
    await new RecordOrderLinesHandler(unitOfWork).execute({
      orderId: data.order_id,
      customerId: data.customer_id,
      purchasedAt: new Date(data.purchased_at),
      imported: data.imported,
      lines: data.lines.map((line) => ({
        lineNumber: line.line_number,
        sellerId: line.seller_id,
        shippingLimitAt: new Date(line.shipping_limit_at),
      })),
    });
  } else if (isEvent(event, salesOrderApprovedV1)) {
    await new CreateShipmentHandler(unitOfWork).execute({
      orderId: event.data.order_id,
      approvedAt: new Date(event.data.approved_at),
    });
  } else if (isEvent(event, salesOrderCanceledV1)) {
    await new CancelShipmentHandler(unitOfWork).execute({
      orderId: event.data.order_id,
      at: new Date(event.data.canceled_at),
      reason: event.data.reason ?? null,
    });
  } else if (isEvent(event, salesOrderUnavailableV1)) {
    await new CancelShipmentHandler(unitOfWork).execute({
      orderId: event.data.order_id,
      at: new Date(event.data.unavailable_at),
      reason: event.data.reason ?? 'unavailable',
    });
  }
}

/** A refusal by the rules (never passes on retry), as opposed to a failure (retried). */
function isRefusal(error: unknown): error is Error {
  if (error instanceof ConcurrentModificationError) return false;
  return error instanceof FulfillmentDomainError || error instanceof FulfillmentApplicationError;
}
