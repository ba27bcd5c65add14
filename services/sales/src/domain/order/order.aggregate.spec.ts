import { Money, NegativeMoneyError } from '../money/money.value-object';
import { InvalidFieldError, MissingFieldError } from '../shared/domain-error';
import { Order, type PlaceOrderProps } from './order.aggregate';
import {
  DuplicateLineNumberError,
  IllegalOrderTransitionError,
  LineNumbersNotSequentialError,
  OrderClosedError,
  OrderWithoutLinesError,
  PaymentConflictError,
  TransitionBeforePreviousError,
} from './order.errors';
import {
  ORDER_STATUSES,
  type OrderStatus,
  type OrderTransition,
  TRANSITION_SOURCES,
  TRANSITION_TARGET,
} from './order-status';

const T0 = new Date('2017-10-02T13:56:33Z');
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);

function placement(overrides: Partial<PlaceOrderProps> = {}): PlaceOrderProps {
  return {
    orderId: 'e481f51cbdc54678b7cc49136f2d6af7',
    customerId: '9ef432eb6251297304e76186b10a928d',
    purchasedAt: T0,
    estimatedDeliveryDate: '2017-10-18',
    lines: [
      {
        lineNumber: 1,
        productId: '87285b34884572647811a353c7ac498a',
        sellerId: '3504c0cb71d7fa48d967e0e4c94d59d9',
        shippingLimitAt: at(48),
        price: Money.parse('29.99'),
        freight: Money.parse('8.72'),
      },
      {
        lineNumber: 2,
        productId: '87285b34884572647811a353c7ac498a',
        sellerId: '3504c0cb71d7fa48d967e0e4c94d59d9',
        shippingLimitAt: at(48),
        price: Money.parse('29.99'),
        freight: Money.parse('0.00'),
      },
    ],
    ...overrides,
  };
}

/** Drives a fresh live order to `status` with one hour between steps. */
function orderIn(status: OrderStatus): Order {
  const order = Order.place(placement());
  const path: Record<OrderStatus, OrderTransition[]> = {
    created: [],
    approved: ['approve'],
    invoiced: ['approve', 'invoice'],
    processing: ['approve', 'invoice', 'startProcessing'],
    shipped: ['approve', 'invoice', 'startProcessing', 'markShipped'],
    delivered: ['approve', 'invoice', 'startProcessing', 'markShipped', 'markDelivered'],
    canceled: ['cancel'],
    unavailable: ['approve', 'markUnavailable'],
  };
  path[status].forEach((transition, index) => apply(order, transition, at(index + 1)));
  order.pullDomainEvents();
  return order;
}

function apply(order: Order, transition: OrderTransition, time: Date) {
  return transition === 'cancel' ? order.cancel(time, 'customer asked') : order[transition](time);
}

