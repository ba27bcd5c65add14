import {
  createEnvelope,
  deliveryLateness,
  fulfillmentShipmentCreatedV1,
  fulfillmentShipmentDeliveredV1,
  fulfillmentShipmentDispatchedV1,
  TOPICS,
  type EventEnvelope,
} from '@mercado/contracts';
import { type Producer } from 'kafkajs';
import request from 'supertest';
import { olistHeadOrders, toNdjson } from './testing/olist-head-orders.test-data';
import { eventually, recordTopics, startSalesTestService, type SalesTestService, type TopicRecorder } from './testing/sales-service.test-harness';

const ORDER_ID = '5e1f0000000000000000000000000001';
const placeOrder = {
  orderId: ORDER_ID,
  customerId: '9ef432eb6251297304e76186b10a928d',
  purchasedAt: '2017-10-02T10:56:33-03:00',
  estimatedDeliveryDate: '2017-10-18',
  lines: [
    {
      lineNumber: 1,
      productId: '87285b34884572647811a353c7ac498a',
      sellerId: '3504c0cb71d7fa48d967e0e4c94d59d9',
      shippingLimitAt: '2017-10-06T11:07:15-03:00',
      price: '29.99',
      freight: '8.72',
    },
  ],
};

describe('sales service (HTTP API, real PostgreSQL and Kafka)', () => {
  let sales: SalesTestService;
  let writer: string;
  let reader: string;
  let producer: Producer;
  let recorder: TopicRecorder;
  let orderTopic: string;
  let shipmentTopic: string;
  const api = () => request(sales.baseUrl);

  beforeAll(async () => {
    sales = await startSalesTestService({ IMPORT_CHUNK_SIZE: '150' });
    writer = `Bearer ${await sales.token(['orders:write'])}`;
    reader = `Bearer ${await sales.token(['orders:read'])}`;
    producer = sales.kafka.producer();
    await producer.connect();
    orderTopic = sales.topics[TOPICS.salesOrder.name]!;
    shipmentTopic = sales.topics[TOPICS.fulfillmentShipment.name]!;
    recorder = await recordTopics(sales.kafka, [orderTopic, sales.topics[TOPICS.salesPayment.name]!, `${shipmentTopic}.dlq`]);
  });

  afterAll(async () => {
    await recorder?.stop();
    await producer?.disconnect();
    await sales?.stop();
  });

  it('is ready once its database is migrated and Kafka answers', async () => {
    const ready = await api().get('/health/ready').expect(200);
    expect(Object.keys(ready.body.checks).sort()).toEqual(['database', 'kafka', 'migrations']);
    const openapi = (await api().get('/openapi.json').expect(200)).body;
    const importOperation = openapi.paths['/imports/orders'].post;
    expect(Object.keys(importOperation.requestBody.content)).toEqual(['application/x-ndjson']);
    expect(importOperation.description).toContain('"order_purchase_timestamp"');
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining(['/orders', '/orders/{orderId}', '/orders/{orderId}/approve', '/orders/{orderId}/invoice', '/orders/{orderId}/cancel', '/orders/{orderId}/payments']),
    );
  });

  it('places an order once, publishes sales.order.placed, and treats a repeat as a no-op and other content as a conflict', async () => {
    const placed = await api().post('/orders').set('Authorization', writer).send(placeOrder).expect(201);
    expect(placed.headers.location).toBe(`/orders/${ORDER_ID}`);
    expect(placed.body).toMatchObject({ outcome: 'changed', order: { orderId: ORDER_ID, status: 'created', total: '38.71', version: 1 } });

    const again = await api().post('/orders').set('Authorization', writer).send(placeOrder).expect(200);
    expect(again.body.outcome).toBe('unchanged');

    const conflict = await api()
      .post('/orders')
      .set('Authorization', writer)
      .send({ ...placeOrder, lines: [{ ...placeOrder.lines[0], price: '30.00' }] })
      .expect(409);
    expect(conflict.headers['content-type']).toContain('application/problem+json');
    expect(conflict.body).toMatchObject({ type: 'https://mercado.dev/problems/order-conflict', orderId: ORDER_ID });

    const events = await recorder.events(orderTopic, (e) => e.length >= 1);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'sales.order.placed',
      source: '/mercado/sales',
      subject: ORDER_ID,
      time: '2017-10-02T10:56:33-03:00',
      data: {
        order_id: ORDER_ID,
        customer_id: placeOrder.customerId,
        purchased_at: '2017-10-02T10:56:33-03:00',
        imported: false,
        lines: [{ line_number: 1, price_cents: 2999, freight_cents: 872, shipping_limit_at: '2017-10-06T11:07:15-03:00' }],
      },
    });
    expect(await sales.outboxAppended()).toBe(1);
  });

  it('answers 400 naming every bad field, 401 without a token and 403 without the scope', async () => {
    const bad = await api()
      .post('/orders')
      .set('Authorization', writer)
      .send({ customerId: 'has spaces', purchasedAt: '2017-10-02 10:56:33', lines: [{ ...placeOrder.lines[0], lineNumber: 2, price: '-1' }] })
      .expect(400);
    const fields = (bad.body.errors as { field: string }[]).map((error) => error.field).sort();
    expect(fields).toEqual(['/customerId', '/lines', '/lines/0/price', '/orderId', '/purchasedAt']);

    await api().post('/orders').send(placeOrder).expect(401);
    await api().post('/orders').set('Authorization', reader).send(placeOrder).expect(403);
    await api().get(`/orders/${ORDER_ID}`).set('Authorization', writer).expect(403);
    const badQuery = await api().get('/orders?status=lost&limit=0').set('Authorization', reader).expect(400);
    expect((badQuery.body.errors as { field: string }[]).map((error) => error.field).sort()).toEqual(['limit', 'status']);
  });

  it('approves, invoices and takes payments idempotently, and refuses an illegal transition with 409 naming both statuses', async () => {
    const approve = () => api().post(`/orders/${ORDER_ID}/approve`).set('Authorization', writer).send({ at: '2017-10-02T11:07:15-03:00' });
    expect((await approve().expect(200)).body).toMatchObject({ outcome: 'changed', order: { status: 'approved', version: 2 } });
    expect((await approve().expect(200)).body.outcome).toBe('unchanged');

    const payment = { sequential: 1, type: 'credit_card', installments: 1, value: '38.71', at: '2017-10-02T11:07:15-03:00' };
    await api().post(`/orders/${ORDER_ID}/payments`).set('Authorization', writer).send(payment).expect(201);
    expect((await api().post(`/orders/${ORDER_ID}/payments`).set('Authorization', writer).send(payment).expect(200)).body.outcome).toBe('unchanged');
    const otherPayment = await api()
      .post(`/orders/${ORDER_ID}/payments`)
      .set('Authorization', writer)
      .send({ ...payment, value: '10.00' })
      .expect(409);
    expect(otherPayment.body).toMatchObject({ type: 'https://mercado.dev/problems/payment-conflict', sequential: 1 });

    await api().post(`/orders/${ORDER_ID}/invoice`).set('Authorization', writer).send({ at: '2017-10-02T12:00:00-03:00' }).expect(200);
    const illegal = await api().post(`/orders/${ORDER_ID}/approve`).set('Authorization', writer).send({ at: '2017-10-03T10:00:00-03:00' }).expect(409);
    expect(illegal.body).toMatchObject({
      type: 'https://mercado.dev/problems/illegal-order-transition',
      currentStatus: 'invoiced',
      attemptedStatus: 'approved',
      attemptedTransition: 'approve',
    });
    await api().post('/orders/unknown-order/approve').set('Authorization', writer).send({}).expect(404);

    const order = (await api().get(`/orders/${ORDER_ID}`).set('Authorization', reader).expect(200)).body;
    expect(order).toMatchObject({
      status: 'invoiced',
      paidTotal: '38.71',
      payments: [{ sequential: 1, type: 'credit_card', installments: 1, value: '38.71' }],
      lines: [{ lineNumber: 1, price: '29.99', freight: '8.72' }],
      version: 4,
    });
    expect(order.statusHistory.map((step: { status: string }) => step.status)).toEqual(['created', 'approved', 'invoiced']);
    const [paid] = await recorder.events(sales.topics[TOPICS.salesPayment.name]!, (e) => e.length >= 1);
    expect(paid!.data).toEqual({ order_id: ORDER_ID, sequential: 1, type: 'credit_card', installments: 1, value_cents: 3871 });
    expect(await sales.outboxAppended()).toBe(4);
  });

  it('marks the order shipped and delivered from fulfillment events, once each even when redelivered, and counts (not dead-letters) an order it does not hold', async () => {
    const topic = shipmentTopic;
    const meta = { source: '/mercado/fulfillment', time: '2017-10-04T19:55:00-03:00' };
    const created = createEnvelope(
      fulfillmentShipmentCreatedV1,
      {
        order_id: ORDER_ID,
        customer_id: placeOrder.customerId,
        estimated_delivery_date: '2017-10-18',
        seller_shipping_limits: [{ seller_id: placeOrder.lines[0]!.sellerId, shipping_limit_at: '2017-10-06T11:07:15-03:00' }],
      },
      meta,
    );
    const dispatched = createEnvelope(fulfillmentShipmentDispatchedV1, { order_id: ORDER_ID, dispatched_at: '2017-10-04T19:55:00-03:00' }, meta);
    const deliveredAt = '2017-10-10T21:25:13-03:00';
    const delivered = createEnvelope(
      fulfillmentShipmentDeliveredV1,
      { order_id: ORDER_ID, delivered_at: deliveredAt, estimated_delivery_date: '2017-10-18', ...deliveryLateness(deliveredAt, '2017-10-18') },
      { ...meta, time: deliveredAt },
    );
    const stranger = createEnvelope(fulfillmentShipmentDispatchedV1, { order_id: 'never-placed', dispatched_at: '2017-10-04T19:55:00-03:00' }, meta);
    const appended = await sales.outboxAppended();
    const send = (events: EventEnvelope[], key?: string) =>
      producer.send({ topic, messages: events.map((event) => ({ key: key ?? event.subject, value: JSON.stringify(event) })) });
    await send([created, dispatched, delivered, dispatched, stranger]);

    const order = await eventually(
      'the order delivered',
      async () => (await api().get(`/orders/${ORDER_ID}`).set('Authorization', reader)).body as { status: string; deliveredCustomerAt: string },
      (body) => body.status === 'delivered',
    );
    expect(order.deliveredCustomerAt).toBe(deliveredAt);
    // The order sales does not hold: consumed (in the inbox), skipped and counted.
    await eventually('the stranger consumed', () => sales.sql('SELECT 1 FROM messaging_inbox WHERE event_id = $1', [stranger.id]), (rows) => rows.length === 1);
    const metricsText = (await api().get('/metrics')).text;
    const unknown = metricsText.split('\n').filter((line) => line.startsWith('sales_shipment_events_for_unknown_orders_total{'));
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toContain('type="fulfillment.shipment.dispatched"');
    expect(unknown[0]).toMatch(/\} 1$/);

    // The same events again (a redelivery after a lost offset commit): the inbox skips them.
    await send([dispatched, delivered]);
    const marker = createEnvelope(fulfillmentShipmentCreatedV1, { ...created.data, order_id: 'marker-order' }, meta);
    await send([marker], ORDER_ID); // behind the redelivered events on their partition
    await eventually('the marker consumed', () => sales.sql('SELECT 1 FROM messaging_inbox WHERE event_id = $1', [marker.id]), (rows) => rows.length === 1);
    const events = await recorder.events(orderTopic, (e) => e.length >= 5);
    expect(events.map((event) => event.type)).toEqual([
      'sales.order.placed',
      'sales.order.approved',
      'sales.order.invoiced',
      'sales.order.shipped',
      'sales.order.delivered',
    ]);
    expect(events[3]!.data).toEqual({ order_id: ORDER_ID, shipped_at: '2017-10-04T19:55:00-03:00' });
    // Shipped and delivered, once each: the redelivered events appended nothing.
    expect(await sales.outboxAppended()).toBe(appended + 2);
  });

  it('lists orders by customer account, status and purchase period, newest first, page by page', async () => {
    const ids = ['list-order-1', 'list-order-2', 'list-order-3'];
    for (const [index, orderId] of ids.entries()) {
      await api()
        .post('/orders')
        .set('Authorization', writer)
        .send({ ...placeOrder, orderId, customerId: 'list-customer', purchasedAt: `2018-01-0${index + 1}T10:00:00-02:00` })
        .expect(201);
    }
    const first = await api().get('/orders?customerId=list-customer&limit=2').set('Authorization', reader).expect(200);
    expect(first.body.items.map((order: { orderId: string }) => order.orderId)).toEqual(['list-order-3', 'list-order-2']);
    const second = await api()
      .get(`/orders?customerId=list-customer&limit=2&cursor=${first.body.nextCursor}`)
      .set('Authorization', reader)
      .expect(200);
    expect(second.body).toMatchObject({ items: [{ orderId: 'list-order-1' }], nextCursor: null });

    const period = await api()
      .get('/orders')
      .query({ status: 'created', purchasedFrom: '2018-01-02T00:00:00-02:00', purchasedBefore: '2018-01-03T10:00:00-02:00' })
      .set('Authorization', reader)
      .expect(200);
    expect(period.body.items.map((order: { orderId: string }) => order.orderId)).toEqual(['list-order-2']);
    await api().get('/orders?cursor=bm90LWEtY3Vyc29y').set('Authorization', reader).expect(400);
  });

  it('imports real Olist orders from NDJSON in chunks with per-line rejects, and a re-run writes nothing', async () => {
    const records = olistHeadOrders(400);
    const conflicting = { ...records[0]!, order_status: 'canceled' };
    const body =
      toNdjson(records.slice(0, 200)) +
      '{"order_id": "broken\n' +
      toNdjson([
        { ...records[1]!, order_id: 'bad id with spaces' },
        { ...records[2]!, order_id: 'bad-status-order', order_status: 'lost' },
        conflicting,
      ]) +
      '\n' +
      toNdjson(records.slice(200));
    const post = () => api().post('/imports/orders').set('Authorization', writer).set('Content-Type', 'application/x-ndjson').send(body);

    const first = (await post().expect(200)).body;
    expect(first).toMatchObject({ received: 404, accepted: 400, duplicates: 0 });
    expect(first.rejected).toEqual([
      expect.objectContaining({ line: 201, orderId: null, code: 'invalid-json' }),
      expect.objectContaining({ line: 202, orderId: 'bad id with spaces', code: 'invalid-record', field: 'order_id' }),
      expect.objectContaining({ line: 203, orderId: 'bad-status-order', code: 'unknown-order-status', field: 'order_status' }),
      expect.objectContaining({ line: 204, orderId: records[0]!.order_id, code: 'order-conflict', field: 'order_id' }),
    ]);
    const orders = Number((await sales.sql<{ n: string }>("SELECT count(*) AS n FROM sales_order WHERE origin = 'import'"))[0]!.n);
    expect(orders).toBe(400);
    const appended = await sales.outboxAppended();

    const again = (await post().expect(200)).body;
    expect(again).toMatchObject({ received: 404, accepted: 0, duplicates: 400 });
    expect(again.rejected.map((reject: { line: number }) => reject.line)).toEqual([201, 202, 203, 204]);
    expect(await sales.outboxAppended()).toBe(appended);

    const imported = records.find((record) => record.order_status === 'delivered' && record.items.length > 0 && record.payments.length > 0);
    const view = (await api().get(`/orders/${imported!.order_id}`).set('Authorization', reader).expect(200)).body;
    expect(view).toMatchObject({ origin: 'import', status: 'delivered' });
    expect(view.lines).toHaveLength(imported!.items.length);
    expect(view.payments).toHaveLength(imported!.payments.length);
    expect(view.statusHistory.map((step: { status: string }) => step.status)).toEqual(['created', 'approved', 'invoiced', 'processing', 'shipped', 'delivered']);
  });
});
