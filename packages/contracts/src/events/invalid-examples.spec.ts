import { type AnyEventDefinition } from '../catalog/event-definition';
import { ContractViolationError } from '../envelope/contract-violation.error';
import { createEnvelope } from '../envelope/create-envelope';
import { validateEnvelope } from '../envelope/validate-envelope';
import {
  customerAccountAddedV1,
  customerCustomerRegisteredV1,
  customerCustomerRelocatedV1,
  customerSegmentChangedV1,
} from './customer/customer.events';
import { customerReviewSubmittedV1 } from './customer/review.events';
import {
  deliveryLateness,
  fulfillmentShipmentCreatedV1,
  fulfillmentShipmentDeliveredV1,
  fulfillmentShipmentDispatchedV1,
  fulfillmentShipmentSellerLimitsRecordedV1,
} from './fulfillment/shipment.events';
import { marketplaceProductListedV1, marketplaceProductUpdatedV1 } from './marketplace/product.events';
import { marketplaceSellerOnboardedV1, marketplaceSellerRelocatedV1 } from './marketplace/seller.events';
import {
  salesOrderApprovedV1,
  salesOrderCanceledV1,
  salesOrderDeliveredV1,
  salesOrderInvoicedV1,
  salesOrderPlacedV1,
  salesOrderProcessingStartedV1,
  salesOrderShippedV1,
  salesOrderUnavailableV1,
} from './sales/order.events';
import { salesPaymentRecordedV1 } from './sales/payment.events';

type Mutation = (data: Record<string, unknown>) => Record<string, unknown>;

function first(definition: AnyEventDefinition): Record<string, unknown> {
  return structuredClone(definition.fixtures[0]) as Record<string, unknown>;
}

const without =
  (field: string): Mutation =>
  (data) => {
    const copy = { ...data };
    delete copy[field];
    return copy;
  };
const set =
  (field: string, value: unknown): Mutation =>
  (data) => ({ ...data, [field]: value });

