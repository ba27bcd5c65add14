import { IllegalOrderTransitionError } from '../../../domain/order/order.errors';
import { processOrder, storeWithPlacedOrder } from '../../testing/placed-order.test-double';
import { hoursLater } from '../../testing/sales-fixtures.test-double';
import { MarkOrderShippedHandler } from '../mark-order-shipped/mark-order-shipped.handler';
import { CancelOrderHandler } from './cancel-order.handler';

describe('CancelOrderHandler', () => {
  it('cancels with a reason, idempotently for the same command', async () => {
    const { store, clock, orderId } = await storeWithPlacedOrder();
    const handler = new CancelOrderHandler(store, clock);
    const result = await handler.execute({ orderId, reason: 'customer changed their mind' });
    expect(result.order).toMatchObject({
      status: 'canceled',
      cancellationReason: 'customer changed their mind',
    });
    expect(store.outboxEvents.at(-1)).toMatchObject({
      type: 'OrderCanceled',
      reason: 'customer changed their mind',
    });
    expect((await handler.execute({ orderId, reason: 'customer changed their mind' })).outcome).toBe(
      'unchanged',
    );
    await expect(handler.execute({ orderId, reason: 'another' })).rejects.toThrow(
      IllegalOrderTransitionError,
    );
  });

  it('refuses to cancel a shipped order', async () => {
    const { store, clock, orderId } = await storeWithPlacedOrder();
    await processOrder(store, clock, orderId);
    await new MarkOrderShippedHandler(store).execute({ orderId, at: hoursLater(30) });
    await expect(
      new CancelOrderHandler(store, clock).execute({ orderId, at: hoursLater(31) }),
    ).rejects.toThrow(IllegalOrderTransitionError);
  });
});
