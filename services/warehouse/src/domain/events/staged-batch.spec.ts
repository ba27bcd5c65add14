import {
  createEnvelope,
  customerAccountAddedV1,
  customerCustomerRegisteredV1,
  customerCustomerRelocatedV1,
  customerReviewSubmittedV1,
  customerSegmentChangedV1,
  fulfillmentShipmentCreatedV1,
  fulfillmentShipmentDeliveredV1,
  fulfillmentShipmentDispatchedV1,
  marketplaceProductListedV1,
  marketplaceProductUpdatedV1,
  marketplaceSellerOnboardedV1,
  salesOrderApprovedV1,
  salesOrderCanceledV1,
  salesOrderPlacedV1,
  salesPaymentRecordedV1,
  type AnyEventDefinition,
  type EventEnvelope,
} from '@mercado/contracts';
import { emptyStagedBatch, stagedRowCount, stageEvents } from './staged-batch';

const TIME = '2018-06-12T10:00:00-03:00';
const envelope = (definition: AnyEventDefinition, data: unknown, id?: string): EventEnvelope =>
  createEnvelope(definition, data, { source: '/test', time: TIME, ...(id ? { id } : {}) });

describe('staging a batch of events', () => {
  it('sorts each event into its family with what the merge needs', () => {
    const placed = salesOrderPlacedV1.fixtures[0]!;
    const events = [
      envelope(salesOrderPlacedV1, placed),
      envelope(salesOrderApprovedV1, salesOrderApprovedV1.fixtures[0]),
      envelope(salesOrderCanceledV1, salesOrderCanceledV1.fixtures[1]),
      envelope(salesPaymentRecordedV1, salesPaymentRecordedV1.fixtures[0]),
      envelope(customerCustomerRegisteredV1, customerCustomerRegisteredV1.fixtures[0]),
      envelope(customerAccountAddedV1, customerAccountAddedV1.fixtures[0]),
      envelope(customerCustomerRelocatedV1, customerCustomerRelocatedV1.fixtures[0]),
      envelope(customerSegmentChangedV1, customerSegmentChangedV1.fixtures[0]),
      envelope(customerReviewSubmittedV1, customerReviewSubmittedV1.fixtures[1]),
      envelope(fulfillmentShipmentCreatedV1, fulfillmentShipmentCreatedV1.fixtures[0]),
      envelope(fulfillmentShipmentDispatchedV1, fulfillmentShipmentDispatchedV1.fixtures[2]),
      envelope(fulfillmentShipmentDeliveredV1, fulfillmentShipmentDeliveredV1.fixtures[0]),
      envelope(marketplaceProductListedV1, marketplaceProductListedV1.fixtures[2]),
      envelope(marketplaceProductUpdatedV1, marketplaceProductUpdatedV1.fixtures[0]),
      envelope(marketplaceSellerOnboardedV1, marketplaceSellerOnboardedV1.fixtures[1]),
    ];
    const batch = stageEvents(events);
    const stamp = (i: number) => ({ event_id: events[i]!.id, event_time: TIME });

    expect(batch.orders).toEqual([{ ...stamp(0), ...placed, anomalies: [] }]);
    expect(batch.orderStatuses).toEqual([
      { order_id: '00bdcdda88e6b02977fc6ce3d412c600', status: 'approved', occurred_at: '2018-06-12T10:21:14-03:00', anomalies: [] },
      {
        order_id: '1950d777989f6a877539f53795b4c3c3',
        status: 'canceled',
        occurred_at: '2018-03-21T22:03:51-03:00',
        anomalies: ['time-estimated', 'canceled-after-delivery'],
      },
    ]);
    expect(batch.payments).toEqual([
      { ...stamp(3), order_id: '00bdcdda88e6b02977fc6ce3d412c600', sequential: 1, payment_type: 'credit_card', installments: 1, value_cents: 13783, anomalies: [] },
    ]);
    expect(batch.customerChanges.map((c) => [c.kind, c.customer_unique_id, c.first_account, c.zip_prefix, c.segment])).toEqual([
      ['registered', '861eff4711a542e4b93843c6dd7febb0', '06b8999e2fba1a1fbc88172c00ba8bc7', '14409', null],
      ['account-added', '2e6a42a9b5cbb0da62988694f18ee295', null, null, null],
      ['relocated', '7a380cb5434e6b6b5b37d45bb99dbe8a', null, '09890', null],
      ['segment-changed', '2e6a42a9b5cbb0da62988694f18ee295', null, null, 'hibernating'],
    ]);
    expect(batch.customerChanges[3]).toMatchObject({ recency_days: 474, frequency: 1, monetary_cents: 8990, segment_as_of: '2018-09-01', recency_score: 1 });
    expect(batch.customerAccounts).toEqual([
      { ...stamp(4), customer_id: '06b8999e2fba1a1fbc88172c00ba8bc7', customer_unique_id: '861eff4711a542e4b93843c6dd7febb0', zip_prefix: '14409', city: 'franca', state: 'SP' },
      { ...stamp(5), customer_id: '6e359a57a91f84095cc64e1b351aef8c', customer_unique_id: '2e6a42a9b5cbb0da62988694f18ee295', zip_prefix: '04571', city: 'sao paulo', state: 'SP' },
    ]);
    expect(batch.reviews).toEqual([
      {
        ...stamp(8),
        review_id: '373cbeecea8286a2b66c97b1b157ec46',
        order_id: '583174fbe37d3d5f0d6661be3aad1786',
        score: 1,
        title: 'Não chegou meu produto ',
        message: 'Péssimo',
        created_at: '2018-08-15T00:00:00-03:00',
        answered_at: '2018-08-15T04:10:37-03:00',
      },
    ]);
    expect(batch.shipments).toEqual([
      {
        order_id: '00bdcdda88e6b02977fc6ce3d412c600',
        customer_id: '45ba03e2c6bbb5dc48131ba32ec3ae5e',
        created_at: TIME,
        promised_date: '2018-07-24',
        seller_limits: [{ seller_id: 'd921b68bf747894be13a97ae52b0f386', shipping_limit_at: '2018-06-14T10:21:14-03:00' }],
        dispatched_at: null,
        delivered_at: null,
        delivered_promised_date: null,
        anomalies: [],
      },
      expect.objectContaining({ order_id: '688052146432ef8253587b930b01a06d', dispatched_at: '2018-04-23T19:19:14-03:00', anomalies: ['carrier-before-approval'] }),
      expect.objectContaining({ delivered_at: '2018-06-18T18:20:48-03:00', delivered_promised_date: '2018-07-24', created_at: null }),
    ]);
    expect(batch.products.map((p) => [p.product_id, p.category_name_en, p.translation_missing, p.anomalies])).toEqual([
      ['0105b5323d24fc655f73052694dbbb3a', null, true, []],
      ['81781c0fed9fe1ad6e8c81fca1e1cb08', 'bed_bath_table', false, ['zero-weight']],
    ]);
    expect(batch.sellers).toEqual([
      { ...stamp(14), seller_id: '731ef20c231d9a7103a425e83fd91271', zip_prefix: '88501', city: 'lages - sc', normalized_city: 'lages', state: 'SC', anomalies: ['city-normalized'] },
    ]);
    expect(batch.ignored).toEqual({});
    expect(stagedRowCount(batch)).toBe(17);
  });

  it('keeps the events of a registration for every account', () => {
    const registered = envelope(customerCustomerRegisteredV1, { ...customerCustomerRegisteredV1.fixtures[0], accounts: ['a1', 'a2'] });
    const batch = stageEvents([registered]);
    expect(batch.customerAccounts.map((a) => a.customer_id)).toEqual(['a1', 'a2']);
    expect(batch.customerChanges[0]!.first_account).toBe('a1');
  });

  it('takes a shipment opened before its order lines as unknown limits, completed by seller-limits-recorded', () => {
    const created = envelope(fulfillmentShipmentCreatedV1, { ...fulfillmentShipmentCreatedV1.fixtures[0], seller_shipping_limits: [], customer_id: null });
    const limits = [{ seller_id: 'd921b68bf747894be13a97ae52b0f386', shipping_limit_at: '2018-06-14T10:21:14-03:00' }];
    const recorded: EventEnvelope = {
      ...created,
      id: '01890000-0000-7000-8000-00000000ffff',
      type: 'fulfillment.shipment.seller-limits-recorded',
      dataschema: 'urn:mercado:fulfillment.shipment.seller-limits-recorded:1',
      data: { order_id: '00bdcdda88e6b02977fc6ce3d412c600', customer_id: '45ba03e2c6bbb5dc48131ba32ec3ae5e', seller_shipping_limits: limits },
    };
    expect(stageEvents([created, recorded]).shipments).toEqual([
      expect.objectContaining({ order_id: '00bdcdda88e6b02977fc6ce3d412c600', customer_id: null, seller_limits: null, promised_date: '2018-07-24' }),
      expect.objectContaining({ order_id: '00bdcdda88e6b02977fc6ce3d412c600', customer_id: '45ba03e2c6bbb5dc48131ba32ec3ae5e', seller_limits: limits, promised_date: null, created_at: null }),
    ]);
  });

  it('counts the events it does not use instead of failing', () => {
    const placed = envelope(salesOrderPlacedV1, salesOrderPlacedV1.fixtures[0]);
    const batch = stageEvents([
      { ...placed, dataversion: 2, dataschema: 'urn:mercado:sales.order.placed:2' },
      { ...placed, type: 'sales.order.refunded' },
      { ...placed, type: 'sales.order.refunded' },
    ]);
    expect(batch).toEqual({ ...emptyStagedBatch(), ignored: { 'sales.order.placed@2': 1, 'sales.order.refunded@1': 2 } });
    expect(stagedRowCount(batch)).toBe(0);
  });
});