describe('Order.place', () => {
  it('creates a live order in status created and records OrderPlaced with totals', () => {
    const order = Order.place(placement());
    expect(order.status).toBe('created');
    expect(order.origin).toBe('live');
    expect(order.version).toBe(0);
    expect(order.itemsTotal.format()).toBe('59.98');
    expect(order.freightTotal.format()).toBe('8.72');
    expect(order.total.format()).toBe('68.70');
    expect(order.statusHistory).toEqual([{ status: 'created', at: T0, derived: false }]);
    const [event, ...rest] = order.pullDomainEvents();
    expect(rest).toEqual([]);
    expect(event).toMatchObject({
      type: 'OrderPlaced',
      orderId: 'e481f51cbdc54678b7cc49136f2d6af7',
      customerId: '9ef432eb6251297304e76186b10a928d',
      occurredAt: T0,
      origin: 'live',
      estimatedDeliveryDate: '2017-10-18',
    });
    expect(event?.type === 'OrderPlaced' && event.total.format()).toBe('68.70');
    expect(order.pullDomainEvents()).toEqual([]);
  });

  it('sorts lines given out of order', () => {
    const props = placement();
    const order = Order.place({ ...props, lines: [props.lines[1]!, props.lines[0]!] });
    expect(order.lines.map((line) => line.lineNumber)).toEqual([1, 2]);
  });

  it('accepts no estimated delivery date', () => {
    expect(Order.place(placement({ estimatedDeliveryDate: null })).estimatedDeliveryDate).toBeNull();
    expect(Order.place(placement({ estimatedDeliveryDate: undefined })).estimatedDeliveryDate).toBeNull();
  });

  it('refuses an order without lines', () => {
    expect(() => Order.place(placement({ lines: [] }))).toThrow(OrderWithoutLinesError);
  });

  it('refuses duplicate line numbers', () => {
    const line = placement().lines[0]!;
    expect(() => Order.place(placement({ lines: [line, line] }))).toThrow(DuplicateLineNumberError);
  });

  it('refuses line numbers that are not 1..n', () => {
    const line = placement().lines[0]!;
    const attempt = () => Order.place(placement({ lines: [line, { ...line, lineNumber: 3 }] }));
    expect(attempt).toThrow(LineNumbersNotSequentialError);
    expect(attempt).toThrow('lines must be numbered 1..n (got 1, 3)');
  });

  it.each([0, -1, 1.5])('refuses line number %d', (lineNumber) => {
    const line = placement().lines[0]!;
    expect(() => Order.place(placement({ lines: [{ ...line, lineNumber }] }))).toThrow(InvalidFieldError);
  });

  it('refuses a negative price or freight', () => {
    const line = placement().lines[0]!;
    expect(() => Order.place(placement({ lines: [{ ...line, price: Money.parse('-1.00') }] }))).toThrow(
      NegativeMoneyError,
    );
    expect(() => Order.place(placement({ lines: [{ ...line, freight: Money.parse('-0.01') }] }))).toThrow(
      /freight_value must not be negative/,
    );
  });

  it('accepts a free line (price and freight 0.00)', () => {
    const line = placement().lines[0]!;
    const order = Order.place(placement({ lines: [{ ...line, price: Money.ZERO, freight: Money.ZERO }] }));
    expect(order.total.isZero()).toBe(true);
  });

  it.each([
    [{ orderId: '' }, MissingFieldError],
    [{ customerId: '  ' }, MissingFieldError],
    [{ purchasedAt: new Date('nope') }, InvalidFieldError],
    [{ estimatedDeliveryDate: '18/10/2017' }, InvalidFieldError],
    [{ estimatedDeliveryDate: '2017-02-30' }, InvalidFieldError],
  ])('refuses %j', (override, error) => {
    expect(() => Order.place(placement(override as Partial<PlaceOrderProps>))).toThrow(error);
  });

  it('refuses a line without product, seller or a valid shipping limit', () => {
    const line = placement().lines[0]!;
    expect(() => Order.place(placement({ lines: [{ ...line, productId: '' }] }))).toThrow(
      /product_id is required/,
    );
    expect(() => Order.place(placement({ lines: [{ ...line, sellerId: '' }] }))).toThrow(
      /seller_id is required/,
    );
    expect(() =>
      Order.place(placement({ lines: [{ ...line, shippingLimitAt: new Date(Number.NaN) }] })),
    ).toThrow(/shipping_limit_date/);
  });
});

