import { ImportShipmentsHandler } from '../commands/import-shipments/import-shipments.handler';
import { InvalidCursorError } from '../shared/application.errors';
import { encodeCursor, MAX_PAGE_LIMIT, pageLimit, DEFAULT_PAGE_LIMIT } from '../shared/pagination';
import { FixedClock, InMemoryUnitOfWork } from '../testing/in-memory-fulfillment.test-double';
import { local, olistRow } from '../testing/fulfillment-fixtures.test-double';
import { GetShipmentByOrderHandler } from './get-shipment-by-order/get-shipment-by-order.handler';
import { ListLateShipmentsHandler } from './list-late-shipments/list-late-shipments.handler';
import { ListOverdueShipmentsHandler } from './list-overdue-shipments/list-overdue-shipments.handler';

/** Five histories: two late deliveries, one on time, two never delivered (one promised earlier). */
async function seed(uow: InMemoryUnitOfWork): Promise<void> {
  await new ImportShipmentsHandler(uow).execute({
    records: [
      { row: olistRow({ order_id: 'on-time' }) },
      { row: olistRow({ order_id: 'late-b', order_delivered_customer_date: '2017-10-19 00:00:00' }) },
      { row: olistRow({ order_id: 'late-a', order_delivered_customer_date: '2017-10-19 00:00:00' }) },
      {
        row: olistRow({
          order_id: 'lost',
          order_status: 'shipped',
          order_delivered_customer_date: '',
          order_estimated_delivery_date: '2017-10-20 00:00:00',
        }),
      },
      {
        row: olistRow({
          order_id: 'stuck',
          order_status: 'processing',
          order_delivered_carrier_date: '',
          order_delivered_customer_date: '',
        }),
      },
    ],
  });
}

describe('shipment queries', () => {
  const uow = new InMemoryUnitOfWork();
  const clock = new FixedClock(local('2017-10-21 09:00:00'));

  beforeAll(() => seed(uow));

  it('gets the shipment of an order, or null', async () => {
    const handler = new GetShipmentByOrderHandler(uow.shipments);
    expect(await handler.execute({ orderId: 'late-a' })).toEqual(
      expect.objectContaining({
        orderId: 'late-a',
        status: 'delivered',
        lateness: { daysLate: 1, onTime: false },
      }),
    );
    expect(await handler.execute({ orderId: 'nope' })).toBeNull();
  });

  it('lists overdue shipments as of the clock, most overdue first, with days overdue', async () => {
    const handler = new ListOverdueShipmentsHandler(uow.shipments, clock);
    const page = await handler.execute({});
    expect(page.asOf).toEqual(local('2017-10-21 09:00:00'));
    expect(page.items.map((s) => [s.orderId, s.daysOverdue])).toEqual([
      ['stuck', 3],
      ['lost', 1],
    ]);
    expect(page.nextCursor).toBeNull();
  });

  it('lists overdue shipments as of a past instant: late deliveries were overdue then', async () => {
    const handler = new ListOverdueShipmentsHandler(uow.shipments, clock);
    const page = await handler.execute({ asOf: local('2017-10-19 00:00:00'), limit: 2 });
    // At 00:00 on the 19th the two late deliveries happen at that very instant: delivered.
    expect(page.items.map((s) => s.orderId)).toEqual(['stuck']);
    const before = await handler.execute({ asOf: local('2017-10-18 23:59:59') });
    expect(before.items).toEqual([]);
  });

  it('pages through with cursors and refuses a forged cursor', async () => {
    const handler = new ListOverdueShipmentsHandler(uow.shipments, clock);
    const first = await handler.execute({ limit: 1 });
    expect(first.items.map((s) => s.orderId)).toEqual(['stuck']);
    const second = await handler.execute({ limit: 1, cursor: first.nextCursor });
    expect(second.items.map((s) => s.orderId)).toEqual(['lost']);
    expect(second.nextCursor).toBeNull();
    await expect(handler.execute({ cursor: 'not a cursor!' })).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(handler.execute({ cursor: encodeCursor({ orderId: 'x' }) })).rejects.toBeInstanceOf(
      InvalidCursorError,
    );
    await expect(
      handler.execute({ cursor: encodeCursor({ orderId: 'x', estimatedDeliveryDate: 'yesterday' }) }),
    ).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(
      handler.execute({ cursor: Buffer.from('null').toString('base64url') }),
    ).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(handler.execute({ cursor: 'e30' + '{' })).rejects.toBeInstanceOf(InvalidCursorError);
  });

  it('lists late deliveries in delivery order, within bounds, page by page', async () => {
    const handler = new ListLateShipmentsHandler(uow.shipments);
    const all = await handler.execute({});
    expect(all.items.map((s) => s.orderId)).toEqual(['late-a', 'late-b']);
    const first = await handler.execute({ limit: 1 });
    const second = await handler.execute({ limit: 1, cursor: first.nextCursor });
    expect([...first.items, ...second.items].map((s) => s.orderId)).toEqual(['late-a', 'late-b']);
    expect((await handler.execute({ deliveredFrom: local('2017-10-19 00:00:01') })).items).toEqual([]);
    expect(
      (await handler.execute({ deliveredTo: local('2017-10-19 00:00:01') })).items.map((s) => s.orderId),
    ).toEqual(['late-a', 'late-b']);
    await expect(
      handler.execute({ cursor: encodeCursor({ orderId: 'x', deliveredAt: 'never' }) }),
    ).rejects.toBeInstanceOf(InvalidCursorError);
  });

  it('keeps page sizes within bounds', () => {
    expect(pageLimit(undefined)).toBe(DEFAULT_PAGE_LIMIT);
    expect(pageLimit(0)).toBe(1);
    expect(pageLimit(10_000)).toBe(MAX_PAGE_LIMIT);
    expect(pageLimit(20)).toBe(20);
  });
});
