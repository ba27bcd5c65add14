import { InMemoryUnitOfWork } from '../../testing/in-memory-fulfillment.test-double';
import { local, olistRow, placedOrder } from '../../testing/fulfillment-fixtures.test-double';
import { CreateShipmentHandler } from '../create-shipment/create-shipment.handler';
import { DispatchShipmentHandler } from '../dispatch-shipment/dispatch-shipment.handler';
import { RecordOrderLinesHandler } from '../record-order-lines/record-order-lines.handler';
import { FixedClock } from '../../testing/in-memory-fulfillment.test-double';
import { ImportShipmentsHandler } from './import-shipments.handler';

const ORDER = 'e481f51cbdc54678b7cc49136f2d6af7';
const source = (line: number) => ({ file: 'olist_orders_dataset.csv', line });

describe('ImportShipmentsHandler', () => {
  let uow: InMemoryUnitOfWork;
  let handler: ImportShipmentsHandler;

  beforeEach(() => {
    uow = new InMemoryUnitOfWork();
    handler = new ImportShipmentsHandler(uow);
  });

  it('imports each history as facts with its events, in one transaction', async () => {
    const result = await handler.execute({
      records: [
        { source: source(2), row: olistRow() },
        {
          source: source(3),
          row: olistRow({
            order_id: '53cdb2fc8bc7dce0b6741e2150273451',
            order_status: 'shipped',
            order_delivered_customer_date: '',
            order_approved_at: null,
          }),
        },
      ],
    });
    expect(result).toEqual({ received: 2, created: 2, merged: 0, unchanged: 0, rejected: [] });
    expect(uow.transactions).toBe(1);
    expect(uow.shipments.rows.get('53cdb2fc8bc7dce0b6741e2150273451')).toEqual(
      expect.objectContaining({
        status: 'dispatched',
        anomalies: ['APPROVAL_TIME_MISSING'],
        approvedAt: null,
      }),
    );
    expect(uow.outbox.events.map((e) => e.type)).toEqual([
      'ShipmentCreated',
      'ShipmentDispatched',
      'ShipmentDelivered',
      'ShipmentCreated',
      'ShipmentDispatched',
    ]);
  });

  it('is idempotent: the same records again change nothing', async () => {
    await handler.execute({ records: [{ row: olistRow() }] });
    const events = uow.outbox.events.length;
    const again = await handler.execute({ records: [{ row: olistRow() }, { row: olistRow() }] });
    expect(again).toEqual({ received: 2, created: 0, merged: 0, unchanged: 2, rejected: [] });
    expect(uow.outbox.events).toHaveLength(events);
    expect(uow.shipments.rows.get(ORDER)?.version).toBe(1);
  });

  it('rejects the same order with different facts as a conflict, keeping what was imported', async () => {
    await handler.execute({ records: [{ row: olistRow() }] });
    const result = await handler.execute({
      records: [
        { source: source(9), row: olistRow({ order_delivered_customer_date: '2017-10-11 10:00:00' }) },
      ],
    });
    expect(result.rejected).toEqual([
      {
        source: source(9),
        orderId: ORDER,
        field: 'order_delivered_customer_date',
        code: 'import-conflict',
        reason: expect.stringContaining('order_delivered_customer_date'),
      },
    ]);
    expect(uow.shipments.rows.get(ORDER)?.deliveredAt).toEqual(local('2017-10-10 21:25:13'));
  });

  it('rejects a second, different record of an order within one batch', async () => {
    const result = await handler.execute({
      records: [
        { source: source(2), row: olistRow() },
        { source: source(3), row: olistRow({ order_status: 'shipped' }) },
      ],
    });
    expect(result.created).toBe(1);
    expect(result.rejected).toEqual([
      expect.objectContaining({ source: source(3), code: 'import-conflict', field: 'order_status' }),
    ]);
  });

  it('rejects bad rows with file, line, column and reason while the good rows go on', async () => {
    const result = await handler.execute({
      records: [
        { source: source(2), row: olistRow({ order_id: '' }) },
        { source: source(3), row: olistRow({ order_id: 'a1', customer_id: 'not an id!' }) },
        { source: source(4), row: olistRow({ order_id: 'a2', order_status: 'lost' }) },
        {
          source: source(5),
          row: olistRow({ order_id: 'a3', order_purchase_timestamp: '02/10/2017 10:56' }),
        },
        { source: source(6), row: olistRow({ order_id: 'a4', order_purchase_timestamp: ' ' }) },
        { source: source(7), row: olistRow({ order_id: 'a5', order_estimated_delivery_date: '' }) },
        {
          source: source(8),
          row: olistRow({ order_id: 'a6', order_estimated_delivery_date: '2017-10-18 10:00:00' }),
        },
        {
          source: source(9),
          row: olistRow({ order_id: 'a7', order_delivered_carrier_date: '2017-13-04 19:55:00' }),
        },
        { row: olistRow({ order_id: 'good' }) },
      ],
    });
    expect(result.created).toBe(1);
    expect(result.rejected.map((r) => [r.source?.line ?? null, r.orderId, r.field, r.code])).toEqual([
      [2, '', 'order_id', 'missing-field'],
      [3, 'a1', 'customer_id', 'invalid-field'],
      [4, 'a2', 'order_status', 'invalid-field'],
      [5, 'a3', 'order_purchase_timestamp', 'invalid-timestamp'],
      [6, 'a4', 'order_purchase_timestamp', 'missing-field'],
      [7, 'a5', 'order_estimated_delivery_date', 'missing-field'],
      [8, 'a6', 'order_estimated_delivery_date', 'invalid-field'],
      [9, 'a7', 'order_delivered_carrier_date', 'invalid-timestamp'],
    ]);
    expect(result.rejected.every((r) => r.reason.length > 0)).toBe(true);
    expect([...uow.shipments.rows.keys()]).toEqual(['good']);
  });

  it('does not open a transaction for a batch without a good record', async () => {
    const result = await handler.execute({ records: [{ row: olistRow({ order_id: '' }) }] });
    expect(result.rejected).toHaveLength(1);
    expect(uow.transactions).toBe(0);
  });

  it('merges the order placed first: the shipment takes its sellers’ limits and the pending order goes', async () => {
    await new RecordOrderLinesHandler(uow).execute(placedOrder({ imported: true }));
    const result = await handler.execute({ records: [{ row: olistRow() }] });
    expect(result.created).toBe(1);
    expect(uow.shipments.rows.get(ORDER)?.sellerShippingLimits).toHaveLength(1);
    expect(uow.pendingOrders.rows.size).toBe(0);
  });

  it('rejects a history naming another customer than the placement, leaving the placement pending', async () => {
    await new RecordOrderLinesHandler(uow).execute(
      placedOrder({ customerId: 'someone-else', imported: true }),
    );
    const result = await handler.execute({ records: [{ row: olistRow() }] });
    expect(result.rejected).toEqual([
      expect.objectContaining({ code: 'order-lines-conflict', orderId: ORDER }),
    ]);
    expect(uow.pendingOrders.rows.size).toBe(1);
  });

  it('completes a shipment opened live first, and rejects a history that contradicts it', async () => {
    await new CreateShipmentHandler(uow).execute({
      orderId: ORDER,
      approvedAt: local('2017-10-02 11:07:15'),
      estimatedDeliveryDate: '2017-10-18',
    });
    expect(await handler.execute({ records: [{ row: olistRow() }] })).toEqual(
      expect.objectContaining({ merged: 1, created: 0, rejected: [] }),
    );
    expect(uow.shipments.rows.get(ORDER)).toEqual(
      expect.objectContaining({ status: 'delivered', origin: 'live' }),
    );

    const other = 'a1b2c3';
    await new CreateShipmentHandler(uow).execute({
      orderId: other,
      approvedAt: local('2017-10-02 11:07:15'),
      estimatedDeliveryDate: '2017-10-20',
    });
    await new DispatchShipmentHandler(uow, new FixedClock(local('2017-10-03 10:00:00'))).execute({
      orderId: other,
    });
    const result = await handler.execute({ records: [{ row: olistRow({ order_id: other }) }] });
    expect(result.rejected.map((r) => r.field)).toEqual(['order_estimated_delivery_date']);
  });

  it('lets an infrastructure failure fail the batch, rolling back everything', async () => {
    uow.shipments.save = async () => {
      throw new Error('connection lost');
    };
    await expect(handler.execute({ records: [{ row: olistRow() }] })).rejects.toThrow('connection lost');
    expect(uow.outbox.events).toEqual([]);
  });
});