describe('Order lifecycle transitions', () => {
  const transitions = Object.keys(TRANSITION_TARGET) as OrderTransition[];
  const cases = ORDER_STATUSES.flatMap((status) =>
    transitions.map((transition) => [status, transition] as const),
  );

  it.each(cases)('from %s, %s', (status, transition) => {
    const order = orderIn(status);
    const time = at(10);
    const target = TRANSITION_TARGET[transition];
    const legal = TRANSITION_SOURCES[transition].includes(status);
    const alreadyReached =
      (transition === 'markShipped' && (status === 'shipped' || status === 'delivered')) ||
      (transition === 'markDelivered' && status === 'delivered');
    if (legal) {
      expect(apply(order, transition, time)).toBe('changed');
      expect(order.status).toBe(target);
      expect(order.statusHistory.at(-1)).toEqual({ status: target, at: time, derived: false });
      const events = order.pullDomainEvents();
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ orderId: order.id, occurredAt: time, origin: 'live' });
    } else if (alreadyReached) {
      expect(apply(order, transition, time)).toBe('unchanged');
      expect(order.status).toBe(status);
      expect(order.pullDomainEvents()).toEqual([]);
    } else {
      let error: unknown;
      try {
        apply(order, transition, time);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(IllegalOrderTransitionError);
      expect(error).toMatchObject({
        currentStatus: status,
        attempted: transition,
        code: 'illegal-order-transition',
      });
      expect(order.status).toBe(status);
      expect(order.pullDomainEvents()).toEqual([]);
    }
  });

  it('records the event of each step in order', () => {
    const order = orderIn('delivered');
    expect(order.statusHistory.map((step) => step.status)).toEqual([
      'created',
      'approved',
      'invoiced',
      'processing',
      'shipped',
      'delivered',
    ]);
    const fresh = Order.place(placement());
    fresh.approve(at(1));
    fresh.invoice(at(2));
    fresh.startProcessing(at(3));
    fresh.markShipped(at(4));
    fresh.markDelivered(at(5));
    expect(fresh.pullDomainEvents().map((event) => event.type)).toEqual([
      'OrderPlaced',
      'OrderApproved',
      'OrderInvoiced',
      'OrderProcessingStarted',
      'OrderShipped',
      'OrderDelivered',
    ]);
    expect(fresh.approvedAt).toEqual(at(1));
    expect(fresh.deliveredCarrierAt).toEqual(at(4));
    expect(fresh.deliveredCustomerAt).toEqual(at(5));
    expect(fresh.lastChangedAt).toEqual(at(5));
  });

  it('lets fulfilment ship an approved order, skipping the steps it does not see', () => {
    const order = orderIn('approved');
    expect(order.markShipped(at(5))).toBe('changed');
    expect(order.statusHistory.map((step) => step.status)).toEqual(['created', 'approved', 'shipped']);
    expect(order.pullDomainEvents()).toEqual([
      expect.objectContaining({ type: 'OrderShipped', timeDerived: false }),
    ]);
  });

  it('names the transition, the status and what it needs in the error message', () => {
    expect(() => orderIn('created').invoice(at(1))).toThrow(
      'order e481f51cbdc54678b7cc49136f2d6af7 cannot invoice: it is created (invoice needs approved)',
    );
  });

  it('refuses a live transition dated before the previous step', () => {
    const order = orderIn('approved');
    let error: unknown;
    try {
      order.invoice(at(0.5));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TransitionBeforePreviousError);
    expect(error).toMatchObject({ attempted: 'invoice', attemptedAt: at(0.5), previousAt: at(1) });
    expect(order.status).toBe('approved');
  });

  it('accepts a step at the very same time as the previous one', () => {
    const order = orderIn('approved');
    expect(order.invoice(at(1))).toBe('changed');
  });

  it('refuses an invalid time', () => {
    expect(() => orderIn('created').approve(new Date(Number.NaN))).toThrow(InvalidFieldError);
  });

  it('is idempotent for a repeated approve at the same time, even after later steps', () => {
    const order = orderIn('created');
    order.approve(at(1));
    order.pullDomainEvents();
    expect(order.approve(at(1))).toBe('unchanged');
    order.invoice(at(2));
    expect(order.approve(at(1))).toBe('unchanged');
    expect(order.invoice(at(2))).toBe('unchanged');
    expect(order.pullDomainEvents().map((event) => event.type)).toEqual(['OrderInvoiced']);
    expect(() => order.approve(at(3))).toThrow(IllegalOrderTransitionError);
  });

  it('treats a repeated shipment or delivery as a no-op whatever its time', () => {
    const shipped = orderIn('shipped');
    expect(shipped.markShipped(at(99))).toBe('unchanged');
    const delivered = orderIn('delivered');
    expect(delivered.markShipped(at(99))).toBe('unchanged');
    expect(delivered.markDelivered(at(99))).toBe('unchanged');
    expect(delivered.pullDomainEvents()).toEqual([]);
  });

  it('keeps the cancellation reason and is idempotent only for the same time and reason', () => {
    const order = orderIn('invoiced');
    expect(order.cancel(at(5), '  out of stock  ')).toBe('changed');
    expect(order.cancellationReason).toBe('out of stock');
    const [event] = order.pullDomainEvents();
    expect(event).toMatchObject({ type: 'OrderCanceled', reason: 'out of stock', occurredAt: at(5) });
    expect(order.cancel(at(5), 'out of stock')).toBe('unchanged');
    expect(() => order.cancel(at(5), 'another reason')).toThrow(IllegalOrderTransitionError);
    expect(() => order.cancel(at(6), 'out of stock')).toThrow(IllegalOrderTransitionError);
  });

  it('treats a blank cancellation reason as none', () => {
    const order = orderIn('created');
    order.cancel(at(1), '   ');
    expect(order.cancellationReason).toBeNull();
    expect(order.cancel(at(1))).toBe('unchanged');
  });
});

