import { ApproveOrderHandler } from '../commands/approve-order/approve-order.handler';
import { InvoiceOrderHandler } from '../commands/invoice-order/invoice-order.handler';
import { PlaceOrderHandler } from '../commands/place-order/place-order.handler';
import { StartOrderProcessingHandler } from '../commands/start-order-processing/start-order-processing.handler';
import { FixedClock, InMemorySalesStore } from './in-memory-sales.test-double';
import { hoursLater, placeOrderCommand } from './sales-fixtures.test-double';

/** A store holding one placed order (its OrderPlaced already in the outbox), and a clock. */
export async function storeWithPlacedOrder(): Promise<{
  store: InMemorySalesStore;
  clock: FixedClock;
  orderId: string;
}> {
  const store = new InMemorySalesStore();
  const clock = new FixedClock(hoursLater(1));
  const { order } = await new PlaceOrderHandler(store, clock).execute(placeOrderCommand());
  return { store, clock, orderId: order.orderId };
}

/** Approves (1 h), invoices (2 h) and starts processing (3 h after purchase) a placed order. */
export async function processOrder(
  store: InMemorySalesStore,
  clock: FixedClock,
  orderId: string,
): Promise<void> {
  await new ApproveOrderHandler(store, clock).execute({ orderId, at: hoursLater(1) });
  await new InvoiceOrderHandler(store, clock).execute({ orderId, at: hoursLater(2) });
  await new StartOrderProcessingHandler(store, clock).execute({ orderId, at: hoursLater(3) });
}
