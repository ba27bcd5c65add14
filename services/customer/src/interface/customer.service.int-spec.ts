import {
  createEnvelope,
  salesOrderApprovedV1,
  salesOrderCanceledV1,
  salesOrderPlacedV1,
  salesPaymentRecordedV1,
  TOPICS,
  type EventEnvelope,
} from '@mercado/contracts';
import { type Producer } from 'kafkajs';
import request from 'supertest';
import { eventually, recordTopics, startCustomerTestService, type CustomerTestService, type TopicRecorder } from './testing/customer-service.test-harness';
import { olistHeadRows, toNdjson } from './testing/olist-head-rows.test-data';

const PERSON = '7c396fd4830fd04220f754e42b4e5bff';
const ACCOUNT = '9ef432eb6251297304e76186b10a928d';
const registration = { customerUniqueId: PERSON, customerId: ACCOUNT, zipPrefix: '03149', city: 'sao paulo', state: 'SP', at: '2017-10-02T10:56:33-03:00' };

describe('customer service (HTTP API, real PostgreSQL and Kafka)', () => {
  let customers: CustomerTestService;
  let writer: string;
  let reader: string;
  let producer: Producer;
  let recorder: TopicRecorder;
  let customerTopic: string;
  let reviewTopic: string;
  const api = () => request(customers.baseUrl);

  beforeAll(async () => {
    customers = await startCustomerTestService({ IMPORT_CHUNK_SIZE: '60' });
    writer = `Bearer ${await customers.token(['customers:write'])}`;
    reader = `Bearer ${await customers.token(['customers:read'])}`;
    producer = customers.kafka.producer();
    await producer.connect();
    customerTopic = customers.topics[TOPICS.customerCustomer.name]!;
    reviewTopic = customers.topics[TOPICS.customerReview.name]!;
    recorder = await recordTopics(customers.kafka, [customerTopic, reviewTopic, `${customers.topics[TOPICS.salesOrder.name]}.dlq`]);
  });

  afterAll(async () => {
    await recorder?.stop();
    await producer?.disconnect();
    await customers?.stop();
  });

  it('is ready once its database is migrated and Kafka answers', async () => {
    const ready = await api().get('/health/ready').expect(200);
    expect(Object.keys(ready.body.checks).sort()).toEqual(['database', 'kafka', 'migrations']);
    const openapi = (await api().get('/openapi.json').expect(200)).body;
    expect(openapi.paths['/imports/customers'].post.description).toContain('"customer_zip_code_prefix"');
    expect(openapi.paths['/imports/reviews'].post.description).toContain('"review_comment_message"');
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining(['/customers', '/customers/{customerUniqueId}', '/segments/summary', '/segments/recompute', '/reviews']),
    );
  });

  it('registers a person once, adds an account with a move, and refuses an account of another person', async () => {
    const created = await api().post('/customers').set('Authorization', writer).send(registration).expect(201);
    expect(created.body).toMatchObject({ outcome: 'changed', customer: { customerUniqueId: PERSON, segment: null, rfm: null, version: 1 } });
    expect((await api().post('/customers').set('Authorization', writer).send(registration).expect(200)).body.outcome).toBe('unchanged');

    const moved = await api()
      .post('/customers')
      .set('Authorization', writer)
      .send({ ...registration, customerId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', zipPrefix: '01037', at: '2018-01-02T10:00:00-02:00' })
      .expect(200);
    expect(moved.body.customer).toMatchObject({ location: { zipPrefix: '01037' }, accounts: [{ customerId: ACCOUNT }, { customerId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' }] });

    const taken = await api()
      .post('/customers')
      .set('Authorization', writer)
      .send({ ...registration, customerUniqueId: 'someone-else' })
      .expect(409);
    expect(taken.body).toMatchObject({ type: 'https://mercado.dev/problems/account-owned-by-another-customer', ownerCustomerUniqueId: PERSON });

    const bad = await api().post('/customers').set('Authorization', writer).send({ customerUniqueId: PERSON, zipPrefix: '3149', state: 'XX' }).expect(400);
    expect((bad.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['/city', '/customerId', '/state', '/zipPrefix']);
    await api().post('/customers').set('Authorization', reader).send(registration).expect(403);

    const events = await recorder.events(customerTopic, (e) => e.length >= 3);
    expect(events.map((e) => e.type)).toEqual(['customer.customer.registered', 'customer.account.added', 'customer.customer.relocated']);
    expect(events[0]!.data).toEqual({ customer_unique_id: PERSON, accounts: [ACCOUNT], location: { zip_prefix: '03149', city: 'sao paulo', state: 'SP' } });
    expect(events[2]!.data).toMatchObject({ location: { zip_prefix: '01037' }, previous_location: { zip_prefix: '03149' } });
    expect((await api().get(`/customers/${PERSON}`).set('Authorization', reader).expect(200)).body.version).toBe(2);
    await api().get('/customers/nobody').set('Authorization', reader).expect(404);
  });

  it('takes reviews idempotently, refuses other content under the same ids, and publishes each once', async () => {
    const review = { reviewId: 'r0000000000000000000000000000001', orderId: 'o0000000000000000000000000000001', score: 4, title: 'Bom', message: 'Chegou\r\nantes do prazo', createdAt: '2018-01-18T00:00:00-02:00' };
    await api().post('/reviews').set('Authorization', writer).send(review).expect(201);
    expect((await api().post('/reviews').set('Authorization', writer).send(review).expect(200)).body.outcome).toBe('unchanged');
    const conflict = await api().post('/reviews').set('Authorization', writer).send({ ...review, score: 1 }).expect(409);
    expect(conflict.body.type).toBe('https://mercado.dev/problems/review-conflict');
    await api().post('/reviews').set('Authorization', writer).send({ ...review, score: 6 }).expect(400);

    const listed = await api().get(`/reviews?orderId=${review.orderId}`).set('Authorization', reader).expect(200);
    expect(listed.body).toEqual({ items: [expect.objectContaining({ reviewId: review.reviewId, score: 4, message: 'Chegou\r\nantes do prazo' })], nextCursor: null });
    const [published] = await recorder.events(reviewTopic, (e) => e.length >= 1);
    expect(published!.data).toEqual({
      review_id: review.reviewId,
      order_id: review.orderId,
      score: 4,
      title: 'Bom',
      message: 'Chegou\r\nantes do prazo',
      created_at: '2018-01-18T00:00:00-02:00',
    });
  });

  it('imports real Olist customers and reviews from NDJSON with per-line rejects, and a re-run appends nothing', async () => {
    const rows = olistHeadRows('olist_customers_dataset.head.csv');
    const body =
      toNdjson(rows.slice(0, 100)) +
      'not json\n' +
      toNdjson([
        { ...rows[0]!, customer_zip_code_prefix: '1037', customer_id: 'lost-zero-account' },
        { ...rows[1]!, customer_id: 'with space' },
        { ...rows[2]!, customer_unique_id: 'another-person' },
      ]) +
      toNdjson(rows.slice(100));
    const post = () => api().post('/imports/customers').set('Authorization', writer).set('Content-Type', 'application/x-ndjson').send(body);
    const first = (await post().expect(200)).body;
    expect(first).toMatchObject({ received: rows.length + 4, accepted: rows.length, duplicates: 0 });
    expect(first.rejected).toEqual([
      expect.objectContaining({ line: 101, code: 'invalid-json' }),
      expect.objectContaining({ line: 102, id: 'lost-zero-account', code: 'invalid-field', field: 'customer_zip_code_prefix' }),
      expect.objectContaining({ line: 103, id: 'with space', code: 'invalid-record', field: 'customer_id' }),
      expect.objectContaining({ line: 104, id: rows[2]!.customer_id, code: 'account-owned-by-another-customer' }),
    ]);
    expect(first.rejected[1].reason).toContain('leading zeros');

    const appended = await customers.outboxAppended();
    const again = (await post().expect(200)).body;
    expect(again).toMatchObject({ accepted: 0, duplicates: rows.length });
    expect(again.rejected).toHaveLength(4);
    expect(await customers.outboxAppended()).toBe(appended);
    const zeroKept = rows.find((row) => row.customer_zip_code_prefix!.startsWith('0'))!;
    expect((await api().get(`/customers/${zeroKept.customer_unique_id}`).set('Authorization', reader).expect(200)).body.location.zipPrefix).toBe(
      zeroKept.customer_zip_code_prefix,
    );

    const reviews = olistHeadRows('olist_order_reviews_dataset.head.csv').slice(0, 300);
    const reviewBody = toNdjson(reviews) + toNdjson([{ ...reviews[0]!, review_score: '9', order_id: 'other-order' }]);
    const postReviews = () => api().post('/imports/reviews').set('Authorization', writer).set('Content-Type', 'application/x-ndjson').send(reviewBody);
    const imported = (await postReviews().expect(200)).body;
    expect(imported).toMatchObject({ received: 301, accepted: 300, duplicates: 0 });
    expect(imported.rejected).toEqual([expect.objectContaining({ line: 301, field: 'review_score' })]);
    const reviewsAppended = await customers.outboxAppended();
    expect((await postReviews().expect(200)).body).toMatchObject({ accepted: 0, duplicates: 300 });
    expect(await customers.outboxAppended()).toBe(reviewsAppended);
    const multiline = reviews.find((review) => review.review_comment_message!.includes('\n'))!;
    const stored = await api().get(`/reviews?orderId=${multiline.order_id}`).set('Authorization', reader).expect(200);
    expect(stored.body.items[0].message).toBe(multiline.review_comment_message);
  });

  it('builds the purchase history from sales events, scores the customers it touches, and applies a batch again to the same state', async () => {
    const people = olistHeadRows('olist_customers_dataset.head.csv').slice(0, 40);
    const meta = (time: string) => ({ source: '/mercado/sales', time });
    const placed = people.map((person, index) =>
      createEnvelope(
        salesOrderPlacedV1,
        {
          order_id: `order${String(index).padStart(27, '0')}`,
          customer_id: person.customer_id!,
          purchased_at: `2018-0${1 + (index % 8)}-1${index % 10}T10:00:00-03:00`,
          lines: [{ line_number: 1, product_id: 'p1', seller_id: 's1', shipping_limit_at: '2018-09-01T10:00:00-03:00', price_cents: 1000 * (index + 1), freight_cents: 500 }],
          imported: true,
        },
        meta('2018-01-10T10:00:00-03:00'),
      ),
    );
    const payments = placed.map((order, index) =>
      createEnvelope(
        salesPaymentRecordedV1,
        { order_id: order.subject, sequential: 1, type: 'credit_card', installments: 1, value_cents: 1000 * (index + 1) + 500 },
        meta('2018-01-10T10:00:00-03:00'),
      ),
    );
    const canceled = createEnvelope(salesOrderCanceledV1, { order_id: placed[0]!.subject, canceled_at: '2018-01-20T10:00:00-02:00' }, meta('2018-01-20T10:00:00-02:00'));
    const approved = createEnvelope(salesOrderApprovedV1, { order_id: placed[1]!.subject, approved_at: '2018-02-11T11:00:00-02:00' }, meta('2018-02-11T11:00:00-02:00'));
    const orderTopic = customers.topics[TOPICS.salesOrder.name]!;
    const paymentTopic = customers.topics[TOPICS.salesPayment.name]!;
    const send = (topic: string, events: EventEnvelope[]) =>
      producer.send({ topic, messages: events.map((event) => ({ key: event.subject, value: JSON.stringify(event) })) });
    // Payments may come before their placements: they travel on another topic.
    await send(paymentTopic, payments);
    await send(orderTopic, [...placed, canceled, approved]);

    const allApplied = async () =>
      Number((await customers.sql<{ n: string }>('SELECT count(*) AS n FROM messaging_inbox'))[0]!.n) === placed.length + payments.length + 2;
    await eventually('every sales event applied', allApplied, (done) => done);
    const ids = people.map((person) => person.customer_unique_id!);
    await eventually(
      'the customers scored',
      async () => Number((await customers.sql<{ n: string }>('SELECT count(*) AS n FROM customer WHERE segment IS NOT NULL AND customer_unique_id = ANY($1)', [ids]))[0]!.n),
      (n) => n === people.length - 1,
    );
    const view = async (id: string) => (await api().get(`/customers/${id}`).set('Authorization', reader).expect(200)).body;
    expect((await view(ids[0]!)).segment).toBeNull(); // its only order was canceled
    expect((await view(ids[1]!)).rfm).toMatchObject({ frequency: 1, monetaryCents: 2500, monetary: '25.00' });

    const segmentChanges = (await recorder.events(customerTopic, (e) => e.filter((x) => x.type === 'customer.segment.changed').length >= people.length - 1)).filter(
      (e) => e.type === 'customer.segment.changed',
    );
    const state = async () => customers.sql('SELECT * FROM customer ORDER BY customer_unique_id');
    const purchases = async () => customers.sql('SELECT p.*, pp.sequential, pp.value_cents FROM purchase p LEFT JOIN purchase_payment pp USING (order_id) ORDER BY order_id');
    const before = { customers: await state(), purchases: await purchases(), appended: await customers.outboxAppended() };

    // The same batch again: redelivered (same event ids: the inbox skips them) and re-published
    // (new ids: the purchase facts are already known, nothing changes).
    const republished = placed.map((event) => createEnvelope(salesOrderPlacedV1, event.data, meta(event.time)));
    await send(paymentTopic, payments);
    await send(orderTopic, [...placed, ...republished, canceled]);
    await eventually('the re-published events applied', async () => Number((await customers.sql<{ n: string }>('SELECT count(*) AS n FROM messaging_inbox'))[0]!.n), (n) => n === placed.length * 2 + payments.length + 2);
    expect({ customers: await state(), purchases: await purchases(), appended: await customers.outboxAppended() }).toEqual(before);
    expect(segmentChanges.every((e) => e.data && (e.data as { previous_segment: unknown }).previous_segment === null)).toBe(true);

    const summary = (await api().get('/segments/summary').set('Authorization', reader).expect(200)).body;
    expect(summary.segments.reduce((sum: number, s: { customers: number }) => sum + s.customers, 0)).toBe(people.length - 1);
    expect(summary.totalCustomers).toBe(Number((await customers.sql<{ n: string }>('SELECT count(*) AS n FROM customer'))[0]!.n));
    const champions = summary.segments.find((s: { customers: number }) => s.customers > 0);
    const bySegment = await api().get(`/customers?segment=${champions.segment}&state=SP&limit=1`).set('Authorization', reader).expect(200);
    expect(bySegment.body.items.every((c: { segment: string; location: { state: string } }) => c.segment === champions.segment && c.location.state === 'SP')).toBe(true);

    // A full recomputation refreshes the boundaries over the whole base (each partition's batch was
    // scored against the boundaries of the first); a second one finds every segment where it is.
    const recompute = async () => (await api().post('/segments/recompute').set('Authorization', writer).send({}).expect(200)).body;
    expect(await recompute()).toMatchObject({ scope: 'full', customersInBase: people.length - 1 });
    const appended = await customers.outboxAppended();
    expect(await recompute()).toMatchObject({ scope: 'full', customersInBase: people.length - 1, segmentChanges: 0 });
    expect(await customers.outboxAppended()).toBe(appended);
  });

  it('dead-letters a purchase fact that contradicts a stored one', async () => {
    const contradiction = createEnvelope(
      salesOrderPlacedV1,
      {
        order_id: `order${'0'.repeat(26)}1`,
        customer_id: 'some-other-account',
        purchased_at: '2018-01-10T10:00:00-02:00',
        lines: [],
        imported: true,
        anomalies: ['no-items'],
      },
      { source: '/mercado/sales', time: '2018-01-10T10:00:00-02:00' },
    );
    await producer.send({ topic: customers.topics[TOPICS.salesOrder.name]!, messages: [{ key: contradiction.subject, value: JSON.stringify(contradiction) }] });
    const letters = await recorder.events(`${customers.topics[TOPICS.salesOrder.name]}.dlq`, (e) => e.length >= 1);
    expect(letters.map((letter) => letter.id)).toEqual([contradiction.id]);
  });
});
