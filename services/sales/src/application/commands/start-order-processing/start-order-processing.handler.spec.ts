import { IllegalOrderTransitionError } from '../../../domain/order/order.errors';
import { storeWithPlacedOrder } from '../../testing/placed-order.test-double';
import { hoursLater } from '../../testing/sales-fixtures.test-double';
import { ApproveOrderHandler } from '../approve-order/approve-order.handler';
import { InvoiceOrderHandler } from '../invoice-order/invoice-order.handler';
import { StartOrderProcessingHandler } from './start-order-processing.handler';

describe('StartOrderProcessingHandler', () => {
  it('starts processing an invoiced order, idempotently', async () => {
    const { store, clock, orderId } = await storeWithPlacedOrder();
    await new ApproveOrderHandler(store, clock).execute({ orderId, at: hoursLater(1) });
    await new InvoiceOrderHandler(store, clock).execute({ orderId, at: hoursLater(2) });
    const handler = new StartOrderProcessingHandler(store, clock);
    expect((await handler.execute({ orderId, at: hoursLater(3) })).order.status).toBe('processing');
    expect((await handler.execute({ orderId, at: hoursLater(3) })).outcome).toBe('unchanged');
    expect(store.outboxEvents.map((event) => event.type).at(-1)).toBe('OrderProcessingStarted');
  });

  it('refuses to process an order not invoiced', async () => {
    const { store, clock, orderId } = await storeWithPlacedOrder();
    await expect(new StartOrderProcessingHandler(store, clock).execute({ orderId })).rejects.toThrow(
      IllegalOrderTransitionError,
    );
  });
});
