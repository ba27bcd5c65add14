import {
  type EventData,
  type EventEnvelope,
  salesOrderCanceledV1,
  salesOrderPlacedV1,
  salesOrderUnavailableV1,
  salesPaymentRecordedV1,
} from '@mercado/contracts';
import { type EventBatchHandler, type OutboxWriter, PermanentError, queryRunnerOf } from '@mercado/messaging';
import { type QueryRunner } from 'typeorm';
import { CustomerApplicationError, ConcurrencyConflictError } from '../../application/application.errors';
import { RecomputeSegmentsHandler } from '../../application/commands/recompute-segments/recompute-segments.handler';
import { RecordCancellationHandler } from '../../application/commands/record-cancellation/record-cancellation.handler';
import { RecordPaymentHandler } from '../../application/commands/record-payment/record-payment.handler';
import { RecordPurchaseHandler } from '../../application/commands/record-purchase/record-purchase.handler';
import { type PurchaseCommandResult } from '../../application/commands/shared/change-purchase';
import { type Clock } from '../../application/ports/clock.port';
import { CustomerDomainError } from '../../domain/shared/domain-error';
import { PurchaseHistoryBatch } from '../../infrastructure/persistence/purchase-history.batch';

/** The consumer's name after the service's consumer prefix: `customer.sales-purchases`. */
export const SALES_CONSUMER = 'sales-purchases';

type Data<T> = EventEnvelope<string, EventData<T>>;

/** The sales events that change a purchase; the other order events do not concern RFM. */
const PURCHASE_FACTS = new Set<string>([salesOrderPlacedV1.type, salesPaymentRecordedV1.type, salesOrderCanceledV1.type, salesOrderUnavailableV1.type]);

/**
 * The purchase history from sales.order.v1 and sales.payment.v1: placed, payment recorded, canceled
 * and unavailable become the purchase commands (the other order events do not concern RFM), run in
 * the consumer's transaction on a batch unit of work (purchases preloaded, written back set-based);
 * then the customers whose figures changed are re-scored. Registrations of accounts are kept out
 * while the batch runs (`lockAccountLinks`). A fact that contradicts a stored one can
 * never apply: it is named in a PermanentError and goes to the dead-letter topic.
 */
export function salesEventsHandler(writer: OutboxWriter, clock: Clock): EventBatchHandler {
  return async (tx, events) => {
    const batch = new PurchaseHistoryBatch(queryRunnerOf<QueryRunner>(tx).manager, writer);
    const purchase = new RecordPurchaseHandler(batch);
    const payment = new RecordPaymentHandler(batch);
    const closure = new RecordCancellationHandler(batch);

    const relevant = events.filter((event) => PURCHASE_FACTS.has(event.type));
    if (relevant.length === 0) return;
    // Before reading who holds the accounts: a registration committing meanwhile would score nobody.
    await batch.run((ports) => ports.lockAccountLinks());
    const accounts = relevant.flatMap((event) => (event.type === salesOrderPlacedV1.type ? [(event as Data<typeof salesOrderPlacedV1>).data.customer_id] : []));
    await batch.preload(
      relevant.map((event) => (event.data as { order_id: string }).order_id),
      accounts,
    );

    const touched = new Set<string>();
    for (const event of relevant) {
      let result: PurchaseCommandResult;
      try {
        if (event.type === salesOrderPlacedV1.type) {
          const data = (event as Data<typeof salesOrderPlacedV1>).data;
          result = await purchase.execute({
            orderId: data.order_id,
            customerId: data.customer_id,
            purchasedAt: new Date(data.purchased_at),
            orderValueCents: data.lines.reduce((sum, line) => sum + line.price_cents + line.freight_cents, 0),
          });
        } else if (event.type === salesPaymentRecordedV1.type) {
          const data = (event as Data<typeof salesPaymentRecordedV1>).data;
          result = await payment.execute({ orderId: data.order_id, sequential: data.sequential, valueCents: data.value_cents });
        } else if (event.type === salesOrderCanceledV1.type) {
          const data = (event as Data<typeof salesOrderCanceledV1>).data;
          result = await closure.execute({ orderId: data.order_id, closure: 'canceled', at: new Date(data.canceled_at) });
        } else {
          const data = (event as Data<typeof salesOrderUnavailableV1>).data;
          result = await closure.execute({ orderId: data.order_id, closure: 'unavailable', at: new Date(data.unavailable_at) });
        }
      } catch (error) {
        const refused = error instanceof CustomerDomainError || (error instanceof CustomerApplicationError && !(error instanceof ConcurrencyConflictError));
        if (refused) throw new PermanentError(`${event.type} ${event.id}: ${error.message}`, { eventIds: [event.id], cause: error });
        throw error;
      }
      if (result.outcome === 'changed' && result.customerUniqueId !== null) touched.add(result.customerUniqueId);
    }
    await batch.flush();
    if (touched.size > 0) {
      await new RecomputeSegmentsHandler(batch, clock).execute({ scope: 'touched', customerUniqueIds: [...touched] });
    }
  };
}
