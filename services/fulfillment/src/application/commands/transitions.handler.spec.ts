import {
  ShipmentAlreadyDeliveredError,
  ShipmentAlreadyDispatchedError,
  ShipmentNotDispatchedError,
} from '../../domain/shipment/shipment.errors';
import { ShipmentNotFoundError } from '../shared/application.errors';
import { FixedClock, InMemoryUnitOfWork } from '../testing/in-memory-fulfillment.test-double';
import { local } from '../testing/fulfillment-fixtures.test-double';
import { CancelShipmentHandler } from './cancel-shipment/cancel-shipment.handler';
import { CreateShipmentHandler } from './create-shipment/create-shipment.handler';
import { DeliverShipmentHandler } from './deliver-shipment/deliver-shipment.handler';
import { DispatchShipmentHandler } from './dispatch-shipment/dispatch-shipment.handler';
import { RecordOrderLinesHandler } from './record-order-lines/record-order-lines.handler';
import { placedOrder } from '../testing/fulfillment-fixtures.test-double';

const ORDER = 'e481f51cbdc54678b7cc49136f2d6af7';

describe('dispatch, deliver and cancel use cases', () => {
  let uow: InMemoryUnitOfWork;
  let clock: FixedClock;
  let dispatch: DispatchShipmentHandler;
  let deliver: DeliverShipmentHandler;
  let cancel: CancelShipmentHandler;

  beforeEach(async () => {
    uow = new InMemoryUnitOfWork();
    clock = new FixedClock(local('2017-10-04 19:55:00'));
    dispatch = new DispatchShipmentHandler(uow, clock);
    deliver = new DeliverShipmentHandler(uow, clock);
    cancel = new CancelShipmentHandler(uow);
  });

  async function open(): Promise<void> {
    await new CreateShipmentHandler(uow).execute({
      orderId: ORDER,
      approvedAt: local('2017-10-02 11:07:15'),
      estimatedDeliveryDate: '2017-10-18',
    });
  }

  it('refuses to dispatch or deliver an order without shipment: current state null', async () => {
    const error = await dispatch.execute({ orderId: ORDER }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShipmentNotFoundError);
    expect(error).toMatchObject({ currentStatus: null, code: 'shipment-not-found', field: 'order_id' });
    await expect(
      deliver.execute({ orderId: ORDER, at: local('2017-10-10 21:25:13') }),
    ).rejects.toBeInstanceOf(ShipmentNotFoundError);
  });

  it('dispatches at the clock’s time, delivers, and saves each step with its event', async () => {
    await open();
    const dispatched = await dispatch.execute({ orderId: ORDER });
    expect(dispatched.outcome).toBe('changed');
    expect(dispatched.shipment.dispatchedAt).toEqual(local('2017-10-04 19:55:00'));
    clock.set(local('2017-10-19 08:00:00'));
    const delivered = await deliver.execute({ orderId: ORDER });
    expect(delivered.shipment).toEqual(
      expect.objectContaining({ status: 'delivered', lateness: { daysLate: 1, onTime: false } }),
    );
    expect(uow.outbox.events.map((e) => e.type)).toEqual([
      'ShipmentCreated',
      'ShipmentDispatched',
      'ShipmentDelivered',
    ]);
    expect(uow.shipments.rows.get(ORDER)?.version).toBe(3);
  });

  it('treats a repeat with the same time as a no-op: no save, no event', async () => {
    await open();
    await dispatch.execute({ orderId: ORDER, at: local('2017-10-04 19:55:00') });
    const saves = uow.shipments.saves;
    const repeat = await dispatch.execute({ orderId: ORDER, at: local('2017-10-04 19:55:00') });
    expect(repeat.outcome).toBe('unchanged');
    expect(uow.shipments.saves).toBe(saves);
    expect(uow.outbox.events).toHaveLength(2);
  });

  it('surfaces the domain refusals and leaves the shipment as it was', async () => {
    await open();
    await expect(
      deliver.execute({ orderId: ORDER, at: local('2017-10-10 21:25:13') }),
    ).rejects.toBeInstanceOf(ShipmentNotDispatchedError);
    await dispatch.execute({ orderId: ORDER, at: local('2017-10-04 19:55:00') });
    await expect(
      dispatch.execute({ orderId: ORDER, at: local('2017-10-05 19:55:00') }),
    ).rejects.toBeInstanceOf(ShipmentAlreadyDispatchedError);
    await deliver.execute({ orderId: ORDER, at: local('2017-10-10 21:25:13') });
    await expect(
      deliver.execute({ orderId: ORDER, at: local('2017-10-11 21:25:13') }),
    ).rejects.toBeInstanceOf(ShipmentAlreadyDeliveredError);
    expect(uow.shipments.rows.get(ORDER)?.deliveredAt).toEqual(local('2017-10-10 21:25:13'));
  });

  it('cancels a shipment once, and refuses to cancel a delivered one', async () => {
    await open();
    const first = await cancel.execute({
      orderId: ORDER,
      at: local('2017-10-03 10:00:00'),
      reason: 'canceled by customer',
    });
    expect(first.outcome).toBe('canceled');
    expect(first.shipment?.cancelReason).toBe('canceled by customer');
    expect((await cancel.execute({ orderId: ORDER, at: local('2017-10-03 10:00:00') })).outcome).toBe(
      'unchanged',
    );
    expect(uow.outbox.events.map((e) => e.type)).toEqual(['ShipmentCreated', 'ShipmentCanceled']);
  });

  it('on an order canceled before approval: nothing to cancel, a live pending placement is forgotten', async () => {
    await new RecordOrderLinesHandler(uow).execute(placedOrder());
    expect(await cancel.execute({ orderId: ORDER, at: local('2017-10-03 10:00:00') })).toEqual({
      outcome: 'no-shipment',
      shipment: null,
    });
    expect(uow.pendingOrders.rows.size).toBe(0);

    await new RecordOrderLinesHandler(uow).execute(placedOrder({ imported: true }));
    await cancel.execute({ orderId: ORDER, at: local('2017-10-03 10:00:00') });
    expect(uow.pendingOrders.rows.size).toBe(1);
  });
});
