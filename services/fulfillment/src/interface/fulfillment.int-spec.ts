import {
  createEnvelope,
  deliveryLateness,
  type EventEnvelope,
  salesOrderApprovedV1,
  salesOrderCanceledV1,
  salesOrderPlacedV1,
} from '@mercado/contracts';
import { mintToken } from '@mercado/service-kit';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import request from 'supertest';
import { type FulfillmentHarness, startFulfillmentHarness } from './testing/fulfillment-harness.test-helper';
import { eventually, TopicTap } from '@mercado/testing';

const ORDER = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const CUSTOMER = 'c1c2c3c4c5c6c7c8c9c0cacbcccdcecf';
const SELLER_1 = '3504c0cb71d7fa48d967e0e4c94d59d9';
const SELLER_2 = 'd921b68bf747894be13a97ae52b0f386';

/** The first row of Olist's orders file, and a few of its neighbours. */
const ROWS = {
  delivered: {
    order_id: 'e481f51cbdc54678b7cc49136f2d6af7',
    customer_id: '9ef432eb6251297304e76186b10a928d',
    order_status: 'delivered',
    order_purchase_timestamp: '2017-10-02 10:56:33',
    order_approved_at: '2017-10-02 11:07:15',
    order_delivered_carrier_date: '2017-10-04 19:55:00',
    order_delivered_customer_date: '2017-10-10 21:25:13',
    order_estimated_delivery_date: '2017-10-18 00:00:00',
  },
  shipped: {
    order_id: 'a4591c265e18cb1dcee52889e2d8acc3',
    customer_id: '503740e9ca751ccdda7ba28e9ab8f608',
    order_status: 'shipped',
    order_purchase_timestamp: '2017-12-01 19:51:12',
    order_approved_at: '2017-12-01 20:05:07',
    order_delivered_carrier_date: '2017-12-04 20:34:10',
    order_delivered_customer_date: '',
    order_estimated_delivery_date: '2017-12-29 00:00:00',
  },
  approved: {
    order_id: '136cce7faa42fdb2cefd53fdc79a6098',
    customer_id: 'ed0271e0b7da060a393796590e7b737a',
    order_status: 'invoiced',
    order_purchase_timestamp: '2017-12-10 11:48:28',
    order_approved_at: '2017-12-10 12:02:08',
    order_delivered_carrier_date: null,
    order_delivered_customer_date: null,
    order_estimated_delivery_date: '2018-01-02 00:00:00',
  },
};

function ndjson(lines: readonly unknown[]): string {
  return lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n') + '\n';
}

