import { InvalidMoneyError } from '../../../domain/money/money.value-object';
import { OrderWithoutLinesError } from '../../../domain/order/order.errors';
import { ConcurrencyConflictError, OrderConflictError } from '../../application.errors';
import { FixedClock, InMemorySalesStore } from '../../testing/in-memory-sales.test-double';
import { PURCHASED_AT, hoursLater, placeOrderCommand } from '../../testing/sales-fixtures.test-double';
import { PlaceOrderHandler } from './place-order.handler';

describe('PlaceOrderHandler', () => {
  let store: InMemorySalesStore;
  let clock: FixedClock;
  let handler: PlaceOrderHandler;

  beforeEach(() => {
    store = new InMemorySalesStore();
    clock = new FixedClock(hoursLater(1));
    handler = new PlaceOrderHandler(store, clock);
  });

  it('saves a new order as version 1 and puts OrderPlaced in the outbox in the same transaction', async () => {
    const result = await handler.execute(placeOrderCommand());
    expect(result.outcome).toBe('changed');
    expect(result.order).toMatchObject({
      orderId: 'e481f51cbdc54678b7cc49136f2d6af7',
      status: 'created',
      total: '38.71',
      purchasedAt: '2017-10-02T10:56:33-03:00',
      version: 1,
    });
    expect(store.version('e481f51cbdc54678b7cc49136f2d6af7')).toBe(1);
    expect(store.outboxEvents.map((event) => event.type)).toEqual(['OrderPlaced']);
    expect(store.transactionsCommitted).toBe(1);
  });

  it('uses the clock when no purchase time is given', async () => {
    const result = await handler.execute(placeOrderCommand({ purchasedAt: undefined }));
    expect(result.order.purchasedAt).toBe('2017-10-02T11:56:33-03:00');
  });

  it('returns the existing order unchanged when the same order is placed again', async () => {
    await handler.execute(placeOrderCommand());
    const again = await handler.execute(placeOrderCommand());
    expect(again.outcome).toBe('unchanged');
    expect(again.order.version).toBe(1);
    expect(store.outboxEvents).toHaveLength(1);
  });

  it('refuses the same id with different content as a conflict and writes nothing', async () => {
    await handler.execute(placeOrderCommand());
    await expect(handler.execute(placeOrderCommand({ customerId: 'another-account' }))).rejects.toThrow(
      OrderConflictError,
    );
    const line = placeOrderCommand().lines[0]!;
    await expect(
      handler.execute(placeOrderCommand({ lines: [{ ...line, price: '30.00' }] })),
    ).rejects.toThrow(OrderConflictError);
    await expect(
      handler.execute(placeOrderCommand({ purchasedAt: PURCHASED_AT, estimatedDeliveryDate: null })),
    ).rejects.toThrow(OrderConflictError);
    expect(store.outboxEvents).toHaveLength(1);
  });

  it('treats a concurrent placement of the same order as a repeat after retrying', async () => {
    const elsewhere = new InMemorySalesStore();
    await new PlaceOrderHandler(elsewhere, clock).execute(placeOrderCommand());
    const placedElsewhere = (await elsewhere.orders.findById('e481f51cbdc54678b7cc49136f2d6af7'))!;
    let raced = false;
    store.beforeWrite = () => {
      if (raced) return;
      raced = true;
      // Another instance commits the same placement between our read and our write.
      store.commit(placedElsewhere);
    };
    const result = await handler.execute(placeOrderCommand());
    expect(result.outcome).toBe('unchanged');
    expect(store.outboxEvents).toEqual([]);
    expect(store.version('e481f51cbdc54678b7cc49136f2d6af7')).toBe(1);
  });

  it('gives up after three lost races', async () => {
    store.beforeWrite = (orderId) => {
      throw new ConcurrencyConflictError(orderId, 0, 1);
    };
    await expect(handler.execute(placeOrderCommand())).rejects.toThrow(ConcurrencyConflictError);
    expect(store.transactionsCommitted).toBe(0);
  });

  it('refuses invalid content with the domain error, before touching the store', async () => {
    const line = placeOrderCommand().lines[0]!;
    await expect(
      handler.execute(placeOrderCommand({ lines: [{ ...line, price: '29,99' }] })),
    ).rejects.toThrow(InvalidMoneyError);
    await expect(handler.execute(placeOrderCommand({ lines: [] }))).rejects.toThrow(OrderWithoutLinesError);
    await expect(handler.execute({ ...placeOrderCommand(), lines: undefined as never })).rejects.toThrow(
      OrderWithoutLinesError,
    );
    expect(store.transactionsCommitted).toBe(0);
  });
});
