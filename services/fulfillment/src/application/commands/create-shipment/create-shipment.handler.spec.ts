import { InvalidFieldError } from '../../../domain/shared/fulfillment-domain-error';
import { InMemoryUnitOfWork } from '../../testing/in-memory-fulfillment.test-double';
import { local, placedOrder } from '../../testing/fulfillment-fixtures.test-double';
import { RecordOrderLinesHandler } from '../record-order-lines/record-order-lines.handler';
import { ImportShipmentsHandler } from '../import-shipments/import-shipments.handler';
import { olistRow } from '../../testing/fulfillment-fixtures.test-double';
import { CreateShipmentHandler } from './create-shipment.handler';

const ORDER = 'e481f51cbdc54678b7cc49136f2d6af7';

describe('CreateShipmentHandler', () => {
  let uow: InMemoryUnitOfWork;
  let handler: CreateShipmentHandler;

  beforeEach(() => {
    uow = new InMemoryUnitOfWork();
    handler = new CreateShipmentHandler(uow);
  });

  it('opens the shipment with the placed lines, an estimate by rule from the purchase, and forgets the pending order', async () => {
    await new RecordOrderLinesHandler(uow).execute(placedOrder());
    const result = await handler.execute({
      orderId: ORDER,
      approvedAt: local('2017-10-02 11:07:15'),
      destinationState: 'SP',
    });
    expect(result.outcome).toBe('created');
    // Monday 2017-10-02 + 10 business days.
    expect(result.shipment).toEqual(
      expect.objectContaining({
        estimatedDeliveryDate: '2017-10-16',
        estimateSource: 'rule',
        customerId: '9ef432eb6251297304e76186b10a928d',
        status: 'awaiting_dispatch',
      }),
    );
    expect(result.shipment!.sellerShippingLimits).toHaveLength(1);
    expect(uow.pendingOrders.rows.size).toBe(0);
    expect(uow.shipments.rows.get(ORDER)?.version).toBe(1);
    expect(uow.outbox.events.map((e) => e.type)).toEqual(['ShipmentCreated']);
  });

  it('takes a promised date given by the order', async () => {
    const result = await handler.execute({
      orderId: ORDER,
      approvedAt: local('2017-10-02 11:07:15'),
      estimatedDeliveryDate: '2017-10-18',
    });
    expect(result.shipment).toEqual(
      expect.objectContaining({ estimatedDeliveryDate: '2017-10-18', estimateSource: 'given' }),
    );
  });

  it('counts from the approval with the default promise when the placement is unknown', async () => {
    const result = await handler.execute({ orderId: ORDER, approvedAt: local('2017-10-02 11:07:15') });
    expect(result.shipment).toEqual(
      expect.objectContaining({ estimatedDeliveryDate: '2017-10-30', customerId: null }),
    );
  });

  it('is idempotent: a repeated approval changes nothing', async () => {
    await handler.execute({ orderId: ORDER, approvedAt: local('2017-10-02 11:07:15') });
    const again = await handler.execute({ orderId: ORDER, approvedAt: local('2017-10-02 11:07:15') });
    expect(again.outcome).toBe('already-exists');
    expect(uow.outbox.events).toHaveLength(1);
    expect(uow.shipments.saves).toBe(1);
  });

  it('is a no-op for a shipment imported before the approval reached fulfillment', async () => {
    await new ImportShipmentsHandler(uow).execute({ records: [{ row: olistRow() }] });
    const events = uow.outbox.events.length;
    const result = await handler.execute({ orderId: ORDER, approvedAt: local('2017-10-02 11:07:15') });
    expect(result.outcome).toBe('already-exists');
    expect(result.shipment?.origin).toBe('import');
    expect(uow.outbox.events).toHaveLength(events);
  });

  it('leaves a historical order to the orders-file import', async () => {
    await new RecordOrderLinesHandler(uow).execute(placedOrder({ imported: true }));
    const result = await handler.execute({ orderId: ORDER, approvedAt: local('2017-10-02 11:07:15') });
    expect(result).toEqual({ outcome: 'awaiting-import', shipment: null });
    expect(uow.shipments.rows.size).toBe(0);
    expect(uow.pendingOrders.rows.size).toBe(1);
  });

  it('refuses a bad promised date or state before touching anything', async () => {
    await expect(
      handler.execute({
        orderId: ORDER,
        approvedAt: local('2017-10-02 11:07:15'),
        estimatedDeliveryDate: '18/10/2017',
      }),
    ).rejects.toBeInstanceOf(InvalidFieldError);
    await expect(
      handler.execute({ orderId: ORDER, approvedAt: local('2017-10-02 11:07:15'), destinationState: 'XX' }),
    ).rejects.toMatchObject({ field: 'destination_state' });
    expect(uow.transactions).toBe(0);
  });
});
