import {
  createEnvelope,
  customerAccountAddedV1,
  customerCustomerRegisteredV1,
  customerCustomerRelocatedV1,
  customerReviewSubmittedV1,
  customerSegmentChangedV1,
  deliveryLateness,
  fulfillmentShipmentCreatedV1,
  fulfillmentShipmentDeliveredV1,
  fulfillmentShipmentDispatchedV1,
  marketplaceProductListedV1,
  marketplaceSellerOnboardedV1,
  salesOrderApprovedV1,
  salesOrderCanceledV1,
  salesOrderDeliveredV1,
  salesOrderPlacedV1,
  salesOrderShippedV1,
  salesPaymentRecordedV1,
  type AnyEventDefinition,
  type EventEnvelope,
  type Location,
  type OrderLineV1,
  type PaymentType,
} from '@mercado/contracts';

/*
 * A scripted history for the warehouse's integration tests: five orders of three persons, with
 * payments before orders, a shipment delivered before it was created, an approval before its order,
 * a person and a seller known only after their orders, a product never listed, duplicates, and an
 * earlier order arriving last. docs/metrics.md's definitions give the expected figures, computed by
 * hand in warehouse-scenario.expected.ts.
 */

let sequence = 0;
/** Deterministic UUIDv7-shaped ids, so that a replay sees the very same events. */
function eventId(): string {
  sequence++;
  return `01890000-0000-7000-8000-${sequence.toString(16).padStart(12, '0')}`;
}

function event(definition: AnyEventDefinition, data: unknown, time: string): EventEnvelope {
  return createEnvelope(definition, data, { source: '/mercado/test', time, id: eventId() });
}

const SP: Location = { zip_prefix: '01001', city: 'sao paulo', state: 'SP' };
const RJ: Location = { zip_prefix: '20001', city: 'rio de janeiro', state: 'RJ' };
const MG: Location = { zip_prefix: '30001', city: 'belo horizonte', state: 'MG' };

const product = (product_id: string, category_name: string, category_name_en: string) =>
  event(
    marketplaceProductListedV1,
    {
      product_id,
      category_name,
      category_name_en,
      translation_missing: false,
      name_length: 40,
      description_length: 200,
      photos_qty: 1,
      weight_g: 500,
      length_cm: 10,
      height_cm: 10,
      width_cm: 10,
    },
    '2017-01-01T00:00:00-02:00',
  );

const seller = (seller_id: string, location: Location, time: string) =>
  event(
    marketplaceSellerOnboardedV1,
    { seller_id, zip_prefix: location.zip_prefix, city: location.city, normalized_city: location.city, state: location.state },
    time,
  );

const line = (line_number: number, product_id: string, seller_id: string, shipping_limit_at: string, price_cents: number, freight_cents: number): OrderLineV1 => ({
  line_number,
  product_id,
  seller_id,
  shipping_limit_at,
  price_cents,
  freight_cents,
});

const placed = (order_id: string, customer_id: string, purchased_at: string, lines: OrderLineV1[]) =>
  event(salesOrderPlacedV1, { order_id, customer_id, purchased_at, lines, imported: true }, purchased_at);

const payment = (order_id: string, sequential: number, type: PaymentType, value_cents: number, time: string) =>
  event(salesPaymentRecordedV1, { order_id, sequential, type, installments: 1, value_cents }, time);

const approved = (order_id: string, approved_at: string) => event(salesOrderApprovedV1, { order_id, approved_at }, approved_at);
const shipped = (order_id: string, shipped_at: string) => event(salesOrderShippedV1, { order_id, shipped_at }, shipped_at);
const delivered = (order_id: string, delivered_at: string) => event(salesOrderDeliveredV1, { order_id, delivered_at }, delivered_at);

const shipmentCreated = (order_id: string, customer_id: string, estimated_delivery_date: string, limits: [string, string][], time: string) =>
  event(
    fulfillmentShipmentCreatedV1,
    { order_id, customer_id, estimated_delivery_date, seller_shipping_limits: limits.map(([seller_id, shipping_limit_at]) => ({ seller_id, shipping_limit_at })) },
    time,
  );
