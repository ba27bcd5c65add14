import { IllegalOrderTransitionError } from '../../../domain/order/order.errors';
import { storeWithPlacedOrder } from '../../testing/placed-order.test-double';
import { hoursLater } from '../../testing/sales-fixtures.test-double';
import { ApproveOrderHandler } from '../approve-order/approve-order.handler';
import { MarkOrderUnavailableHandler } from './mark-order-unavailable.handler';

describe('MarkOrderUnavailableHandler', () => {
  it('marks an approved order unavailable', async () => {
    const { store, clock, orderId } = await storeWithPlacedOrder();
    await new ApproveOrderHandler(store, clock).execute({ orderId, at: hoursLater(1) });
    const result = await new MarkOrderUnavailableHandler(store, clock).execute({
      orderId,
      at: hoursLater(2),
    });
    expect(result.order.status).toBe('unavailable');
    expect(store.outboxEvents.at(-1)).toMatchObject({ type: 'OrderMarkedUnavailable' });
  });

  it('refuses an order not yet approved', async () => {
    const { store, clock, orderId } = await storeWithPlacedOrder();
    await expect(new MarkOrderUnavailableHandler(store, clock).execute({ orderId })).rejects.toThrow(
      IllegalOrderTransitionError,
    );
  });
});
