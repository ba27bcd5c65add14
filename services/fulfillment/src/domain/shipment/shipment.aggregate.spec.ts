import { InvalidFieldError, MissingFieldError } from '../shared/fulfillment-domain-error';
import { CalendarDate } from '../time/calendar-date.value-object';
import { olistLocalToInstant } from '../time/sao-paulo-time';
import { type ImportedShipmentFacts } from './imported-shipment-facts';
import { type OrderShippingDetails, Shipment } from './shipment.aggregate';
import {
  ImportedFactsConflictError,
  OrderLinesConflictError,
  ShipmentAlreadyDeliveredError,
  ShipmentAlreadyDispatchedError,
  ShipmentCanceledError,
  ShipmentNotDispatchedError,
  StepBeforePreviousError,
} from './shipment.errors';

const local = olistLocalToInstant;
const ORDER = 'e481f51cbdc54678b7cc49136f2d6af7';
const CUSTOMER = '9ef432eb6251297304e76186b10a928d';

const placed: OrderShippingDetails = {
  customerId: CUSTOMER,
  purchasedAt: local('2017-10-02 10:56:33'),
  lines: [
    { lineNumber: 1, sellerId: 'seller-b', shippingLimitAt: local('2017-10-06 11:07:15') },
    { lineNumber: 2, sellerId: 'seller-a', shippingLimitAt: local('2017-10-05 11:07:15') },
  ],
};

function liveShipment(order: OrderShippingDetails | null = placed): Shipment {
  return Shipment.create({
    orderId: ORDER,
    approvedAt: local('2017-10-02 11:07:15'),
    estimatedDeliveryDate: CalendarDate.parse('2017-10-18'),
    estimateSource: 'rule',
    order,
  });
}

function facts(overrides: Partial<ImportedShipmentFacts> = {}): ImportedShipmentFacts {
  return {
    orderId: ORDER,
    customerId: CUSTOMER,
    orderStatus: 'delivered',
    purchasedAt: local('2017-10-02 10:56:33'),
    approvedAt: local('2017-10-02 11:07:15'),
    carrierAt: local('2017-10-04 19:55:00'),
    deliveredAt: local('2017-10-10 21:25:13'),
    estimatedDeliveryDate: CalendarDate.parse('2017-10-18'),
    ...overrides,
  };
}

