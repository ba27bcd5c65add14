import { realOlistOrders } from '../../../domain/order/olist-real-orders.test-double';
import { InvalidQueryError } from '../../application.errors';
import { ImportOrdersHandler } from '../../commands/import-orders/import-orders.handler';
import { InMemorySalesStore } from '../../testing/in-memory-sales.test-double';
import { ListOrdersHandler, decodeCursor, encodeCursor } from './list-orders.handler';

describe('ListOrdersHandler', () => {
  let handler: ListOrdersHandler;

  beforeAll(async () => {
    const store = new InMemorySalesStore();
    await new ImportOrdersHandler(store).execute({ records: [...realOlistOrders().values()] });
    handler = new ListOrdersHandler(store.orders);
  });

  it('pages through every order newest first with opaque cursors, without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await handler.execute({ limit: 5, cursor });
      seen.push(...page.items.map((item) => item.purchasedAt + ' ' + item.orderId));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
    const first = await handler.execute({});
    expect(first.nextCursor).toBeNull();
    expect(first.items.map((item) => item.orderId)[0]).toBe('00b1cb0320190ca0daa2c88b35206009');
    expect(first.items.at(-1)!.orderId).toBe('136cce7faa42fdb2cefd53fdc79a6098');
  });

  it('filters by status, customer account and purchase period', async () => {
    const canceled = await handler.execute({ status: 'canceled' });
    expect(canceled.items.map((item) => item.orderId).sort()).toEqual([
      '00b1cb0320190ca0daa2c88b35206009',
      '0966b61e30c4a07edbd7523f59b3f3e4',
      '1950d777989f6a877539f53795b4c3c3',
      '714fb133a6730ab81fa1d3c1b2007291',
    ]);
    const account = await handler.execute({ customerId: '3b6828a50ffe546942b7a473d70ac0fc' });
    expect(account.items.map((item) => item.orderId)).toEqual(['dcb36b511fcac050b97cd5c05de84dc3']);
    const period = await handler.execute({
      purchasedFrom: new Date('2018-01-01T00:00:00-02:00'),
      purchasedBefore: new Date('2018-02-01T00:00:00-02:00'),
    });
    expect(period.items.map((item) => item.orderId)).toEqual([
      'c272bcd21c287498b4883c7512019702',
      '714fb133a6730ab81fa1d3c1b2007291',
    ]);
  });

  it.each([
    [{ limit: 0 }, 'limit'],
    [{ limit: 101 }, 'limit'],
    [{ limit: 2.5 }, 'limit'],
    [{ status: 'lost' }, 'status'],
    [{ purchasedFrom: new Date('x') }, 'purchasedFrom'],
    [{ cursor: 'not-a-cursor' }, 'cursor'],
    [{ cursor: Buffer.from('["2018-01-01T00:00:00Z"]').toString('base64url') }, 'cursor'],
    [{ cursor: Buffer.from('["not a date","id"]').toString('base64url') }, 'cursor'],
  ])('refuses %j naming %s', async (query, field) => {
    await expect(handler.execute(query)).rejects.toThrow(InvalidQueryError);
    await expect(handler.execute(query)).rejects.toMatchObject({ field });
  });

  it('round-trips a cursor', () => {
    const key = {
      purchasedAt: new Date('2018-06-12T12:51:55Z'),
      orderId: '00bdcdda88e6b02977fc6ce3d412c600',
    };
    expect(decodeCursor(encodeCursor(key))).toEqual(key);
  });
});
