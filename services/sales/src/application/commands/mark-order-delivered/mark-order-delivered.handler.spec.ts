import { Order } from '../../../domain/order/order.aggregate';
import { realOlistOrder } from '../../../domain/order/olist-real-orders.test-double';
import { InMemorySalesStore } from '../../testing/in-memory-sales.test-double';
import { IllegalOrderTransitionError } from '../../../domain/order/order.errors';
import { processOrder, storeWithPlacedOrder } from '../../testing/placed-order.test-double';
import { hoursLater } from '../../testing/sales-fixtures.test-double';
import { MarkOrderShippedHandler } from '../mark-order-shipped/mark-order-shipped.handler';
import { MarkOrderDeliveredHandler } from './mark-order-delivered.handler';

describe('MarkOrderDeliveredHandler (reaction to shipment delivered)', () => {
  it('delivers a shipped order, and a repeated delivery is a no-op', async () => {
    const { store, clock, orderId } = await storeWithPlacedOrder();
    await processOrder(store, clock, orderId);
    await new MarkOrderShippedHandler(store).execute({ orderId, at: hoursLater(30) });
    const handler = new MarkOrderDeliveredHandler(store);
    const result = await handler.execute({ orderId, at: hoursLater(100) });
    expect(result.order.status).toBe('delivered');
    expect((await handler.execute({ orderId, at: hoursLater(100) })).outcome).toBe('unchanged');
    expect(store.outboxEvents.filter((event) => event.type === 'OrderDelivered')).toHaveLength(1);
    // A late duplicate of the dispatch after delivery is a no-op as well.
    expect((await new MarkOrderShippedHandler(store).execute({ orderId, at: hoursLater(30) })).outcome).toBe(
      'unchanged',
    );
  });

  it('refuses to deliver an order that was not shipped', async () => {
    const { store, clock, orderId } = await storeWithPlacedOrder();
    await processOrder(store, clock, orderId);
    await expect(
      new MarkOrderDeliveredHandler(store).execute({ orderId, at: hoursLater(100) }),
    ).rejects.toThrow(IllegalOrderTransitionError);
  });

  it('leaves an imported order as the Olist record has it, even a canceled one fulfillment saw handed over', async () => {
    const store = new InMemorySalesStore();
    // Real Olist order: canceled, yet with carrier and delivered dates.
    const imported = Order.importHistorical(realOlistOrder('1950d777989f6a877539f53795b4c3c3'));
    imported.pullDomainEvents();
    store.commit(imported);
    const result = await new MarkOrderDeliveredHandler(store).execute({ orderId: imported.id, at: hoursLater(30) });
    expect(result.outcome).toBe('unchanged');
    expect(result.order.status).toBe('canceled');
    expect(store.outboxEvents).toHaveLength(0);
  });
});