const shipmentDispatched = (order_id: string, dispatched_at: string) => event(fulfillmentShipmentDispatchedV1, { order_id, dispatched_at }, dispatched_at);
const shipmentDelivered = (order_id: string, delivered_at: string, estimated_delivery_date: string) =>
  event(
    fulfillmentShipmentDeliveredV1,
    { order_id, delivered_at, estimated_delivery_date, ...deliveryLateness(delivered_at, estimated_delivery_date) },
    delivered_at,
  );

const review = (review_id: string, order_id: string, score: number, created_at: string) =>
  event(customerReviewSubmittedV1, { review_id, order_id, score, created_at, answered_at: created_at }, created_at);

const registered = (customer_unique_id: string, accounts: string[], location: Location, time: string) =>
  event(customerCustomerRegisteredV1, { customer_unique_id, accounts, location }, time);

const segment = (customer_unique_id: string, name: string, recency_days: number, time: string) =>
  event(
    customerSegmentChangedV1,
    {
      customer_unique_id,
      segment: name,
      previous_segment: null,
      recency_score: 3,
      frequency_score: 2,
      monetary_score: 4,
      recency_days,
      frequency: 1,
      monetary_cents: 10000,
      as_of: time.slice(0, 10),
    },
    time,
  );

/** The scripted batches, in the order the incremental path applies them. */
export function warehouseScenario(): EventEnvelope[][] {
  sequence = 0;
  const O1 = 'o1';
  const O2 = 'o2';
  const O3 = 'o3';
  const O4 = 'o4';
  const O5 = 'o5';
  const o1Placed = placed(O1, 'a1', '2018-01-10T10:00:00-02:00', [
    line(1, 'x1', 's1', '2018-01-12T10:00:00-02:00', 10000, 1000),
    line(2, 'x2', 's1', '2018-01-12T10:00:00-02:00', 5050, 525),
  ]);
  const o1Payment1 = payment(O1, 1, 'credit_card', 12000, '2018-01-10T10:00:00-02:00');

  const batch1 = [
    seller('s1', SP, '2017-01-01T00:00:00-02:00'),
    product('x1', 'cama_mesa_banho', 'bed_bath_table'),
    product('x2', 'perfumaria', 'perfumery'),
    registered('p1', ['a1'], SP, '2018-01-01T10:00:00-02:00'),
    registered('p3', ['c1'], SP, '2018-01-02T10:00:00-02:00'),
    // A payment before its order.
    o1Payment1,
  ];
  const batch2 = [
    o1Placed,
    approved(O1, '2018-01-10T11:00:00-02:00'),
    payment(O1, 2, 'voucher', 4575, '2018-01-10T10:00:00-02:00'),
    shipmentCreated(O1, 'a1', '2018-01-20', [['s1', '2018-01-12T10:00:00-02:00']], '2018-01-10T11:00:00-02:00'),
    // An approval before its order, a shipment delivered before it was created.
    approved(O2, '2018-01-11T08:00:00-02:00'),
    shipmentDelivered(O2, '2018-01-25T10:00:00-02:00', '2018-01-22'),
  ];
  const batch3 = [
    // Person b1 and seller s2 are not known yet; product x3 never will be.
    placed(O2, 'b1', '2018-01-10T23:30:00-02:00', [line(1, 'x3', 's2', '2018-01-12T12:00:00-02:00', 20000, 2000)]),
    placed(O3, 'c1', '2018-01-11T09:00:00-02:00', [line(1, 'x1', 's1', '2018-01-13T09:00:00-02:00', 3000, 300)]),
    approved(O3, '2018-01-11T09:30:00-02:00'),
    event(salesOrderCanceledV1, { order_id: O3, canceled_at: '2018-01-11T12:00:00-02:00', anomalies: ['time-estimated'] }, '2018-01-11T12:00:00-02:00'),
    payment(O3, 1, 'credit_card', 3300, '2018-01-11T09:00:00-02:00'),
    payment(O2, 1, 'boleto', 22000, '2018-01-10T23:30:00-02:00'),
    shipped(O1, '2018-01-11T09:00:00-02:00'),
    delivered(O1, '2018-01-15T14:00:00-02:00'),
    shipmentDispatched(O1, '2018-01-11T09:00:00-02:00'),
    shipmentDelivered(O1, '2018-01-15T14:00:00-02:00', '2018-01-20'),
    review('r1', O1, 5, '2018-01-16T00:00:00-02:00'),
    review('r2', O2, 2, '2018-01-26T00:00:00-02:00'),
    // Duplicates: the same event again, and the same payment under a new event id.
    o1Placed,
    { ...o1Payment1, id: eventId() },
  ];
  const batch4 = [
    registered('p2', ['b1'], MG, '2018-01-05T10:00:00-02:00'),
    seller('s2', RJ, '2017-06-01T00:00:00-03:00'),
    shipmentCreated(O2, 'b1', '2018-01-22', [['s2', '2018-01-12T12:00:00-02:00']], '2018-01-11T08:00:00-02:00'),
    shipmentDispatched(O2, '2018-01-13T10:00:00-02:00'),
    shipped(O2, '2018-01-13T10:00:00-02:00'),
    delivered(O2, '2018-01-25T10:00:00-02:00'),
    review('r2', O3, 1, '2018-01-12T00:00:00-02:00'),
    event(customerCustomerRelocatedV1, { customer_unique_id: 'p1', location: RJ, previous_location: SP }, '2018-02-15T00:00:00-02:00'),
    segment('p3', 'hibernating', 300, '2018-04-01T03:00:00-03:00'),
  ];
  const batch5 = [
    // Account a2 is linked to p1 only in the next batch.
    placed(O4, 'a2', '2018-03-05T12:00:00-03:00', [line(1, 'x2', 's1', '2018-03-07T12:00:00-03:00', 8000, 800)]),
    approved(O4, '2018-03-05T13:00:00-03:00'),
    payment(O4, 1, 'credit_card', 8800, '2018-03-05T12:00:00-03:00'),
    shipmentCreated(O4, 'a2', '2018-03-20', [['s1', '2018-03-07T12:00:00-03:00']], '2018-03-05T13:00:00-03:00'),
    shipmentDispatched(O4, '2018-03-06T10:00:00-03:00'),
    shipped(O4, '2018-03-06T10:00:00-03:00'),
  ];
  const batch6 = [
    event(customerAccountAddedV1, { customer_unique_id: 'p1', customer_id: 'a2', location: RJ }, '2018-03-05T11:00:00-03:00'),
    segment('p1', 'champions', 10, '2018-04-01T03:00:00-03:00'),
    // A review and a delivered shipment before their order.
    review('r5', O5, 3, '2017-12-29T00:00:00-02:00'),
    shipmentDelivered(O5, '2017-12-28T10:00:00-02:00', '2017-12-27'),
    payment(O5, 1, 'credit_card', 1100, '2017-12-20T10:00:00-02:00'),
  ];
  const batch7 = [
    // An earlier order of p1 arriving last: p1's first purchase moves from 2018-01-10 to 2017-12-20.
    placed(O5, 'a1', '2017-12-20T10:00:00-02:00', [line(1, 'x1', 's1', '2017-12-22T10:00:00-02:00', 1000, 100)]),
    approved(O5, '2017-12-20T11:00:00-02:00'),
    shipped(O5, '2017-12-21T10:00:00-02:00'),
    delivered(O5, '2017-12-28T10:00:00-02:00'),
  ];
  return [batch1, batch2, batch3, batch4, batch5, batch6, batch7];
}

/** Sample addresses per zip prefix, with an outlier in Lisbon that the median must ignore. */
export const SCENARIO_GEOLOCATION: readonly (readonly [string, number, number, string, string])[] = [
  ['01001', -23.55, -46.63, 'sao paulo', 'SP'],
  ['20001', -22.9, -43.17, 'rio de janeiro', 'RJ'],
  ['20001', -22.91, -43.18, 'rio de janeiro', 'RJ'],
  ['20001', -22.92, -43.16, 'rio de janeiro', 'RJ'],
  ['20001', 38.7, -9.1, 'lisboa', 'RJ'],
  ['30001', -19.92, -43.94, 'belo horizonte', 'MG'],
  ['30001', -19.93, -43.93, 'belo horizonte', 'MG'],
];