describe('Order.recordPayment', () => {
  const payment = {
    sequential: 1,
    type: 'credit_card' as const,
    installments: 8,
    value: Money.parse('99.33'),
  };

  it('records a payment and a PaymentRecorded event', () => {
    const order = orderIn('created');
    expect(order.recordPayment(payment, at(0))).toBe('changed');
    expect(order.payments).toHaveLength(1);
    expect(order.paidTotal.format()).toBe('99.33');
    const [event] = order.pullDomainEvents();
    expect(event).toMatchObject({ type: 'PaymentRecorded', occurredAt: at(0) });
    expect(event?.type === 'PaymentRecorded' && event.payment.sequential).toBe(1);
  });

  it('keeps payments sorted by sequential whatever order they arrive in', () => {
    const order = orderIn('approved');
    order.recordPayment({ ...payment, sequential: 2, type: 'voucher', installments: 1 }, at(2));
    order.recordPayment(payment, at(2));
    expect(order.payments.map((p) => p.sequential)).toEqual([1, 2]);
  });

  it('is idempotent for the same payment and refuses different content under a known sequential', () => {
    const order = orderIn('created');
    order.recordPayment(payment, at(0));
    expect(order.recordPayment(payment, at(3))).toBe('unchanged');
    expect(() => order.recordPayment({ ...payment, value: Money.parse('99.34') }, at(0))).toThrow(
      PaymentConflictError,
    );
  });

  it('accepts payments after delivery and a zero payment of type not_defined with 0 installments', () => {
    const order = orderIn('delivered');
    expect(
      order.recordPayment({ sequential: 1, type: 'not_defined', installments: 0, value: Money.ZERO }, at(9)),
    ).toBe('changed');
  });

  it.each(['canceled', 'unavailable'] as const)('refuses a payment on a %s order', (status) => {
    expect(() => orderIn(status).recordPayment(payment, at(9))).toThrow(OrderClosedError);
  });

  it('refuses a payment dated before the purchase', () => {
    expect(() => orderIn('created').recordPayment(payment, at(-1))).toThrow(TransitionBeforePreviousError);
  });

  it.each([
    [{ sequential: 0 }, /payment_sequential/],
    [{ type: 'pix' }, /payment_type must be one of credit_card, boleto, voucher, debit_card, not_defined/],
    [{ installments: 25 }, /payment_installments must be an integer from 0 to 24/],
    [{ installments: -1 }, /payment_installments/],
    [{ installments: 1.5 }, /payment_installments/],
    [{ value: Money.parse('-0.01') }, /payment_value must not be negative/],
  ])('refuses an invalid payment %j', (override, message) => {
    expect(() =>
      orderIn('created').recordPayment({ ...payment, ...override } as typeof payment, at(0)),
    ).toThrow(message);
  });
});

describe('Order snapshot and comparison', () => {
  it('restores exactly what it snapshots, with no events', () => {
    const order = orderIn('shipped');
    order.recordPayment(
      { sequential: 1, type: 'boleto', installments: 1, value: Money.parse('68.70') },
      at(1),
    );
    const snapshot = order.toSnapshot();
    const restored = Order.restore({ ...snapshot, version: 3 });
    expect(restored.toSnapshot()).toEqual({ ...snapshot, version: 3 });
    expect(restored.version).toBe(3);
    expect(restored.pullDomainEvents()).toEqual([]);
    expect(restored.hasSameFactsAs(order)).toBe(true);
    expect(snapshot.lines[0]).toEqual({
      lineNumber: 1,
      productId: '87285b34884572647811a353c7ac498a',
      sellerId: '3504c0cb71d7fa48d967e0e4c94d59d9',
      shippingLimitAt: at(48),
      priceCents: 2999,
      freightCents: 872,
    });
  });

  it('drops anomaly codes it does not know when restoring', () => {
    const snapshot = orderIn('created').toSnapshot();
    const restored = Order.restore({ ...snapshot, anomalies: ['NO_PAYMENTS', 'SOMETHING_ELSE' as never] });
    expect(restored.anomalies).toEqual(['NO_PAYMENTS']);
  });

  it('compares placements and facts', () => {
    const a = Order.place(placement());
    expect(a.hasSamePlacementAs(Order.place(placement()))).toBe(true);
    expect(a.hasSamePlacementAs(Order.place(placement({ customerId: 'other' })))).toBe(false);
    expect(a.hasSamePlacementAs(Order.place(placement({ purchasedAt: at(1) })))).toBe(false);
    expect(a.hasSamePlacementAs(Order.place(placement({ estimatedDeliveryDate: null })))).toBe(false);
    const fewerLines = placement();
    expect(a.hasSamePlacementAs(Order.place({ ...fewerLines, lines: [fewerLines.lines[0]!] }))).toBe(false);
    const pricier = placement();
    expect(
      a.hasSamePlacementAs(
        Order.place({
          ...pricier,
          lines: [pricier.lines[0]!, { ...pricier.lines[1]!, price: Money.parse('30.00') }],
        }),
      ),
    ).toBe(false);
    const approved = Order.place(placement());
    approved.approve(at(1));
    expect(a.hasSameFactsAs(approved)).toBe(false);
    const paid = Order.place(placement());
    paid.recordPayment({ sequential: 1, type: 'boleto', installments: 1, value: Money.parse('1.00') }, at(1));
    expect(a.hasSameFactsAs(paid)).toBe(false);
    expect(a.hasSameFactsAs(Order.place(placement()))).toBe(true);
  });
});
