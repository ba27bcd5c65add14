import { TOPICS } from '@mercado/contracts';
import { createPool, type Pool } from '@mercado/postgres';
import { createTestDatabase, testInfrastructure, uniqueName, type TestDatabase } from '@mercado/testing';
import { EFFECT_TABLE_SQL, effectCounts, recordEffects } from '../../test-support/effect-table';
import { deleteTopics, readTopic } from '../../test-support/kafka-probes';
import { orderApproved } from '../../test-support/sample-events';
import { MemoryLogger } from '../../test-support/silent-logger';
import { waitFor } from '../../test-support/wait-for';
import { createKafkaClient } from '../kafka/kafka-client';
import { ensureMessagingSchema } from '../outbox/messaging-schema';
import { startServiceMessaging, type ServiceMessaging } from './service-messaging';

describe('startServiceMessaging (real PostgreSQL and Kafka)', () => {
  const infra = testInfrastructure();
  const logger = new MemoryLogger();
  const kafka = createKafkaClient({ brokers: infra.kafkaBrokers, clientId: 'runtime-int', logger });
  const orderTopic = uniqueName('rt_order');
  const paymentTopic = uniqueName('rt_payment');
  const overrides = { [TOPICS.salesOrder.name]: orderTopic, [TOPICS.salesPayment.name]: paymentTopic };
  let database: TestDatabase;
  let pool: Pool;
  let messaging: ServiceMessaging | undefined;

  beforeAll(async () => {
    database = await createTestDatabase(infra.databaseUrl, 'runtime');
    pool = createPool(database.url, { max: 3 });
    await ensureMessagingSchema(pool);
    await pool.query(EFFECT_TABLE_SQL);
  });

  afterAll(async () => {
    await messaging?.stop();
    await pool.end();
    await database.drop();
    await deleteTopics(kafka, [orderTopic, `${orderTopic}.dlq`, paymentTopic, `${paymentTopic}.dlq`]);
  });

  it('provisions the overridden topics with their dead-letter twins, relays the outbox and runs the consumers', async () => {
    messaging = await startServiceMessaging({
      serviceName: 'runtime-test',
      kafkaBrokers: infra.kafkaBrokers,
      databaseUrl: database.url,
      pool,
      topics: [TOPICS.salesOrder.name],
      topicOverrides: overrides,
      consumers: [{ groupId: uniqueName('rt_group'), topics: [TOPICS.salesPayment.name, TOPICS.salesOrder.name], handler: recordEffects }],
      logger,
      relay: { pollIntervalMs: 100 },
    });
    expect(messaging.topicOf(TOPICS.salesOrder.name)).toBe(orderTopic);
    expect(messaging.topicOf(TOPICS.customerCustomer.name)).toBe(TOPICS.customerCustomer.name);

    const admin = kafka.admin();
    await admin.connect();
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: [orderTopic, `${orderTopic}.dlq`, paymentTopic, `${paymentTopic}.dlq`] });
      expect(Object.fromEntries(topics.map((t) => [t.name, t.partitions.length]))).toEqual({
        [orderTopic]: TOPICS.salesOrder.partitions,
        [`${orderTopic}.dlq`]: TOPICS.salesOrder.partitions,
        [paymentTopic]: TOPICS.salesPayment.partitions,
        [`${paymentTopic}.dlq`]: TOPICS.salesPayment.partitions,
      });
    } finally {
      await admin.disconnect();
    }

    const event = orderApproved('runtime-order-1');
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await messaging.outbox.append(client, [event]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }

    const [message] = await readTopic(kafka, orderTopic, 1);
    expect(message!.key).toBe('runtime-order-1');
    expect(JSON.parse(message!.value!.toString()).id).toBe(event.id);
    await waitFor('the consumer applied the event', () => effectCounts(pool), (c) => c.total === 1);

    for (const check of messaging.checks) await expect(check.check()).resolves.toBeUndefined();
    expect(messaging.checks.map((c) => c.name)).toEqual(['kafka']);
    expect(messaging.stoppables.map((s) => s.name)).toEqual(['kafka admin', 'kafka publisher', 'outbox relay', expect.stringMatching(/^consumer rt_group/)]);
  });

  it('refuses a topic the catalog does not know before starting anything', async () => {
    await expect(
      startServiceMessaging({
        serviceName: 'runtime-test',
        kafkaBrokers: infra.kafkaBrokers,
        databaseUrl: database.url,
        pool,
        topics: ['sales.orders.v9'],
        logger,
      }),
    ).rejects.toThrow('sales.orders.v9 is not a topic of the event catalog');
  });
});