describe('fulfillment service on PostgreSQL and Kafka', () => {
  let harness: FulfillmentHarness;
  let shipmentsTap: TopicTap;
  let producer: Producer;
  const auth = () => ({ Authorization: `Bearer ${harness.token}` });

  async function send(...envelopes: EventEnvelope[]) {
    await producer.send({
      topic: harness.topics.salesOrder,
      messages: envelopes.map((e) => ({ key: e.subject, value: JSON.stringify(e) })),
    });
  }
  const sales = { source: '/mercado/sales' };

  beforeAll(async () => {
    harness = await startFulfillmentHarness({ importChunkSize: 2 });
    shipmentsTap = await TopicTap.start(harness.brokers, harness.topics.fulfillmentShipment);
    producer = new Kafka({ clientId: 'test-sales', brokers: harness.brokers, logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await shipmentsTap?.stop();
    await harness?.stop();
  });

  it('opens the shipment of an approved order with its sellers’ limits and publishes it', async () => {
    const placed = createEnvelope(
      salesOrderPlacedV1,
      {
        order_id: ORDER,
        customer_id: CUSTOMER,
        purchased_at: '2018-06-12T09:51:55-03:00',
        imported: false,
        lines: [
          { line_number: 1, product_id: 'p1', seller_id: SELLER_2, shipping_limit_at: '2018-06-14T10:21:14-03:00', price_cents: 11890, freight_cents: 1893 },
          { line_number: 2, product_id: 'p2', seller_id: SELLER_1, shipping_limit_at: '2018-06-15T10:00:00-03:00', price_cents: 500, freight_cents: 0 },
          { line_number: 3, product_id: 'p3', seller_id: SELLER_1, shipping_limit_at: '2018-06-14T08:00:00-03:00', price_cents: 500, freight_cents: 0 },
        ],
      },
      { ...sales, time: '2018-06-12T09:51:55-03:00' },
    );
    const approved = createEnvelope(
      salesOrderApprovedV1,
      { order_id: ORDER, approved_at: '2018-06-12T10:21:14-03:00' },
      { ...sales, time: '2018-06-12T10:21:14-03:00', correlationid: 'checkout-42' },
    );
    await send(placed, approved, approved); // a redelivered approval changes nothing

    const created = await shipmentsTap.waitFor(
      'the shipment created',
      (tap) => tap.envelopes('fulfillment.shipment.created').filter((e) => e.subject === ORDER),
      (found) => found.length > 0,
    );
    expect(created).toHaveLength(1);
    expect(created[0]!).toMatchObject({
      source: '/mercado/fulfillment',
      subject: ORDER,
      time: '2018-06-12T13:21:14.000Z',
      causationid: approved.id,
      correlationid: 'checkout-42',
      data: {
        order_id: ORDER,
        customer_id: CUSTOMER,
        // The purchase's São Paulo date plus 20 business days (no state known).
        estimated_delivery_date: '2018-07-10',
        seller_shipping_limits: [
          { seller_id: SELLER_1, shipping_limit_at: '2018-06-15T10:00:00-03:00' },
          { seller_id: SELLER_2, shipping_limit_at: '2018-06-14T10:21:14-03:00' },
        ],
      },
    });
    const message = shipmentsTap.messages.find((m) => m.envelope?.id === created[0]!.id)!;
    expect(message.key).toBe(ORDER);

    const shown = await request(harness.app).get(`/shipments/${ORDER}`).set(auth()).expect(200);
    expect(shown.body).toMatchObject({
      order_id: ORDER,
      customer_id: CUSTOMER,
      status: 'awaiting_dispatch',
      origin: 'live',
      estimate_source: 'rule',
      approved_at: '2018-06-12T10:21:14-03:00',
      seller_shipping_limits: [
        { seller_id: SELLER_1, line_numbers: [2, 3] },
        { seller_id: SELLER_2, line_numbers: [1] },
      ],
      version: 1,
    });
    const pending = await harness.pool.query('SELECT count(*)::int AS n FROM pending_order');
    expect(pending.rows[0].n).toBe(0);
  });

  it('dispatches and delivers over HTTP, idempotently, publishing the lateness', async () => {
    const dispatched = await request(harness.app)
      .post(`/shipments/${ORDER}/dispatch`)
      .set(auth())
      .send({ dispatched_at: '2018-06-14T14:00:00-03:00' })
      .expect(200);
    expect(dispatched.body).toMatchObject({ outcome: 'changed', shipment: { status: 'dispatched', dispatched_at: '2018-06-14T14:00:00-03:00' } });
    const again = await request(harness.app)
      .post(`/shipments/${ORDER}/dispatch`)
      .set(auth())
      .send({ dispatched_at: '2018-06-14T17:00:00Z' })
      .expect(200);
    expect(again.body.outcome).toBe('unchanged');

    const conflict = await request(harness.app)
      .post(`/shipments/${ORDER}/dispatch`)
      .set(auth())
      .send({ dispatched_at: '2018-06-15T09:00:00-03:00' })
      .expect(409);
    expect(conflict.headers['content-type']).toContain('application/problem+json');
    expect(conflict.body).toMatchObject({
      type: 'https://mercado.dev/problems/shipment-already-dispatched',
      status: 409,
      current_status: 'dispatched',
      dispatched_at: '2018-06-14T17:00:00.000Z',
    });

    const invalid = await request(harness.app)
      .post(`/shipments/${ORDER}/deliver`)
      .set(auth())
      .send({ delivered_at: '2018-07-12 10:00:00', extra: 1 })
      .expect(400);
    expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['/delivered_at', '/extra']);

    const delivered = await request(harness.app)
      .post(`/shipments/${ORDER}/deliver`)
      .set(auth())
      .send({ delivered_at: '2018-07-12T10:00:00-03:00' })
      .expect(200);
    expect(delivered.body.shipment).toMatchObject({ status: 'delivered', days_late: 2, on_time: false });

    const events = await shipmentsTap.waitFor(
      'dispatched and delivered',
      (tap) => tap.envelopes().filter((e) => e.subject === ORDER).map((e) => e.type),
      (types) => types.includes('fulfillment.shipment.delivered'),
    );
    expect(events).toEqual(['fulfillment.shipment.created', 'fulfillment.shipment.dispatched', 'fulfillment.shipment.delivered']);
    const deliveredEvent = shipmentsTap.envelopes('fulfillment.shipment.delivered').find((e) => e.subject === ORDER)!;
    const data = deliveredEvent.data as { delivered_at: string; estimated_delivery_date: string; days_late: number; on_time: boolean };
    expect(data).toEqual({
      order_id: ORDER,
      delivered_at: '2018-07-12T10:00:00-03:00',
      estimated_delivery_date: '2018-07-10',
      on_time: false,
      days_late: 2,
    });
    expect(deliveryLateness(data.delivered_at, data.estimated_delivery_date)).toEqual({ on_time: false, days_late: 2 });

    const late = await request(harness.app).get('/shipments/late').query({ delivered_from: '2018-07-01T00:00:00-03:00' }).set(auth()).expect(200);
    expect(late.body.items.map((s: { order_id: string }) => s.order_id)).toEqual([ORDER]);
  });

  it('answers 404, 401 and 403 as problems', async () => {
    const missing = await request(harness.app).get('/shipments/ffffffffffffffffffffffffffffffff').set(auth()).expect(404);
    expect(missing.body.type).toBe('https://mercado.dev/problems/not-found');
    await request(harness.app).post('/shipments/ffffffffffffffffffffffffffffffff/deliver').set(auth()).send({}).expect(404);
    await request(harness.app).get(`/shipments/${ORDER}`).expect(401);
    // A reader may look but not change: each write route asks for shipments:write.
    const reader = { Authorization: `Bearer ${await mintToken({ scopes: 'shipments:read' })}` };
    await request(harness.app).get(`/shipments/${ORDER}`).set(reader).expect(200);
    const forbidden = await request(harness.app).post(`/shipments/${ORDER}/dispatch`).set(reader).send({ dispatched_at: '2018-06-14T14:00:00-03:00' }).expect(403);
    expect(forbidden.headers['content-type']).toContain('application/problem+json');
    expect(forbidden.body.status).toBe(403);
    await request(harness.app).post(`/shipments/${ORDER}/deliver`).set(reader).send({ delivered_at: '2018-07-12T10:00:00-03:00' }).expect(403);
    await request(harness.app).post('/imports/shipments').set(reader).set('Content-Type', 'application/x-ndjson').send('{}\n').expect(403);
    const writer = { Authorization: `Bearer ${await mintToken({ scopes: 'shipments:write' })}` };
    await request(harness.app).get(`/shipments/${ORDER}`).set(writer).expect(403);
    await request(harness.app).get('/shipments/overdue').set(writer).expect(403);
  });

  it('reads every partition of sales.order, the ones provisioning added to the topic included', async () => {
    // The test topic is created with 3 partitions and grown to the catalog's 6 at start. A consumer
    // that joined without the grown ones would leave these approvals unread (for minutes), as the
    // approval sent beside a dead letter below once was.
    const admin = new Kafka({ clientId: 'test-admin', brokers: harness.brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const partitions = (await admin.fetchTopicOffsets(harness.topics.salesOrder).finally(() => admin.disconnect())).length;
    expect(partitions).toBe(6);
    const orderOf = (partition: number) => `0dd${partition}`.padEnd(32, '0');
    await producer.send({
      topic: harness.topics.salesOrder,
      messages: Array.from({ length: partitions }, (_, partition) => {
        const envelope = createEnvelope(
          salesOrderApprovedV1,
          { order_id: orderOf(partition), approved_at: '2018-06-20T10:00:00-03:00' },
          { ...sales, time: '2018-06-20T10:00:00-03:00' },
        );
        return { key: envelope.subject, value: JSON.stringify(envelope), partition };
      }),
    });
    const opened = await eventually(
      'a shipment per partition',
      async () => (await harness.pool.query<{ order_id: string }>(`SELECT order_id FROM shipment WHERE order_id LIKE '0dd%' ORDER BY order_id`)).rows,
      (rows) => rows.length === partitions,
    );
    expect(opened.map((row) => row.order_id)).toEqual(Array.from({ length: partitions }, (_, partition) => orderOf(partition)));
  });

  it('sends an event the shipment refuses to the dead-letter topic and goes on', async () => {
    const dlq = await TopicTap.start(harness.brokers, `${harness.topics.salesOrder}.dlq`);
    try {
      const canceled = createEnvelope(
        salesOrderCanceledV1,
        { order_id: ORDER, canceled_at: '2018-07-20T10:00:00-03:00', reason: 'too late' },
        { ...sales, time: '2018-07-20T10:00:00-03:00' },
      );
      const other = 'b1b2c3d4e5f60718293a4b5c6d7e8f90';
      const approvedOther = createEnvelope(
        salesOrderApprovedV1,
        { order_id: other, approved_at: '2018-07-20T11:00:00-03:00' },
        { ...sales, time: '2018-07-20T11:00:00-03:00' },
      );
      await send(canceled, approvedOther);
      const letters = await dlq.waitFor('a dead letter', (tap) => tap.messages, (m) => m.length > 0);
      expect(letters).toHaveLength(1);
      expect(letters[0]!.envelope?.id).toBe(canceled.id);
      expect(letters[0]!.headers['dlq-reason']).toBe('handler-rejected');
      expect(letters[0]!.headers['dlq-error']).toContain('already delivered');
      // The approval beside it was applied (without a placement: no customer, no limits yet).
      const shipment = await eventually(
        'the other shipment',
        async () => (await request(harness.app).get(`/shipments/${other}`).set(auth())).body,
        (body) => body.order_id === other,
      );
      expect(shipment).toMatchObject({ status: 'awaiting_dispatch', customer_id: null, seller_shipping_limits: [] });
      const stillDelivered = await request(harness.app).get(`/shipments/${ORDER}`).set(auth()).expect(200);
      expect(stillDelivered.body.status).toBe('delivered');
    } finally {
      await dlq.stop();
    }
  });

  it('imports the orders file as NDJSON in chunks, rejecting bad records by line and column, idempotently', async () => {
    const body = ndjson([
      ROWS.delivered,
      { ...ROWS.shipped, order_purchase_timestamp: '01/12/2017 19:51' },
      '{"order_id": "broken',
      ROWS.shipped,
      { ...ROWS.approved, customer_id: 123 },
      ROWS.approved,
      { ...ROWS.delivered, order_estimated_delivery_date: '2017-10-20 00:00:00' },
    ]);
    const first = await request(harness.app)
      .post('/imports/shipments?file=olist_orders_dataset.csv')
      .set(auth())
      .set('Content-Type', 'application/x-ndjson')
      .send(body)
      .expect(200);
    expect(first.body).toMatchObject({ received: 7, created: 3, merged: 0, unchanged: 0, rejected: 4 });
    expect(first.body.rejects.map((r: { line: number; field: string | null; code: string }) => [r.line, r.field, r.code])).toEqual([
      [2, 'order_purchase_timestamp', 'invalid-timestamp'],
      [3, null, 'invalid-json'],
      [5, 'customer_id', 'invalid-record'],
      [7, 'order_estimated_delivery_date', 'import-conflict'],
    ]);
    expect(first.body.rejects[0].file).toBe('olist_orders_dataset.csv');

    const second = await request(harness.app)
      .post('/imports/shipments')
      .set(auth())
      .set('Content-Type', 'application/x-ndjson')
      .send(ndjson([ROWS.delivered, ROWS.shipped, ROWS.approved]))
      .expect(200);
    expect(second.body).toMatchObject({ received: 3, created: 0, unchanged: 3, rejected: 0 });

    const imported = await shipmentsTap.waitFor(
      'the imported history',
      (tap) => tap.envelopes().filter((e) => e.subject === ROWS.delivered.order_id).map((e) => e.type),
      (types) => types.length >= 3,
    );
    expect(imported).toEqual(['fulfillment.shipment.created', 'fulfillment.shipment.dispatched', 'fulfillment.shipment.delivered']);
    const created = shipmentsTap.envelopes('fulfillment.shipment.created').find((e) => e.subject === ROWS.delivered.order_id)!;
    expect(created.data).toEqual({
      order_id: ROWS.delivered.order_id,
      customer_id: ROWS.delivered.customer_id,
      estimated_delivery_date: '2017-10-18',
      seller_shipping_limits: [],
    });
    expect(created.time).toBe('2017-10-02T14:07:15.000Z');
    const count = await harness.pool.query('SELECT count(*)::int AS n FROM shipment WHERE origin = $1', ['import']);
    expect(count.rows[0].n).toBe(3);
  });

  it('completes an imported shipment with the placement that arrives later', async () => {
    const placed = createEnvelope(
      salesOrderPlacedV1,
      {
        order_id: ROWS.delivered.order_id,
        customer_id: ROWS.delivered.customer_id,
        purchased_at: '2017-10-02T10:56:33-03:00',
        imported: true,
        lines: [
          { line_number: 1, product_id: '87285b34884572647811a353c7ac498a', seller_id: SELLER_1, shipping_limit_at: '2017-10-06T11:07:15-03:00', price_cents: 2999, freight_cents: 872 },
        ],
      },
      { ...sales, time: '2017-10-02T10:56:33-03:00' },
    );
    const approved = createEnvelope(
      salesOrderApprovedV1,
      { order_id: ROWS.delivered.order_id, approved_at: '2017-10-02T11:07:15-03:00' },
      { ...sales, time: '2017-10-02T11:07:15-03:00' },
    );
    await send(placed, approved);
    const recorded = await shipmentsTap.waitFor(
      'the seller limits',
      (tap) => tap.envelopes('fulfillment.shipment.seller-limits-recorded'),
      (found) => found.length > 0,
    );
    expect(recorded.map((e) => e.data)).toEqual([
      {
        order_id: ROWS.delivered.order_id,
        customer_id: ROWS.delivered.customer_id,
        seller_shipping_limits: [{ seller_id: SELLER_1, shipping_limit_at: '2017-10-06T11:07:15-03:00' }],
      },
    ]);
    const shown = await request(harness.app).get(`/shipments/${ROWS.delivered.order_id}`).set(auth()).expect(200);
    expect(shown.body).toMatchObject({ origin: 'import', status: 'delivered', days_late: -8, on_time: true });
  });

  it('lists overdue shipments as of an instant, page by page', async () => {
    const asOf = '2018-01-05T12:00:00-02:00';
    const first = await request(harness.app).get('/shipments/overdue').query({ asOf, limit: 1 }).set(auth()).expect(200);
    expect(first.body.as_of).toBe(asOf);
    expect(first.body.items.map((s: { order_id: string; days_overdue: number }) => [s.order_id, s.days_overdue])).toEqual([
      [ROWS.shipped.order_id, 7],
    ]);
    expect(first.body.next_cursor).toEqual(expect.any(String));
    const second = await request(harness.app)
      .get('/shipments/overdue')
      .query({ as_of: asOf, limit: 1, cursor: first.body.next_cursor })
      .set(auth())
      .expect(200);
    expect(second.body.items.map((s: { order_id: string; days_overdue: number }) => [s.order_id, s.days_overdue])).toEqual([
      [ROWS.approved.order_id, 3],
    ]);
    expect(second.body.next_cursor).toBeNull();
    const bad = await request(harness.app).get('/shipments/overdue').query({ as_of: 'yesterday', cursor: '!!' }).set(auth()).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['as_of', 'cursor']);
  });
});
