import { realOlistOrder, realOlistOrders } from '../../../domain/order/olist-real-orders.test-double';
import { ConcurrencyConflictError } from '../../application.errors';
import { FixedClock, InMemorySalesStore } from '../../testing/in-memory-sales.test-double';
import { placeOrderCommand } from '../../testing/sales-fixtures.test-double';
import { PlaceOrderHandler } from '../place-order/place-order.handler';
import { ImportOrdersHandler } from './import-orders.handler';

describe('ImportOrdersHandler', () => {
  let store: InMemorySalesStore;
  let handler: ImportOrdersHandler;

  beforeEach(() => {
    store = new InMemorySalesStore();
    handler = new ImportOrdersHandler(store);
  });

  it('imports every real order of the fixture, quirks and all, in one transaction', async () => {
    const records = [...realOlistOrders().values()];
    const result = await handler.execute({ records });
    expect(result.rejected).toEqual([]);
    expect(result.imported).toHaveLength(records.length);
    expect(store.transactionsCommitted).toBe(1);
    const canceled = await store.orders.findById('1950d777989f6a877539f53795b4c3c3');
    expect(canceled?.anomalies).toEqual(
      expect.arrayContaining(['CANCELED_AFTER_SHIPPING', 'CANCELED_AFTER_DELIVERY']),
    );
    expect(canceled?.version).toBe(1);
    const placed = store.outboxEvents.filter((event) => event.type === 'OrderPlaced');
    expect(placed).toHaveLength(records.length);
    expect(store.outboxEvents.every((event) => event.origin === 'import')).toBe(true);
  });

  it('keeps going past bad records and reports each with its index, column and reason', async () => {
    const good = realOlistOrder('00bdcdda88e6b02977fc6ce3d412c600');
    const badStatus = { ...realOlistOrder('0966b61e30c4a07edbd7523f59b3f3e4'), order_status: 'lost' };
    const negative = realOlistOrder('c272bcd21c287498b4883c7512019702');
    const negativePayment = {
      ...negative,
      payments: [{ ...negative.payments[0]!, payment_value: '-97.68' }],
    };
    const noId = { ...realOlistOrder('00b1cb0320190ca0daa2c88b35206009'), order_id: '' };
    const result = await handler.execute({ records: [badStatus, good, negativePayment, noId] });
    expect(result.imported).toEqual(['00bdcdda88e6b02977fc6ce3d412c600']);
    expect(result.rejected).toEqual([
      {
        index: 0,
        orderId: '0966b61e30c4a07edbd7523f59b3f3e4',
        code: 'unknown-order-status',
        field: 'order_status',
        reason: expect.stringContaining('"lost"'),
      },
      {
        index: 2,
        orderId: 'c272bcd21c287498b4883c7512019702',
        code: 'negative-money',
        field: 'payment_value',
        reason: 'payment_value must not be negative (got -97.68)',
      },
      { index: 3, orderId: null, code: 'missing-field', field: 'order_id', reason: 'order_id is required' },
    ]);
  });

  it('prepares a batch without the database, so the next can be prepared while one commits; commits in order', async () => {
    const [first, second] = [...realOlistOrders().values()];
    const prepared = [handler.prepare({ records: [first!] }), handler.prepare({ records: [second!, first!] })];
    expect(store.transactionsCommitted).toBe(0);
    expect((await handler.commit(prepared[0]!)).imported).toEqual([first!.order_id]);
    // The second batch was built before the first was stored: its repeat is found at commit.
    const result = await handler.commit(prepared[1]!);
    expect(result.imported).toEqual([second!.order_id]);
    expect(result.unchanged).toEqual([first!.order_id]);
    expect(store.transactionsCommitted).toBe(2);
  });

  it('is idempotent: importing the same records again writes nothing', async () => {
    const records = [
      realOlistOrder('00bdcdda88e6b02977fc6ce3d412c600'),
      realOlistOrder('dcb36b511fcac050b97cd5c05de84dc3'),
    ];
    await handler.execute({ records });
    const events = store.outboxEvents.length;
    const again = await handler.execute({ records });
    expect(again).toEqual({
      imported: [],
      unchanged: ['00bdcdda88e6b02977fc6ce3d412c600', 'dcb36b511fcac050b97cd5c05de84dc3'],
      rejected: [],
    });
    expect(store.outboxEvents).toHaveLength(events);
    expect(store.version('00bdcdda88e6b02977fc6ce3d412c600')).toBe(1);
  });

  it('treats the same record twice in one batch as one import and one repeat', async () => {
    const record = realOlistOrder('00bdcdda88e6b02977fc6ce3d412c600');
    const result = await handler.execute({ records: [record, record] });
    expect(result.imported).toEqual(['00bdcdda88e6b02977fc6ce3d412c600']);
    expect(result.unchanged).toEqual(['00bdcdda88e6b02977fc6ce3d412c600']);
  });

  it('rejects the same id with different content as a conflict, in the batch and against the store', async () => {
    const record = realOlistOrder('00bdcdda88e6b02977fc6ce3d412c600');
    const changed = { ...record, order_status: 'shipped', order_delivered_customer_date: '' };
    const inBatch = await handler.execute({ records: [record, changed] });
    expect(inBatch.rejected).toEqual([
      expect.objectContaining({
        index: 1,
        code: 'order-conflict',
        field: 'order_id',
        orderId: record.order_id,
      }),
    ]);
    const againstStore = await handler.execute({
      records: [realOlistOrder('dcb36b511fcac050b97cd5c05de84dc3'), changed],
    });
    expect(againstStore.imported).toEqual(['dcb36b511fcac050b97cd5c05de84dc3']);
    expect(againstStore.rejected).toEqual([expect.objectContaining({ index: 1, code: 'order-conflict' })]);
  });

  it('conflicts with a live order of the same id that differs', async () => {
    await new PlaceOrderHandler(store, new FixedClock(new Date())).execute(
      placeOrderCommand({ orderId: '00bdcdda88e6b02977fc6ce3d412c600' }),
    );
    const result = await handler.execute({ records: [realOlistOrder('00bdcdda88e6b02977fc6ce3d412c600')] });
    expect(result.rejected[0]).toMatchObject({ code: 'order-conflict' });
  });

  it('retries the batch when a concurrent import wrote one of its orders meanwhile', async () => {
    const records = [
      realOlistOrder('00bdcdda88e6b02977fc6ce3d412c600'),
      realOlistOrder('dcb36b511fcac050b97cd5c05de84dc3'),
    ];
    const elsewhere = new InMemorySalesStore();
    await new ImportOrdersHandler(elsewhere).execute({ records: [records[1]!] });
    const importedElsewhere = (await elsewhere.orders.findById('dcb36b511fcac050b97cd5c05de84dc3'))!;
    let raced = false;
    store.beforeWrite = () => {
      if (!raced) {
        raced = true;
        store.commit(importedElsewhere);
      }
    };
    const result = await handler.execute({ records });
    expect(result.imported).toEqual(['00bdcdda88e6b02977fc6ce3d412c600']);
    expect(result.unchanged).toEqual(['dcb36b511fcac050b97cd5c05de84dc3']);
    expect(
      store.outboxEvents.filter((event) => event.type === 'OrderPlaced').map((event) => event.orderId),
    ).toEqual(['00bdcdda88e6b02977fc6ce3d412c600']);
  });

  it('writes nothing when the whole batch is rejected or empty', async () => {
    await handler.execute({ records: [] });
    await handler.execute({
      records: [{ ...realOlistOrder('00bdcdda88e6b02977fc6ce3d412c600'), order_status: '' }],
    });
    expect(store.outboxEvents).toEqual([]);
  });

  it('lets a failure that is not a data error escape (nothing is committed)', async () => {
    store.beforeWrite = (orderId) => {
      throw new ConcurrencyConflictError(orderId, 0, 1);
    };
    await expect(
      handler.execute({ records: [realOlistOrder('00bdcdda88e6b02977fc6ce3d412c600')] }),
    ).rejects.toThrow(ConcurrencyConflictError);
    expect(store.transactionsCommitted).toBe(0);
  });
});