/** [definition, what is wrong, mutation, the path the error must name] */
const cases: [AnyEventDefinition, string, Mutation, string][] = [
  [salesOrderPlacedV1, 'missing order id', without('order_id'), 'order_id'],
  [
    salesOrderPlacedV1,
    'purchase time in Olist local format',
    set('purchased_at', '2018-06-12 09:51:55'),
    'purchased_at',
  ],
  [
    salesOrderPlacedV1,
    'price as a decimal string',
    (d) => ({ ...d, lines: [{ ...(d['lines'] as object[])[0], price_cents: '118.90' }] }),
    'lines.0.price_cents',
  ],
  [
    salesOrderPlacedV1,
    'line number 0',
    (d) => ({ ...d, lines: [{ ...(d['lines'] as object[])[0], line_number: 0 }] }),
    'lines.0.line_number',
  ],
  [
    salesOrderPlacedV1,
    'two lines with one number',
    (d) => ({ ...d, lines: [(d['lines'] as object[])[0], (d['lines'] as object[])[0]] }),
    'lines.1',
  ],
  [salesOrderPlacedV1, 'imported as a string', set('imported', 'true'), 'imported'],
  [salesOrderPlacedV1, 'anomaly flag not kebab-case', set('anomalies', ['No Items']), 'anomalies.0'],
  [salesOrderApprovedV1, 'no approval time', without('approved_at'), 'approved_at'],
  [salesOrderInvoicedV1, 'time without offset', set('invoiced_at', '2017-04-13T13:25:17'), 'invoiced_at'],
  [salesOrderProcessingStartedV1, 'no start time', without('started_at'), 'started_at'],
  [salesOrderShippedV1, 'a Date-like number', set('shipped_at', 1528812600000), 'shipped_at'],
  [salesOrderDeliveredV1, 'no order id', without('order_id'), 'order_id'],
  [salesOrderCanceledV1, 'empty reason', set('reason', ''), 'reason'],
  [salesOrderUnavailableV1, 'no time', without('unavailable_at'), 'unavailable_at'],
  [salesPaymentRecordedV1, 'unknown payment type', set('type', 'pix'), 'type'],
  [salesPaymentRecordedV1, '25 installments', set('installments', 25), 'installments'],
  [salesPaymentRecordedV1, 'value in reais', set('value_cents', 137.83), 'value_cents'],
  [salesPaymentRecordedV1, 'sequential 0', set('sequential', 0), 'sequential'],
  [customerCustomerRegisteredV1, 'no accounts', set('accounts', []), 'accounts'],
  [
    customerCustomerRegisteredV1,
    'zip prefix that lost its leading zero',
    (d) => ({ ...d, location: { ...(d['location'] as object), zip_prefix: '1151' } }),
    'location.zip_prefix',
  ],
  [
    customerAccountAddedV1,
    'unknown state',
    (d) => ({ ...d, location: { ...(d['location'] as object), state: 'Sao Paulo' } }),
    'location.state',
  ],
  [customerCustomerRelocatedV1, 'no previous location', without('previous_location'), 'previous_location'],
  [customerSegmentChangedV1, 'score 6', set('recency_score', 6), 'recency_score'],
  [customerSegmentChangedV1, 'as_of with a time', set('as_of', '2018-09-01T00:00:00-03:00'), 'as_of'],
  [customerSegmentChangedV1, 'segment with spaces', set('segment', 'At Risk'), 'segment'],
  [customerReviewSubmittedV1, 'score 0', set('score', 0), 'score'],
  [customerReviewSubmittedV1, 'empty title instead of omitted', set('title', ''), 'title'],
  [fulfillmentShipmentCreatedV1, 'customer id that is not an id', set('customer_id', ''), 'customer_id'],
  [
    fulfillmentShipmentSellerLimitsRecordedV1,
    'no sellers',
    set('seller_shipping_limits', []),
    'seller_shipping_limits',
  ],
  [
    fulfillmentShipmentCreatedV1,
    'estimated date with a time',
    set('estimated_delivery_date', '2018-07-24 00:00:00'),
    'estimated_delivery_date',
  ],
  [fulfillmentShipmentDispatchedV1, 'no hand-off time', without('dispatched_at'), 'dispatched_at'],
  [
    fulfillmentShipmentDeliveredV1,
    'days_late that does not match the dates',
    set('days_late', -35),
    'days_late',
  ],
  [fulfillmentShipmentDeliveredV1, 'on_time that contradicts days_late', set('on_time', false), 'on_time'],
  [marketplaceProductListedV1, 'a negative weight', set('weight_g', -1), 'weight_g'],
  [marketplaceProductListedV1, 'a length of 0', set('length_cm', 0), 'length_cm'],
  [
    marketplaceProductListedV1,
    'a translation without a category',
    (d) => ({ ...d, category_name: null, category_name_en: 'perfumery' }),
    'category_name_en',
  ],
  [
    marketplaceProductUpdatedV1,
    'translation flag that contradicts the names',
    set('translation_missing', true),
    'translation_missing',
  ],
  [marketplaceProductUpdatedV1, 'missing measure instead of null', without('height_cm'), 'height_cm'],
  [marketplaceSellerOnboardedV1, 'zip prefix as a number', set('zip_prefix', 13023), 'zip_prefix'],
  [
    marketplaceSellerRelocatedV1,
    'normalized city with accents',
    set('normalized_city', 'são paulo'),
    'normalized_city',
  ],
];

describe.each(cases)('%s rejects %s', (definition, _what, mutate, path) => {
  const data = mutate(first(definition));

  it(`at production, naming data.${path}`, () => {
    let thrown: unknown;
    try {
      createEnvelope(definition, data, { source: '/mercado/test', time: new Date() });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ContractViolationError);
    expect((thrown as ContractViolationError).details.map((d) => d.path)).toContain(`data.${path}`);
  });

  it(`at consumption, as a schema violation naming data.${path}`, () => {
    const valid = createEnvelope(definition, first(definition), {
      source: '/mercado/test',
      time: new Date(),
    });
    const result = validateEnvelope({ ...valid, data });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe('schema-violation');
      expect(result.details.map((d) => d.path)).toContain(`data.${path}`);
      expect(result.message).toContain(`data.${path}`);
    }
  });
});

describe('deliveryLateness', () => {
  it('counts São Paulo calendar days from the promised date, negative when early', () => {
    expect(deliveryLateness('2018-06-18T18:20:48-03:00', '2018-07-24')).toEqual({
      on_time: true,
      days_late: -36,
    });
    expect(deliveryLateness('2018-02-06T23:49:01-02:00', '2018-02-06')).toEqual({
      on_time: true,
      days_late: 0,
    });
    // 01:30 UTC on the 7th is still the 6th in São Paulo (summer time, -02:00).
    expect(deliveryLateness(new Date('2018-02-07T01:30:00Z'), '2018-02-06')).toEqual({
      on_time: true,
      days_late: 0,
    });
    expect(deliveryLateness('2018-01-09T18:04:58-02:00', '2018-01-03')).toEqual({
      on_time: false,
      days_late: 6,
    });
  });
});
