import { InvalidMoneyError, NegativeMoneyError } from '../money/money.value-object';
import { InvalidFieldError, MissingFieldError } from '../shared/domain-error';
import { InvalidLocalTimestampError, instantToOlistLocal, olistLocalToInstant } from '../time/sao-paulo-time';
import { type HistoricalOrderRecord } from './historical-order.record';
import { realOlistOrder as real } from './olist-real-orders.test-double';
import { Order } from './order.aggregate';
import { DuplicateLineNumberError, DuplicatePaymentSequentialError } from './order.errors';
import { UnknownOrderStatusError } from './order-status';

const local = (text: string) => olistLocalToInstant(text);
const history = (order: Order) =>
  order.statusHistory.map(
    (step) => `${step.status}@${instantToOlistLocal(step.at)}${step.derived ? '*' : ''}`,
  );

describe('Order.importHistorical', () => {
  it('imports a clean delivered order with its line, payment and every event of a live order', () => {
    const order = Order.importHistorical(real('00bdcdda88e6b02977fc6ce3d412c600'));
    expect(order.origin).toBe('import');
    expect(order.status).toBe('delivered');
    expect(order.anomalies).toEqual([]);
    expect(order.total.format()).toBe('137.83');
    expect(order.paidTotal.format()).toBe('137.83');
    expect(order.estimatedDeliveryDate).toBe('2018-07-24');
    expect(order.lines[0]!.shippingLimitAt).toEqual(local('2018-06-14 10:21:14'));
    expect(order.payments[0]).toMatchObject({ sequential: 1, type: 'credit_card', installments: 1 });
    expect(history(order)).toEqual([
      'created@2018-06-12 09:51:55',
      'approved@2018-06-12 10:21:14',
      'invoiced@2018-06-12 10:21:14*',
      'processing@2018-06-12 10:21:14*',
      'shipped@2018-06-12 14:10:00',
      'delivered@2018-06-18 18:20:48',
    ]);
    const events = order.pullDomainEvents();
    expect(events.map((event) => [event.type, instantToOlistLocal(event.occurredAt)])).toEqual([
      ['OrderPlaced', '2018-06-12 09:51:55'],
      ['PaymentRecorded', '2018-06-12 09:51:55'],
      ['OrderApproved', '2018-06-12 10:21:14'],
      ['OrderInvoiced', '2018-06-12 10:21:14'],
      ['OrderProcessingStarted', '2018-06-12 10:21:14'],
      ['OrderShipped', '2018-06-12 14:10:00'],
      ['OrderDelivered', '2018-06-18 18:20:48'],
    ]);
    expect(
      events.every(
        (event) => event.origin === 'import' && event.customerId === '45ba03e2c6bbb5dc48131ba32ec3ae5e',
      ),
    ).toBe(true);
  });

  it('imports a canceled order that was approved: placed, approved, canceled at the latest recorded time', () => {
    const order = Order.importHistorical(real('0966b61e30c4a07edbd7523f59b3f3e4'));
    expect(order.lines.map((line) => line.lineNumber)).toEqual([1, 2, 3]);
    expect(order.total.format()).toBe('274.11');
    expect(history(order)).toEqual([
      'created@2018-05-22 18:50:55',
      'approved@2018-05-22 19:17:15',
      'canceled@2018-05-22 19:17:15*',
    ]);
    expect(order.anomalies).toEqual(['NO_PAYMENTS']);
    expect(order.pullDomainEvents().map((event) => event.type)).toEqual([
      'OrderPlaced',
      'OrderApproved',
      'OrderCanceled',
    ]);
  });

  it('imports a canceled order never approved: placed then canceled at the purchase time', () => {
    const order = Order.importHistorical(real('00b1cb0320190ca0daa2c88b35206009'));
    expect(history(order)).toEqual(['created@2018-08-28 15:26:39', 'canceled@2018-08-28 15:26:39*']);
    expect(order.anomalies).toEqual(expect.arrayContaining(['NO_LINES', 'NO_PAYMENTS']));
    expect(order.anomalies).not.toContain('APPROVAL_TIME_MISSING');
  });

  it('imports an unavailable order: placed, payment, approved, unavailable', () => {
    const order = Order.importHistorical(real('c272bcd21c287498b4883c7512019702'));
    expect(order.status).toBe('unavailable');
    expect(history(order)).toEqual([
      'created@2018-01-31 11:31:37',
      'approved@2018-01-31 14:23:50',
      'unavailable@2018-01-31 14:23:50*',
    ]);
    expect(order.anomalies).toEqual(['NO_LINES']);
    expect(order.pullDomainEvents().map((event) => event.type)).toEqual([
      'OrderPlaced',
      'PaymentRecorded',
      'OrderApproved',
      'OrderMarkedUnavailable',
    ]);
  });

  it('keeps a canceled order with carrier and delivered dates, flagging both, without shipping it', () => {
    const order = Order.importHistorical(real('1950d777989f6a877539f53795b4c3c3'));
    expect(order.status).toBe('canceled');
    expect(order.anomalies).toEqual(
      expect.arrayContaining(['CANCELED_AFTER_SHIPPING', 'CANCELED_AFTER_DELIVERY']),
    );
    expect(order.deliveredCarrierAt).toEqual(local('2018-02-20 19:57:13'));
    expect(order.deliveredCustomerAt).toEqual(local('2018-03-21 22:03:51'));
    expect(history(order)).toEqual([
      'created@2018-02-19 19:48:52',
      'approved@2018-02-19 20:56:05',
      'invoiced@2018-02-19 20:56:05*',
      'processing@2018-02-19 20:56:05*',
      'canceled@2018-03-21 22:03:51*',
    ]);
    const events = order.pullDomainEvents();
    expect(events.map((event) => event.type)).not.toContain('OrderShipped');
    expect(events[0]).toMatchObject({ type: 'OrderPlaced', anomalies: order.anomalies });
    expect(events.map((event) => ('timeDerived' in event ? event.timeDerived : null))).toEqual([
      null,
      false,
      true,
      true,
      true,
    ]);
  });

  it('flags a canceled order with a carrier date only as canceled after shipping', () => {
    const order = Order.importHistorical(real('714fb133a6730ab81fa1d3c1b2007291'));
    expect(order.anomalies).toContain('CANCELED_AFTER_SHIPPING');
    expect(order.anomalies).not.toContain('CANCELED_AFTER_DELIVERY');
    expect(history(order).at(-1)).toBe('canceled@2018-01-29 22:33:25*');
  });

  it('derives the delivery time of a delivered order without one and flags it', () => {
    const order = Order.importHistorical(real('2d1e2d5bf4dc7227b3bfebb81328c15f'));
    expect(order.status).toBe('delivered');
    expect(order.deliveredCustomerAt).toBeNull();
    expect(order.anomalies).toContain('DELIVERY_TIME_MISSING');
    expect(history(order).slice(-2)).toEqual([
      'shipped@2017-11-30 18:12:23',
      'delivered@2017-11-30 18:12:23*',
    ]);
  });

  it('keeps a carrier date earlier than the approval as recorded, flags it and ships no earlier than the approval', () => {
    const order = Order.importHistorical(real('dcb36b511fcac050b97cd5c05de84dc3'));
    expect(order.anomalies).toContain('CARRIER_BEFORE_APPROVAL');
    expect(order.anomalies).not.toContain('CARRIER_BEFORE_PURCHASE');
    expect(order.deliveredCarrierAt).toEqual(local('2018-06-11 14:54:00'));
    expect(history(order)).toEqual([
      'created@2018-06-07 19:03:12',
      'approved@2018-06-12 23:31:02',
      'invoiced@2018-06-12 23:31:02*',
      'processing@2018-06-12 23:31:02*',
      'shipped@2018-06-12 23:31:02*',
      'delivered@2018-06-21 15:34:32',
    ]);
    const times = order.pullDomainEvents().map((event) => event.occurredAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('flags a carrier date earlier than the purchase itself', () => {
    const order = Order.importHistorical(real('b9afddbdcfadc9a87b41a83271c3e888'));
    expect(order.anomalies).toEqual(
      expect.arrayContaining(['CARRIER_BEFORE_PURCHASE', 'CARRIER_BEFORE_APPROVAL']),
    );
  });

  it.each([
    ['136cce7faa42fdb2cefd53fdc79a6098', ['OrderPlaced', 'OrderApproved', 'OrderInvoiced']],
    [
      '15bed8e2fec7fdbadb186b57c46c92f2',
      ['OrderPlaced', 'OrderApproved', 'OrderInvoiced', 'OrderProcessingStarted'],
    ],
    [
      'b68d69564a79dea4776afa33d1d2fcab',
      [
        'OrderPlaced',
        'PaymentRecorded',
        'OrderApproved',
        'OrderInvoiced',
        'OrderProcessingStarted',
        'OrderShipped',
      ],
    ],
  ])('imports the in-flight order %s with the events of its path', (orderId, types) => {
    const order = Order.importHistorical(real(orderId));
    expect(order.pullDomainEvents().map((event) => event.type)).toEqual(types);
    expect(order.anomalies).not.toContain('MILESTONE_BEYOND_STATUS');
  });

  it('imports the same record to the same facts twice (the basis of idempotent import)', () => {
    const a = Order.importHistorical(real('00bdcdda88e6b02977fc6ce3d412c600'));
    const b = Order.importHistorical(real('00bdcdda88e6b02977fc6ce3d412c600'));
    expect(a.hasSameFactsAs(b)).toBe(true);
    expect(a.toSnapshot()).toEqual(b.toSnapshot());
  });

  it('restores an imported order with its anomalies and derived steps', () => {
    const order = Order.importHistorical(real('1950d777989f6a877539f53795b4c3c3'));
    const restored = Order.restore(order.toSnapshot());
    expect(restored.anomalies).toEqual(order.anomalies);
    expect(restored.statusHistory).toEqual(order.statusHistory);
    expect(restored.origin).toBe('import');
  });
});

describe('Order.importHistorical on odd histories not in the head rows', () => {
  const base = (): HistoricalOrderRecord => real('00bdcdda88e6b02977fc6ce3d412c600');

  it('derives the approval of a delivered order without approved_at from the purchase and flags it', () => {
    const order = Order.importHistorical({ ...base(), order_approved_at: '' });
    expect(order.anomalies).toEqual(['APPROVAL_TIME_MISSING']);
    expect(order.approvedAt).toBeNull();
    expect(history(order)[1]).toBe('approved@2018-06-12 09:51:55*');
  });

  it('treats null and absent timestamps as not recorded', () => {
    const { order_approved_at: _drop, ...rest } = base();
    expect(Order.importHistorical(rest).anomalies).toEqual(['APPROVAL_TIME_MISSING']);
    expect(Order.importHistorical({ ...base(), order_approved_at: null }).anomalies).toEqual([
      'APPROVAL_TIME_MISSING',
    ]);
  });

  it('derives the carrier time of a shipped order without one', () => {
    const order = Order.importHistorical({
      ...base(),
      order_status: 'shipped',
      order_delivered_carrier_date: '',
      order_delivered_customer_date: '',
    });
    expect(order.anomalies).toEqual(['CARRIER_TIME_MISSING']);
    expect(history(order).at(-1)).toBe('shipped@2018-06-12 10:21:14*');
  });

  it('flags approval before purchase and delivery before carrier, approval and purchase', () => {
    const order = Order.importHistorical({
      ...base(),
      order_approved_at: '2018-06-12 09:00:00',
      order_delivered_customer_date: '2018-06-12 08:00:00',
    });
    expect(order.anomalies).toEqual(
      expect.arrayContaining([
        'APPROVED_BEFORE_PURCHASE',
        'DELIVERED_BEFORE_PURCHASE',
        'DELIVERED_BEFORE_APPROVAL',
        'DELIVERED_BEFORE_CARRIER',
      ]),
    );
    expect(history(order)).toEqual([
      'created@2018-06-12 09:51:55',
      'approved@2018-06-12 09:51:55*',
      'invoiced@2018-06-12 09:51:55*',
      'processing@2018-06-12 09:51:55*',
      'shipped@2018-06-12 14:10:00',
      'delivered@2018-06-12 14:10:00*',
    ]);
  });

  it.each(['created', 'approved', 'invoiced', 'processing', 'shipped'])(
    'flags recorded milestones beyond a %s status and keeps them',
    (status) => {
      const order = Order.importHistorical({ ...base(), order_status: status });
      expect(order.status).toBe(status);
      expect(order.anomalies).toEqual(['MILESTONE_BEYOND_STATUS']);
      expect(order.deliveredCustomerAt).toEqual(local('2018-06-18 18:20:48'));
      expect(order.statusHistory.at(-1)!.status).toBe(status);
    },
  );

  it('imports a created order with no milestone as placed only', () => {
    const order = Order.importHistorical({
      ...base(),
      order_status: 'created',
      order_approved_at: '',
      order_delivered_carrier_date: '',
      order_delivered_customer_date: '',
    });
    expect(order.anomalies).toEqual([]);
    expect(order.pullDomainEvents().map((event) => event.type)).toEqual(['OrderPlaced', 'PaymentRecorded']);
  });

  it('flags an unavailable order that reached the carrier, and derives a missing approval', () => {
    const order = Order.importHistorical({ ...base(), order_status: 'unavailable', order_approved_at: '' });
    expect(order.anomalies).toEqual(
      expect.arrayContaining(['UNAVAILABLE_AFTER_SHIPPING', 'APPROVAL_TIME_MISSING']),
    );
    expect(history(order).map((step) => step.split('@')[0])).toEqual([
      'created',
      'approved',
      'invoiced',
      'processing',
      'unavailable',
    ]);
  });

  it('flags line-number and payment-sequential gaps and a payment total that differs from the lines', () => {
    const record = base();
    const order = Order.importHistorical({
      ...record,
      items: [{ ...record.items[0]!, order_item_id: '2' }],
      payments: [
        {
          payment_sequential: 1,
          payment_type: 'credit_card',
          payment_installments: 0,
          payment_value: '100.00',
        },
        {
          payment_sequential: 3,
          payment_type: 'not_defined',
          payment_installments: 1,
          payment_value: '0.00',
        },
      ],
    });
    expect(order.anomalies).toEqual(['LINE_NUMBER_GAP', 'PAYMENT_SEQUENCE_GAP', 'PAYMENT_TOTAL_MISMATCH']);
  });

  it('accepts a voucher-only payment row as published (sequential 2 alone is a gap, not an error)', () => {
    const order = Order.importHistorical({
      ...base(),
      payments: [
        {
          payment_sequential: '2',
          payment_type: 'voucher',
          payment_installments: '1',
          payment_value: '45.17',
        },
      ],
    });
    expect(order.anomalies).toEqual(['PAYMENT_SEQUENCE_GAP', 'PAYMENT_TOTAL_MISMATCH']);
  });

  it('accepts an estimated delivery date without a time and none at all', () => {
    expect(
      Order.importHistorical({ ...base(), order_estimated_delivery_date: '2018-07-24' })
        .estimatedDeliveryDate,
    ).toBe('2018-07-24');
    expect(
      Order.importHistorical({ ...base(), order_estimated_delivery_date: '' }).estimatedDeliveryDate,
    ).toBeNull();
  });
});

describe('Order.importHistorical rejects truly invalid data with a specific error', () => {
  const base = (): HistoricalOrderRecord => real('0966b61e30c4a07edbd7523f59b3f3e4');
  const item = () => base().items[0]!;
  const payment = {
    payment_sequential: '1',
    payment_type: 'credit_card',
    payment_installments: '1',
    payment_value: '10.00',
  };

  it.each<[string, Partial<HistoricalOrderRecord>, new (...args: never[]) => Error, string]>([
    ['an unknown status', { order_status: 'lost' }, UnknownOrderStatusError, 'order_status'],
    ['a missing order id', { order_id: ' ' }, MissingFieldError, 'order_id'],
    ['a missing customer id', { customer_id: '' }, MissingFieldError, 'customer_id'],
    [
      'a missing purchase time',
      { order_purchase_timestamp: '' },
      MissingFieldError,
      'order_purchase_timestamp',
    ],
    [
      'an Excel-formatted purchase time',
      { order_purchase_timestamp: '5/22/2018 18:50' },
      InvalidLocalTimestampError,
      'order_purchase_timestamp',
    ],
    [
      'an impossible approval time',
      { order_approved_at: '2018-02-30 10:00:00' },
      InvalidLocalTimestampError,
      'order_approved_at',
    ],
    [
      'a malformed estimated delivery date',
      { order_estimated_delivery_date: '2018-07-03 10:00:00' },
      InvalidFieldError,
      'order_estimated_delivery_date',
    ],
    ['a negative price', { items: [{ ...item(), price: '-68.31' }] }, NegativeMoneyError, 'price'],
    ['a price with a comma', { items: [{ ...item(), price: '68,31' }] }, InvalidMoneyError, 'price'],
    [
      'a negative freight',
      { items: [{ ...item(), freight_value: '-1.00' }] },
      NegativeMoneyError,
      'freight_value',
    ],
    ['a missing product', { items: [{ ...item(), product_id: '' }] }, MissingFieldError, 'product_id'],
    [
      'a bad line number',
      { items: [{ ...item(), order_item_id: '1.0' }] },
      InvalidFieldError,
      'order_item_id',
    ],
    ['a zero line number', { items: [{ ...item(), order_item_id: 0 }] }, InvalidFieldError, 'order_item_id'],
    ['duplicate line numbers', { items: [item(), item()] }, DuplicateLineNumberError, 'order_item_id'],
    [
      'an unknown payment type',
      { payments: [{ ...payment, payment_type: 'pix' }] },
      InvalidFieldError,
      'payment_type',
    ],
    [
      'too many installments',
      { payments: [{ ...payment, payment_installments: '25' }] },
      InvalidFieldError,
      'payment_installments',
    ],
    [
      'a negative payment',
      { payments: [{ ...payment, payment_value: '-0.01' }] },
      NegativeMoneyError,
      'payment_value',
    ],
    [
      'duplicate payment sequentials',
      { payments: [payment, payment] },
      DuplicatePaymentSequentialError,
      'payment_sequential',
    ],
  ])('refuses %s', (_label, override, error, field) => {
    let caught: unknown;
    try {
      Order.importHistorical({ ...base(), ...override });
    } catch (thrown) {
      caught = thrown;
    }
    expect(caught).toBeInstanceOf(error);
    expect(caught).toMatchObject({ field });
  });
});
