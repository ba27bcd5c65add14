import { validateEnvelope, type EventEnvelope } from '@mercado/contracts';
import { Money } from '../../domain/money/money.value-object';
import { realOlistOrder, realOlistOrders } from '../../domain/order/olist-real-orders.test-double';
import { Order } from '../../domain/order/order.aggregate';
import { anomalyFlag, toIntegrationEvents } from './order-integration-events.mapper';

const PURCHASED_AT = new Date('2017-10-02T13:56:33Z');
const hoursLater = (hours: number) => new Date(PURCHASED_AT.getTime() + hours * 3_600_000);

function liveOrder(): Order {
  return Order.place({
    orderId: 'e481f51cbdc54678b7cc49136f2d6af7',
    customerId: '9ef432eb6251297304e76186b10a928d',
    purchasedAt: PURCHASED_AT,
    lines: [
      {
        lineNumber: 1,
        productId: '87285b34884572647811a353c7ac498a',
        sellerId: '3504c0cb71d7fa48d967e0e4c94d59d9',
        shippingLimitAt: hoursLater(48),
        price: Money.parse('29.99'),
        freight: Money.parse('8.72'),
      },
    ],
  });
}

function expectValid(envelopes: EventEnvelope[]): void {
  for (const envelope of envelopes) {
    const checked = validateEnvelope(JSON.parse(JSON.stringify(envelope)));
    expect(checked.ok ? 'valid' : checked.message).toBe('valid');
    expect(envelope.source).toBe('/mercado/sales');
    expect(envelope.subject).toBe((envelope.data as { order_id: string }).order_id);
  }
}

describe('toIntegrationEvents', () => {
  it('maps a live order through its whole lifecycle to valid v1 events, money in cents and São Paulo offsets', () => {
    const order = liveOrder();
    order.approve(hoursLater(1));
    order.recordPayment({ sequential: 1, type: 'credit_card', installments: 3, value: Money.parse('38.71') }, hoursLater(1));
    order.invoice(hoursLater(2));
    order.startProcessing(hoursLater(3));
    order.markShipped(hoursLater(30));
    order.markDelivered(hoursLater(20 * 24));
    const envelopes = toIntegrationEvents(order.pullDomainEvents());
    expectValid(envelopes);
    expect(envelopes.map((e) => e.type)).toEqual([
      'sales.order.placed',
      'sales.order.approved',
      'sales.payment.recorded',
      'sales.order.invoiced',
      'sales.order.processing-started',
      'sales.order.shipped',
      'sales.order.delivered',
    ]);
    expect(envelopes[0]!.data).toEqual({
      order_id: 'e481f51cbdc54678b7cc49136f2d6af7',
      customer_id: '9ef432eb6251297304e76186b10a928d',
      purchased_at: '2017-10-02T10:56:33-03:00',
      lines: [
        {
          line_number: 1,
          product_id: '87285b34884572647811a353c7ac498a',
          seller_id: '3504c0cb71d7fa48d967e0e4c94d59d9',
          shipping_limit_at: '2017-10-04T10:56:33-03:00',
          price_cents: 2999,
          freight_cents: 872,
        },
      ],
      imported: false,
    });
    expect(envelopes[2]!.data).toEqual({ order_id: 'e481f51cbdc54678b7cc49136f2d6af7', sequential: 1, type: 'credit_card', installments: 3, value_cents: 3871 });
    // Summer time: on 2017-10-15 São Paulo moved to -02:00.
    expect(envelopes[6]!.data).toEqual({ order_id: 'e481f51cbdc54678b7cc49136f2d6af7', delivered_at: '2017-10-22T11:56:33-02:00' });
    expect(envelopes[6]!.time).toBe('2017-10-22T11:56:33-02:00');
  });

  it('maps a cancellation with its reason and a zero, undefined payment with its flags', () => {
    const order = liveOrder();
    order.recordPayment({ sequential: 1, type: 'not_defined', installments: 1, value: Money.ZERO }, hoursLater(1));
    order.cancel(hoursLater(2), 'customer asked');
    const envelopes = toIntegrationEvents(order.pullDomainEvents());
    expectValid(envelopes);
    expect(envelopes[1]!.data).toMatchObject({ anomalies: ['zero-value-payment', 'payment-type-not-defined'] });
    expect(envelopes[2]!.data).toEqual({ order_id: 'e481f51cbdc54678b7cc49136f2d6af7', canceled_at: '2017-10-02T12:56:33-03:00', reason: 'customer asked' });
  });

  it('maps every real Olist order to valid events, with its anomalies on the placement and on the step they concern', () => {
    for (const record of realOlistOrders().values()) {
      expectValid(toIntegrationEvents(Order.importHistorical(record).pullDomainEvents()));
    }
    // Delivered without a delivery date: the delivery is estimated from the carrier hand-off.
    const undated = toIntegrationEvents(Order.importHistorical(realOlistOrder('2d1e2d5bf4dc7227b3bfebb81328c15f')).pullDomainEvents());
    expect(undated[0]!.data).toMatchObject({ imported: true, anomalies: expect.arrayContaining(['delivered-without-date', 'no-items']) });
    expect(undated.at(-1)!.data).toEqual({
      order_id: '2d1e2d5bf4dc7227b3bfebb81328c15f',
      delivered_at: '2017-11-30T18:12:23-02:00',
      anomalies: ['time-estimated', 'delivered-without-date'],
    });
    // Carrier before approval: the shipped step says so.
    const early = toIntegrationEvents(Order.importHistorical(realOlistOrder('dcb36b511fcac050b97cd5c05de84dc3')).pullDomainEvents());
    expect(early.find((e) => e.type === 'sales.order.shipped')!.data).toMatchObject({ anomalies: expect.arrayContaining(['carrier-before-approval']) });
    // Olist has no invoice time: derived from the approval.
    const invoiced = toIntegrationEvents(Order.importHistorical(realOlistOrder('136cce7faa42fdb2cefd53fdc79a6098')).pullDomainEvents());
    expect(invoiced.at(-1)!.data).toEqual({ order_id: '136cce7faa42fdb2cefd53fdc79a6098', invoiced_at: '2017-04-13T13:25:17-03:00', anomalies: ['time-estimated'] });
  });

  it('names anomalies in the contract’s kebab-case vocabulary', () => {
    expect(anomalyFlag('NO_LINES')).toBe('no-items');
    expect(anomalyFlag('DELIVERY_TIME_MISSING')).toBe('delivered-without-date');
    expect(anomalyFlag('CARRIER_BEFORE_APPROVAL')).toBe('carrier-before-approval');
    expect(anomalyFlag('PAYMENT_TOTAL_MISMATCH')).toBe('payment-total-mismatch');
  });
});
