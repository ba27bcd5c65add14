import {
  IllegalOrderTransitionError,
  TransitionBeforePreviousError,
} from '../../../domain/order/order.errors';
import { ConcurrencyConflictError, OrderNotFoundError } from '../../application.errors';
import { storeWithPlacedOrder } from '../../testing/placed-order.test-double';
import { hoursLater } from '../../testing/sales-fixtures.test-double';
import { ApproveOrderHandler } from './approve-order.handler';

describe('ApproveOrderHandler', () => {
  it('approves at the clock time, saves the next version and appends OrderApproved', async () => {
    const { store, clock, orderId } = await storeWithPlacedOrder();
    const result = await new ApproveOrderHandler(store, clock).execute({ orderId });
    expect(result.outcome).toBe('changed');
    expect(result.order.status).toBe('approved');
    expect(result.order.approvedAt).toBe('2017-10-02T11:56:33-03:00');
    expect(result.order.version).toBe(2);
    expect(store.version(orderId)).toBe(2);
    expect(store.outboxEvents.map((event) => event.type)).toEqual(['OrderPlaced', 'OrderApproved']);
  });

  it('is idempotent for the same command and writes nothing the second time', async () => {
    const { store, clock, orderId } = await storeWithPlacedOrder();
    const handler = new ApproveOrderHandler(store, clock);
    await handler.execute({ orderId, at: hoursLater(2) });
    const again = await handler.execute({ orderId, at: hoursLater(2) });
    expect(again.outcome).toBe('unchanged');
    expect(store.version(orderId)).toBe(2);
    expect(store.outboxEvents).toHaveLength(2);
  });

  it('refuses an approval at another time once approved, and one dated before the purchase', async () => {
    const { store, clock, orderId } = await storeWithPlacedOrder();
    const handler = new ApproveOrderHandler(store, clock);
    await expect(handler.execute({ orderId, at: hoursLater(-1) })).rejects.toThrow(
      TransitionBeforePreviousError,
    );
    await handler.execute({ orderId, at: hoursLater(2) });
    await expect(handler.execute({ orderId, at: hoursLater(3) })).rejects.toThrow(
      IllegalOrderTransitionError,
    );
    expect(store.outboxEvents).toHaveLength(2);
  });

  it('answers OrderNotFoundError for an unknown order', async () => {
    const { store, clock } = await storeWithPlacedOrder();
    await expect(new ApproveOrderHandler(store, clock).execute({ orderId: 'nope' })).rejects.toThrow(
      OrderNotFoundError,
    );
  });

  it('retries on fresh state when another writer changed the order meanwhile', async () => {
    const { store, clock, orderId } = await storeWithPlacedOrder();
    let writes = 0;
    store.beforeWrite = (id) => {
      if (writes++ === 0) store.touch(id);
    };
    const result = await new ApproveOrderHandler(store, clock).execute({ orderId });
    expect(result.outcome).toBe('changed');
    expect(writes).toBe(2);
    expect(store.version(orderId)).toBe(3);
    expect(store.outboxEvents.map((event) => event.type)).toEqual(['OrderPlaced', 'OrderApproved']);
  });

  it('gives up after three lost races and commits nothing', async () => {
    const { store, clock, orderId } = await storeWithPlacedOrder();
    store.beforeWrite = (id) => store.touch(id);
    await expect(new ApproveOrderHandler(store, clock).execute({ orderId })).rejects.toThrow(
      ConcurrencyConflictError,
    );
    expect(store.outboxEvents).toHaveLength(1);
  });
});
