import { createEnvelope, salesOrderPlacedV1, salesPaymentRecordedV1, TOPICS, type EventEnvelope } from '@mercado/contracts';
import { type Producer } from 'kafkajs';
import request from 'supertest';
import { eventually, recordTopics, startCustomerTestService, type CustomerTestService, type TopicRecorder } from './testing/customer-service.test-harness';
import { olistHeadRows, toNdjson } from './testing/olist-head-rows.test-data';

/*
 * The Olist import order the main job does not promise: the orders (and so the sales events) may
 * come before the customers file. A fresh service (no segmentation snapshot yet) must score each
 * person when their accounts arrive, without POST /segments/recompute.
 */
describe('customer service: customers imported after their purchases (real PostgreSQL and Kafka)', () => {
  let customers: CustomerTestService;
  let writer: string;
  let reader: string;
  let producer: Producer;
  let recorder: TopicRecorder;
  let customerTopic: string;
  const api = () => request(customers.baseUrl);

  beforeAll(async () => {
    customers = await startCustomerTestService({ IMPORT_CHUNK_SIZE: '10' });
    writer = `Bearer ${await customers.token(['customers:write'])}`;
    reader = `Bearer ${await customers.token(['customers:read'])}`;
    producer = customers.kafka.producer();
    await producer.connect();
    customerTopic = customers.topics[TOPICS.customerCustomer.name]!;
    recorder = await recordTopics(customers.kafka, [customerTopic]);
  });

  afterAll(async () => {
    await recorder?.stop();
    await producer?.disconnect();
    await customers?.stop();
  });

  it('scores persons registered or imported after their sales history, and publishes their segment changes', async () => {
    const people = olistHeadRows('olist_customers_dataset.head.csv').slice(0, 26);
    const meta = { source: '/mercado/sales', time: '2018-01-10T10:00:00-03:00' };
    const placed = people.map((person, index) =>
      createEnvelope(
        salesOrderPlacedV1,
        {
          order_id: `late${String(index).padStart(28, '0')}`,
          customer_id: person.customer_id!,
          purchased_at: `2018-0${1 + (index % 8)}-1${index % 10}T10:00:00-03:00`,
          lines: [{ line_number: 1, product_id: 'p1', seller_id: 's1', shipping_limit_at: '2018-09-01T10:00:00-03:00', price_cents: 1000 * (index + 1), freight_cents: 500 }],
          imported: true,
        },
        meta,
      ),
    );
    const payments = placed.map((order, index) =>
      createEnvelope(salesPaymentRecordedV1, { order_id: order.subject, sequential: 1, type: 'boleto', installments: 1, value_cents: 1000 * (index + 1) + 500 }, meta),
    );
    const send = (topic: string, events: EventEnvelope[]) =>
      producer.send({ topic, messages: events.map((event) => ({ key: event.subject, value: JSON.stringify(event) })) });
    await send(customers.topics[TOPICS.salesOrder.name]!, placed);
    await send(customers.topics[TOPICS.salesPayment.name]!, payments);
    await eventually(
      'every sales event applied',
      async () => Number((await customers.sql<{ n: string }>('SELECT count(*) AS n FROM messaging_inbox'))[0]!.n),
      (n) => n === placed.length + payments.length,
    );
    // Nobody held these accounts: the history is kept, nobody was scored, no snapshot was taken.
    expect(await customers.sql('SELECT count(*)::int AS n FROM purchase')).toEqual([{ n: people.length }]);
    expect(await customers.sql('SELECT count(*)::int AS n FROM segmentation_snapshot')).toEqual([{ n: 0 }]);

    // 25 persons through the bulk import (three chunks: the first takes the snapshot), the last one registered alone.
    const imported = people.slice(0, -1);
    const result = (await api().post('/imports/customers').set('Authorization', writer).set('Content-Type', 'application/x-ndjson').send(toNdjson(imported)).expect(200)).body;
    expect(result).toMatchObject({ received: imported.length, accepted: imported.length, rejected: [] });
    const last = people[people.length - 1]!;
    const registered = await api()
      .post('/customers')
      .set('Authorization', writer)
      .send({
        customerUniqueId: last.customer_unique_id,
        customerId: last.customer_id,
        zipPrefix: last.customer_zip_code_prefix,
        city: last.customer_city,
        state: last.customer_state,
      })
      .expect(201);
    expect(registered.body.customer).toMatchObject({ rfm: { frequency: 1, monetaryCents: 26_500, monetary: '265.00' }, segment: expect.any(String) });

    const ids = people.map((person) => person.customer_unique_id!);
    expect(await customers.sql('SELECT count(*)::int AS n FROM customer WHERE segment IS NOT NULL AND customer_unique_id = ANY($1)', [ids])).toEqual([{ n: people.length }]);
    const snapshots = await customers.sql<{ customer_count: number }>('SELECT customer_count FROM segmentation_snapshot');
    expect(snapshots).toEqual([{ customer_count: 10 }]);
    const second = (await api().get(`/customers/${ids[1]}`).set('Authorization', reader).expect(200)).body;
    expect(second.rfm).toMatchObject({ frequency: 1, monetaryCents: 2500, recencyDays: expect.any(Number) });

    const changes = (await recorder.events(customerTopic, (e) => e.filter((x) => x.type === 'customer.segment.changed').length >= people.length)).filter(
      (e) => e.type === 'customer.segment.changed',
    );
    expect(changes.map((e) => e.subject).sort()).toEqual([...ids].sort());
    expect(changes.every((e) => (e.data as { previous_segment: unknown }).previous_segment === null)).toBe(true);
    // Each person's segment change follows their registration on the topic (same key, same partition).
    const registeredAt = new Map<string, number>();
    const events = await recorder.events(customerTopic, () => true);
    events.forEach((event, index) => {
      if (event.type === 'customer.customer.registered') registeredAt.set(event.subject!, index);
    });
    expect(changes.every((change) => registeredAt.get(change.subject!)! < events.indexOf(change))).toBe(true);
  });
});