function caught(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('Shipment.create (order approved)', () => {
  it('opens the shipment awaiting dispatch, with one limit per seller, and records ShipmentCreated', () => {
    const shipment = liveShipment();
    expect(shipment.status).toBe('awaiting_dispatch');
    expect(shipment.origin).toBe('live');
    expect(shipment.customerId).toBe(CUSTOMER);
    expect(shipment.createdAt).toEqual(local('2017-10-02 11:07:15'));
    expect(shipment.sellerShippingLimits.map((l) => [l.sellerId, l.lineNumbers])).toEqual([
      ['seller-a', [2]],
      ['seller-b', [1]],
    ]);
    expect(shipment.hasChanges).toBe(true);
    const events = shipment.pullEvents();
    expect(events).toEqual([
      expect.objectContaining({
        type: 'ShipmentCreated',
        orderId: ORDER,
        customerId: CUSTOMER,
        occurredAt: local('2017-10-02 11:07:15'),
        origin: 'live',
        estimatedDeliveryDate: '2017-10-18',
        estimateSource: 'rule',
        anomalies: [],
      }),
    ]);
    expect(shipment.pullEvents()).toEqual([]);
    expect(shipment.hasChanges).toBe(false);
  });

  it('opens without the order details when the placement has not reached fulfillment', () => {
    const shipment = liveShipment(null);
    expect(shipment.customerId).toBeNull();
    expect(shipment.sellerShippingLimits).toEqual([]);
  });

  it('refuses a promised date before the approval date, and missing ids or times', () => {
    const props = {
      orderId: ORDER,
      approvedAt: local('2017-10-02 11:07:15'),
      estimatedDeliveryDate: CalendarDate.parse('2017-10-01'),
      estimateSource: 'given' as const,
      order: null,
    };
    expect((caught(() => Shipment.create(props)) as InvalidFieldError).field).toBe('estimated_delivery_date');
    expect(() =>
      Shipment.create({ ...props, estimatedDeliveryDate: CalendarDate.parse('2017-10-02') }),
    ).not.toThrow();
    expect(() => Shipment.create({ ...props, orderId: '' })).toThrow(MissingFieldError);
    expect(() => Shipment.create({ ...props, approvedAt: new Date('x') })).toThrow(InvalidFieldError);
    expect(() => Shipment.create({ ...props, order: { ...placed, customerId: '' } })).toThrow(
      MissingFieldError,
    );
  });
});

describe('Shipment.dispatch', () => {
  it('hands the shipment to the carrier and records ShipmentDispatched', () => {
    const shipment = liveShipment();
    shipment.pullEvents();
    expect(shipment.dispatch(local('2017-10-04 19:55:00'))).toBe('changed');
    expect(shipment.status).toBe('dispatched');
    expect(shipment.dispatchedAt).toEqual(local('2017-10-04 19:55:00'));
    expect(shipment.pullEvents()).toEqual([
      {
        type: 'ShipmentDispatched',
        orderId: ORDER,
        occurredAt: local('2017-10-04 19:55:00'),
        dispatchedAt: local('2017-10-04 19:55:00'),
        origin: 'live',
        anomalies: [],
      },
    ]);
  });

  it('is a no-op when repeated with the same time', () => {
    const shipment = liveShipment();
    shipment.dispatch(local('2017-10-04 19:55:00'));
    shipment.pullEvents();
    expect(shipment.dispatch(local('2017-10-04 19:55:00'))).toBe('unchanged');
    expect(shipment.pullEvents()).toEqual([]);
  });

  it('refuses a second dispatch at another time, carrying the current state', () => {
    const shipment = liveShipment();
    shipment.dispatch(local('2017-10-04 19:55:00'));
    const error = caught(() =>
      shipment.dispatch(local('2017-10-05 08:00:00')),
    ) as ShipmentAlreadyDispatchedError;
    expect(error).toBeInstanceOf(ShipmentAlreadyDispatchedError);
    expect(error.code).toBe('shipment-already-dispatched');
    expect(error.currentStatus).toBe('dispatched');
    expect(error.dispatchedAt).toEqual(local('2017-10-04 19:55:00'));
    expect(error.attemptedAt).toEqual(local('2017-10-05 08:00:00'));
    expect(shipment.dispatchedAt).toEqual(local('2017-10-04 19:55:00'));
  });

  it('refuses a dispatch dated before the shipment opened', () => {
    const error = caught(() =>
      liveShipment().dispatch(local('2017-10-02 11:00:00')),
    ) as StepBeforePreviousError;
    expect(error).toBeInstanceOf(StepBeforePreviousError);
    expect(error.currentStatus).toBe('awaiting_dispatch');
    expect(error.previousAt).toEqual(local('2017-10-02 11:07:15'));
  });

  it('after delivery: the same time is a no-op, another time is refused', () => {
    const shipment = liveShipment();
    shipment.dispatch(local('2017-10-04 19:55:00'));
    shipment.deliver(local('2017-10-10 21:25:13'));
    expect(shipment.dispatch(local('2017-10-04 19:55:00'))).toBe('unchanged');
    const error = caught(() =>
      shipment.dispatch(local('2017-10-06 00:00:00')),
    ) as ShipmentAlreadyDeliveredError;
    expect(error).toBeInstanceOf(ShipmentAlreadyDeliveredError);
    expect(error.currentStatus).toBe('delivered');
    expect(error.attempted).toBe('dispatch');
  });

  it('refuses an invalid time', () => {
    expect(() => liveShipment().dispatch(new Date(Number.NaN))).toThrow(InvalidFieldError);
  });
});

describe('Shipment.deliver', () => {
  it('refuses a delivery before dispatch, carrying the current state', () => {
    const error = caught(() =>
      liveShipment().deliver(local('2017-10-10 21:25:13')),
    ) as ShipmentNotDispatchedError;
    expect(error).toBeInstanceOf(ShipmentNotDispatchedError);
    expect(error.code).toBe('shipment-not-dispatched');
    expect(error.currentStatus).toBe('awaiting_dispatch');
    expect(error.dispatchedAt).toBeNull();
  });

  it('delivers with its lateness and records ShipmentDelivered', () => {
    const shipment = liveShipment();
    shipment.dispatch(local('2017-10-04 19:55:00'));
    shipment.pullEvents();
    expect(shipment.deliver(local('2017-10-10 21:25:13'))).toBe('changed');
    expect(shipment.status).toBe('delivered');
    expect(shipment.lateness).toEqual({ daysLate: -8, onTime: true });
    expect(shipment.pullEvents()).toEqual([
      {
        type: 'ShipmentDelivered',
        orderId: ORDER,
        occurredAt: local('2017-10-10 21:25:13'),
        deliveredAt: local('2017-10-10 21:25:13'),
        estimatedDeliveryDate: '2017-10-18',
        daysLate: -8,
        onTime: true,
        origin: 'live',
        anomalies: [],
      },
    ]);
  });

  it('is on time on the promised day and one day late on the next', () => {
    const onTheDay = liveShipment();
    onTheDay.dispatch(local('2017-10-04 19:55:00'));
    onTheDay.deliver(local('2017-10-18 23:59:59'));
    expect(onTheDay.lateness).toEqual({ daysLate: 0, onTime: true });
    const nextDay = liveShipment();
    nextDay.dispatch(local('2017-10-04 19:55:00'));
    nextDay.deliver(local('2017-10-19 00:00:00'));
    expect(nextDay.lateness).toEqual({ daysLate: 1, onTime: false });
  });

  it('is a no-op when repeated with the same time, refused with another', () => {
    const shipment = liveShipment();
    shipment.dispatch(local('2017-10-04 19:55:00'));
    shipment.deliver(local('2017-10-10 21:25:13'));
    shipment.pullEvents();
    expect(shipment.deliver(local('2017-10-10 21:25:13'))).toBe('unchanged');
    expect(shipment.pullEvents()).toEqual([]);
    const error = caught(() =>
      shipment.deliver(local('2017-10-11 09:00:00')),
    ) as ShipmentAlreadyDeliveredError;
    expect(error).toBeInstanceOf(ShipmentAlreadyDeliveredError);
    expect(error.currentStatus).toBe('delivered');
    expect(error.deliveredAt).toEqual(local('2017-10-10 21:25:13'));
    expect(error.field).toBe('delivered_at');
  });

  it('refuses a delivery dated before the dispatch', () => {
    const shipment = liveShipment();
    shipment.dispatch(local('2017-10-04 19:55:00'));
    const error = caught(() => shipment.deliver(local('2017-10-04 19:00:00'))) as StepBeforePreviousError;
    expect(error).toBeInstanceOf(StepBeforePreviousError);
    expect(error.currentStatus).toBe('dispatched');
  });
});

describe('Shipment.cancel', () => {
  it('closes a shipment awaiting dispatch or on its way, records ShipmentCanceled, and is a no-op twice', () => {
    const waiting = liveShipment();
    waiting.pullEvents();
    expect(waiting.cancel(local('2017-10-03 09:00:00'), '  customer gave up ')).toBe('changed');
    expect(waiting.status).toBe('canceled');
    expect(waiting.pullEvents()).toEqual([
      expect.objectContaining({
        type: 'ShipmentCanceled',
        canceledAt: local('2017-10-03 09:00:00'),
        reason: 'customer gave up',
      }),
    ]);
    expect(waiting.cancel(local('2017-10-04 09:00:00'), null)).toBe('unchanged');

    const onItsWay = liveShipment();
    onItsWay.dispatch(local('2017-10-04 19:55:00'));
    expect(onItsWay.cancel(local('2017-10-05 09:00:00'), ' ')).toBe('changed');
    expect(onItsWay.toSnapshot().cancelReason).toBeNull();
  });

  it('refuses to cancel a delivered shipment, or before the previous step', () => {
    const delivered = liveShipment();
    delivered.dispatch(local('2017-10-04 19:55:00'));
    delivered.deliver(local('2017-10-10 21:25:13'));
    expect(caught(() => delivered.cancel(local('2017-10-11 00:00:00'), null))).toBeInstanceOf(
      ShipmentAlreadyDeliveredError,
    );
    expect(caught(() => liveShipment().cancel(local('2017-10-01 00:00:00'), null))).toBeInstanceOf(
      StepBeforePreviousError,
    );
  });

  it('a canceled shipment can be neither dispatched nor delivered', () => {
    const shipment = liveShipment();
    shipment.cancel(local('2017-10-03 09:00:00'), null);
    const dispatchError = caught(() =>
      shipment.dispatch(local('2017-10-04 19:55:00')),
    ) as ShipmentCanceledError;
    expect(dispatchError).toBeInstanceOf(ShipmentCanceledError);
    expect(dispatchError.currentStatus).toBe('canceled');
    expect(caught(() => shipment.deliver(local('2017-10-10 21:25:13')))).toBeInstanceOf(
      ShipmentCanceledError,
    );
  });
});

describe('Shipment.importHistory', () => {
  it('takes a delivered history as facts and records created, dispatched and delivered', () => {
    const shipment = Shipment.importHistory(facts(), null);
    expect(shipment.status).toBe('delivered');
    expect(shipment.origin).toBe('import');
    expect(shipment.lateness).toEqual({ daysLate: -8, onTime: true });
    expect(shipment.anomalies).toEqual([]);
    expect(shipment.pullEvents().map((e) => [e.type, e.origin, e.occurredAt])).toEqual([
      ['ShipmentCreated', 'import', local('2017-10-02 11:07:15')],
      ['ShipmentDispatched', 'import', local('2017-10-04 19:55:00')],
      ['ShipmentDelivered', 'import', local('2017-10-10 21:25:13')],
    ]);
  });

  it('derives the status from the recorded facts', () => {
    expect(Shipment.importHistory(facts({ deliveredAt: null, orderStatus: 'shipped' }), null).status).toBe(
      'dispatched',
    );
    expect(
      Shipment.importHistory(facts({ deliveredAt: null, carrierAt: null, orderStatus: 'invoiced' }), null)
        .status,
    ).toBe('awaiting_dispatch');
    expect(Shipment.importHistory(facts({ orderStatus: null }), null).status).toBe('delivered');
  });

  it('flags a carrier hand-off before the approval and keeps both times', () => {
    const shipment = Shipment.importHistory(
      facts({
        approvedAt: local('2018-06-12 23:31:02'),
        carrierAt: local('2018-06-11 14:54:00'),
        purchasedAt: local('2018-06-10 10:00:00'),
        deliveredAt: null,
        orderStatus: 'shipped',
        estimatedDeliveryDate: CalendarDate.parse('2018-07-05'),
      }),
      null,
    );
    expect(shipment.anomalies).toEqual(['CARRIER_BEFORE_APPROVAL']);
    expect(shipment.dispatchedAt).toEqual(local('2018-06-11 14:54:00'));
    const dispatched = shipment.pullEvents().find((e) => e.type === 'ShipmentDispatched');
    expect(dispatched?.anomalies).toEqual(['CARRIER_BEFORE_APPROVAL']);
  });

  it('flags a delivery without carrier date, and a delivered order without a delivery time', () => {
    const noCarrier = Shipment.importHistory(facts({ carrierAt: null }), null);
    expect(noCarrier.anomalies).toEqual(['DELIVERED_WITHOUT_CARRIER_DATE']);
    expect(noCarrier.status).toBe('delivered');

    const noTime = Shipment.importHistory(facts({ deliveredAt: null }), null);
    expect(noTime.status).toBe('delivered');
    expect(noTime.anomalies).toEqual(['DELIVERY_TIME_MISSING']);
    expect(noTime.lateness).toBeNull();
    expect(noTime.pullEvents().map((e) => e.type)).toEqual(['ShipmentCreated', 'ShipmentDispatched']);
    expect(noTime.isOverdueAt(local('2018-10-01 00:00:00'))).toBe(false);
  });

  it('flags times out of order and a promise before the purchase', () => {
    const shipment = Shipment.importHistory(
      facts({
        approvedAt: null,
        carrierAt: local('2017-10-01 10:00:00'),
        deliveredAt: local('2017-09-30 10:00:00'),
        estimatedDeliveryDate: CalendarDate.parse('2017-09-01'),
      }),
      null,
    );
    expect(shipment.anomalies).toEqual([
      'APPROVAL_TIME_MISSING',
      'CARRIER_BEFORE_PURCHASE',
      'DELIVERED_BEFORE_PURCHASE',
      'DELIVERED_BEFORE_CARRIER',
      'ESTIMATE_BEFORE_PURCHASE',
    ]);
    expect(shipment.createdAt).toEqual(local('2017-10-02 10:56:33'));
    const late = Shipment.importHistory(facts({ approvedAt: local('2017-10-11 00:00:00') }), null);
    expect(late.anomalies).toEqual(['CARRIER_BEFORE_APPROVAL', 'DELIVERED_BEFORE_APPROVAL']);
  });

  it('closes canceled and unavailable orders, flagging a cancellation after dispatch or delivery', () => {
    const afterDelivery = Shipment.importHistory(facts({ orderStatus: 'canceled' }), null);
    expect(afterDelivery.status).toBe('canceled');
    expect(afterDelivery.anomalies).toEqual(['CANCELED_AFTER_DELIVERY']);
    const events = afterDelivery.pullEvents();
    expect(events.map((e) => e.type)).toEqual([
      'ShipmentCreated',
      'ShipmentDispatched',
      'ShipmentDelivered',
      'ShipmentCanceled',
    ]);
    // Olist records no cancellation time: the event carries none and occurs at the latest known time.
    expect(events[3]).toEqual(
      expect.objectContaining({ canceledAt: null, occurredAt: local('2017-10-10 21:25:13'), reason: null }),
    );

    const afterDispatch = Shipment.importHistory(
      facts({ orderStatus: 'unavailable', deliveredAt: null }),
      null,
    );
    expect(afterDispatch.anomalies).toEqual(['CANCELED_AFTER_DISPATCH']);
    const beforeDispatch = Shipment.importHistory(
      facts({ orderStatus: 'canceled', deliveredAt: null, carrierAt: null }),
      null,
    );
    expect(beforeDispatch.anomalies).toEqual([]);
    expect(beforeDispatch.isOverdueAt(local('2018-10-01 00:00:00'))).toBe(false);
  });

  it('takes the sellers’ limits from a placement that arrived first', () => {
    const shipment = Shipment.importHistory(facts(), placed);
    expect(shipment.sellerShippingLimits).toHaveLength(2);
    const created = shipment.pullEvents()[0]!;
    expect(created.type === 'ShipmentCreated' && created.sellerShippingLimits).toHaveLength(2);
  });

  it('refuses a placement by another customer, and a history without ids', () => {
    expect(
      caught(() => Shipment.importHistory(facts(), { ...placed, customerId: 'someone-else' })),
    ).toBeInstanceOf(OrderLinesConflictError);
    expect(() => Shipment.importHistory(facts({ customerId: '' }), null)).toThrow(MissingFieldError);
  });

  it('accepts live steps after an imported history that had not moved on', () => {
    const shipment = Shipment.importHistory(
      facts({ carrierAt: null, deliveredAt: null, orderStatus: 'processing' }),
      null,
    );
    shipment.pullEvents();
    expect(shipment.dispatch(local('2017-10-04 19:55:00'))).toBe('changed');
    expect(shipment.pullEvents()[0]!.origin).toBe('live');
  });
});

describe('Shipment.recordOrderLines', () => {
  it('adds the sellers’ limits to a shipment imported without them', () => {
    const shipment = Shipment.importHistory(facts(), null);
    shipment.pullEvents();
    expect(shipment.recordOrderLines(placed)).toBe('changed');
    expect(shipment.sellerShippingLimits).toHaveLength(2);
    expect(shipment.pullEvents()).toEqual([
      expect.objectContaining({ type: 'ShipmentSellerLimitsRecorded', customerId: CUSTOMER, origin: 'live' }),
    ]);
    expect(shipment.recordOrderLines(placed)).toBe('unchanged');
  });

  it('fills the customer of a shipment opened without the placement', () => {
    const shipment = liveShipment(null);
    expect(shipment.recordOrderLines({ ...placed, lines: [] })).toBe('changed');
    expect(shipment.customerId).toBe(CUSTOMER);
    expect(shipment.recordOrderLines({ ...placed, lines: [] })).toBe('unchanged');
  });

  it('refuses different lines or another customer', () => {
    const shipment = liveShipment();
    expect(
      caught(() => shipment.recordOrderLines({ ...placed, lines: placed.lines.slice(1) })),
    ).toBeInstanceOf(OrderLinesConflictError);
    expect(caught(() => shipment.recordOrderLines({ ...placed, customerId: 'other' }))).toBeInstanceOf(
      OrderLinesConflictError,
    );
  });
});

describe('Shipment.mergeImportedFacts', () => {
  it('is a no-op for the same history again, a conflict naming the differences otherwise', () => {
    const shipment = Shipment.importHistory(facts(), null);
    shipment.pullEvents();
    expect(shipment.mergeImportedFacts(facts())).toBe('unchanged');
    const error = caught(() =>
      shipment.mergeImportedFacts(
        facts({ deliveredAt: local('2017-10-11 08:00:00'), orderStatus: 'shipped' }),
      ),
    ) as ImportedFactsConflictError;
    expect(error).toBeInstanceOf(ImportedFactsConflictError);
    expect(error.code).toBe('import-conflict');
    expect(error.differences.map((d) => d.field)).toEqual(['order_status', 'order_delivered_customer_date']);
    expect(error.field).toBe('order_status');
    expect(error.message).toContain('order_delivered_customer_date');
  });

  it('recognises a re-import after live steps moved the shipment on', () => {
    const shipment = Shipment.importHistory(
      facts({ carrierAt: null, deliveredAt: null, orderStatus: 'processing' }),
      null,
    );
    shipment.dispatch(local('2017-10-04 19:55:00'));
    expect(
      shipment.mergeImportedFacts(facts({ carrierAt: null, deliveredAt: null, orderStatus: 'processing' })),
    ).toBe('unchanged');
  });

  it('completes a shipment opened live with the recorded dispatch and delivery', () => {
    const shipment = liveShipment(null);
    shipment.pullEvents();
    expect(shipment.mergeImportedFacts(facts({ carrierAt: local('2017-10-01 10:00:00') }))).toBe('changed');
    expect(shipment.status).toBe('delivered');
    expect(shipment.customerId).toBe(CUSTOMER);
    expect(shipment.anomalies).toEqual(['CARRIER_BEFORE_PURCHASE', 'CARRIER_BEFORE_APPROVAL']);
    expect(shipment.pullEvents().map((e) => [e.type, e.origin])).toEqual([
      ['ShipmentDispatched', 'import'],
      ['ShipmentDelivered', 'import'],
    ]);
    expect(shipment.mergeImportedFacts(facts({ carrierAt: local('2017-10-01 10:00:00') }))).toBe('unchanged');
  });

  it('keeps live times that agree and cancels an open shipment the history says canceled', () => {
    const dispatched = liveShipment();
    dispatched.dispatch(local('2017-10-04 19:55:00'));
    dispatched.pullEvents();
    expect(dispatched.mergeImportedFacts(facts({ deliveredAt: null, orderStatus: 'canceled' }))).toBe(
      'changed',
    );
    expect(dispatched.status).toBe('canceled');
    expect(dispatched.anomalies).toEqual(['CANCELED_AFTER_DISPATCH']);
    expect(dispatched.pullEvents().map((e) => e.type)).toEqual(['ShipmentCanceled']);

    const delivered = liveShipment();
    delivered.dispatch(local('2017-10-04 19:55:00'));
    delivered.deliver(local('2017-10-10 21:25:13'));
    expect(delivered.mergeImportedFacts(facts())).toBe('changed');
    expect(delivered.status).toBe('delivered');
  });

  it('refuses a history that disagrees with what the platform recorded', () => {
    const shipment = liveShipment();
    shipment.dispatch(local('2017-10-04 19:55:00'));
    shipment.deliver(local('2017-10-10 21:25:13'));
    const error = caught(() =>
      shipment.mergeImportedFacts(
        facts({
          estimatedDeliveryDate: CalendarDate.parse('2017-10-20'),
          customerId: 'other',
          carrierAt: local('2017-10-04 20:00:00'),
          deliveredAt: local('2017-10-10 22:00:00'),
        }),
      ),
    ) as ImportedFactsConflictError;
    expect(error.differences.map((d) => d.field)).toEqual([
      'order_estimated_delivery_date',
      'customer_id',
      'order_delivered_carrier_date',
      'order_delivered_customer_date',
    ]);
    expect(shipment.toSnapshot().importedFacts).toBeNull();
  });
});

describe('Shipment snapshots', () => {
  it('restores exactly what it saved, and keeps recognising the imported facts', () => {
    const shipment = Shipment.importHistory(facts({ orderStatus: 'canceled' }), placed);
    const snapshot = shipment.toSnapshot();
    expect(snapshot.version).toBe(0);
    expect(snapshot.lateness).toEqual({ daysLate: -8, onTime: true });
    const restored = Shipment.restore({ ...structuredClone(snapshot), version: 3 });
    expect(restored.version).toBe(3);
    expect({ ...restored.toSnapshot(), version: 0 }).toEqual(snapshot);
    expect(restored.hasChanges).toBe(false);
    expect(restored.mergeImportedFacts(facts({ orderStatus: 'canceled' }))).toBe('unchanged');
    expect(restored.estimatedDeliveryDate.toString()).toBe('2017-10-18');
  });

  it('restores a live shipment without imported facts', () => {
    const shipment = liveShipment();
    const restored = Shipment.restore(shipment.toSnapshot());
    expect(restored.toSnapshot()).toEqual(shipment.toSnapshot());
    expect(restored.isOverdueAt(local('2017-10-19 00:00:00'))).toBe(true);
    expect(restored.deliveredAt).toBeNull();
  });
});
