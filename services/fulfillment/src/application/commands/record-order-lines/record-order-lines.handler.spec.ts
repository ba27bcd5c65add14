import { OrderLinesConflictError } from '../../../domain/shipment/shipment.errors';
import { InMemoryUnitOfWork } from '../../testing/in-memory-fulfillment.test-double';
import { local, olistRow, placedOrder } from '../../testing/fulfillment-fixtures.test-double';
import { ImportShipmentsHandler } from '../import-shipments/import-shipments.handler';
import { RecordOrderLinesHandler } from './record-order-lines.handler';

const ORDER = 'e481f51cbdc54678b7cc49136f2d6af7';

describe('RecordOrderLinesHandler', () => {
  let uow: InMemoryUnitOfWork;
  let handler: RecordOrderLinesHandler;

  beforeEach(() => {
    uow = new InMemoryUnitOfWork();
    handler = new RecordOrderLinesHandler(uow);
  });

  it('keeps the placement pending until the shipment opens, and is idempotent', async () => {
    expect(await handler.execute(placedOrder())).toEqual({ outcome: 'kept-pending', shipment: null });
    expect(uow.pendingOrders.rows.get(ORDER)?.lines).toHaveLength(1);
    expect(await handler.execute(placedOrder())).toEqual({ outcome: 'unchanged', shipment: null });
    expect(uow.outbox.events).toEqual([]);
  });

  it('refuses a different placement of the same order', async () => {
    await handler.execute(placedOrder());
    await expect(
      handler.execute(
        placedOrder({
          lines: [{ lineNumber: 1, sellerId: 'other', shippingLimitAt: local('2017-10-06 11:07:15') }],
        }),
      ),
    ).rejects.toBeInstanceOf(OrderLinesConflictError);
    await expect(handler.execute(placedOrder({ lines: [] }))).rejects.toBeInstanceOf(OrderLinesConflictError);
    await expect(handler.execute(placedOrder({ imported: true }))).rejects.toBeInstanceOf(
      OrderLinesConflictError,
    );
  });

  it('adds the sellers’ limits to a shipment imported first, then changes nothing on a repeat', async () => {
    await new ImportShipmentsHandler(uow).execute({ records: [{ row: olistRow() }] });
    const result = await handler.execute(placedOrder({ imported: true }));
    expect(result.outcome).toBe('added-to-shipment');
    expect(result.shipment?.sellerShippingLimits).toEqual([
      {
        sellerId: '3504c0cb71d7fa48d967e0e4c94d59d9',
        shippingLimitAt: local('2017-10-06 11:07:15'),
        lineNumbers: [1],
      },
    ]);
    // The import's facts are all still there.
    expect(result.shipment).toEqual(
      expect.objectContaining({ status: 'delivered', estimatedDeliveryDate: '2017-10-18' }),
    );
    expect(uow.outbox.events.at(-1)?.type).toBe('ShipmentSellerLimitsRecorded');
    expect((await handler.execute(placedOrder({ imported: true }))).outcome).toBe('unchanged');
    expect(uow.pendingOrders.rows.size).toBe(0);
  });

  it('refuses a placement without ids before touching anything', async () => {
    await expect(handler.execute(placedOrder({ customerId: '' }))).rejects.toMatchObject({
      field: 'customer_id',
    });
    expect(uow.transactions).toBe(0);
  });
});
