import { Order } from '../../../domain/order/order.aggregate';
import { realOlistOrder } from '../../../domain/order/olist-real-orders.test-double';
import { InMemorySalesStore } from '../../testing/in-memory-sales.test-double';
import { IllegalOrderTransitionError } from '../../../domain/order/order.errors';
import { processOrder, storeWithPlacedOrder } from '../../testing/placed-order.test-double';
import { hoursLater } from '../../testing/sales-fixtures.test-double';
import { MarkOrderShippedHandler } from './mark-order-shipped.handler';

describe('MarkOrderShippedHandler (reaction to shipment dispatched)', () => {
  it('ships a processing order at the event time', async () => {
    const { store, clock, orderId } = await storeWithPlacedOrder();
    await processOrder(store, clock, orderId);
    const result = await new MarkOrderShippedHandler(store).execute({ orderId, at: hoursLater(30) });
    expect(result.outcome).toBe('changed');
    expect(result.order.deliveredCarrierAt).toBe('2017-10-03T16:56:33-03:00');
    expect(store.outboxEvents.at(-1)).toMatchObject({ type: 'OrderShipped', occurredAt: hoursLater(30) });
  });

  it('treats a repeated dispatch as a no-op, even with another time', async () => {
    const { store, clock, orderId } = await storeWithPlacedOrder();
    await processOrder(store, clock, orderId);
    const handler = new MarkOrderShippedHandler(store);
    await handler.execute({ orderId, at: hoursLater(30) });
    const events = store.outboxEvents.length;
    expect((await handler.execute({ orderId, at: hoursLater(30) })).outcome).toBe('unchanged');
    expect((await handler.execute({ orderId, at: hoursLater(31) })).outcome).toBe('unchanged');
    expect(store.outboxEvents).toHaveLength(events);
  });

  it('refuses to ship an order that is not processing', async () => {
    const { store, orderId } = await storeWithPlacedOrder();
    await expect(new MarkOrderShippedHandler(store).execute({ orderId, at: hoursLater(30) })).rejects.toThrow(
      IllegalOrderTransitionError,
    );
  });

  it('leaves an imported order as the Olist record has it, even a canceled one fulfillment saw handed over', async () => {
    const store = new InMemorySalesStore();
    // Real Olist order: canceled, yet with carrier and delivered dates.
    const imported = Order.importHistorical(realOlistOrder('1950d777989f6a877539f53795b4c3c3'));
    imported.pullDomainEvents();
    store.commit(imported);
    const result = await new MarkOrderShippedHandler(store).execute({ orderId: imported.id, at: hoursLater(30) });
    expect(result.outcome).toBe('unchanged');
    expect(result.order.status).toBe('canceled');
    expect(store.outboxEvents).toHaveLength(0);
  });
});
