import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { resolveTestInfrastructure, type TestInfrastructure } from './infrastructure';
import { uniqueName } from './names';
import { createTestDatabase, type TestDatabase } from './test-database';

// The foundation's smoke test: the real broker and the real PostgreSQL server do what every later
// package relies on.
describe('real infrastructure', () => {
  let infra: TestInfrastructure;

  beforeAll(async () => {
    infra = await resolveTestInfrastructure();
  });

  it('creates a topic with the admin API, produces idempotently and consumes in a consumer group', async () => {
    const kafka = new Kafka({ clientId: 'foundation-test', brokers: infra.kafkaBrokers, logLevel: logLevel.ERROR });
    const admin = kafka.admin();
    const topic = uniqueName('foundation');
    await admin.connect();
    try {
      expect(await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 1 }], waitForLeaders: true })).toBe(true);
      expect(await admin.listTopics()).toContain(topic);

      const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
      await producer.connect();
      const messages = Array.from({ length: 30 }, (_, i) => ({ key: `order-${i % 5}`, value: JSON.stringify({ n: i }) }));
      await producer.send({ topic, acks: -1, messages });
      await producer.disconnect();

      const consumer = kafka.consumer({ groupId: uniqueName('foundation_group') });
      const received: Array<{ key: string; n: number; partition: number }> = [];
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      const all = new Promise<void>((resolve) => {
        void consumer.run({
          eachMessage: async ({ message, partition }) => {
            received.push({ key: message.key!.toString(), n: JSON.parse(message.value!.toString()).n, partition });
            if (received.length === messages.length) resolve();
          },
        });
      });
      await all;
      await consumer.disconnect();

      expect(received.map((r) => r.n).sort((a, b) => a - b)).toEqual(messages.map((_, i) => i));
      // Same key, same partition, in order.
      for (const key of new Set(received.map((r) => r.key))) {
        const ofKey = received.filter((r) => r.key === key);
        expect(new Set(ofKey.map((r) => r.partition)).size).toBe(1);
        expect(ofKey.map((r) => r.n)).toEqual([...ofKey.map((r) => r.n)].sort((a, b) => a - b));
      }
      const offsets = await admin.fetchTopicOffsets(topic);
      expect(offsets.reduce((sum, p) => sum + Number(p.high), 0)).toBe(messages.length);
    } finally {
      await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await admin.disconnect();
    }
  });

  describe('PostgreSQL', () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(infra.databaseUrl, 'foundation');
    });
    afterAll(async () => {
      await database.drop();
    });

    it('round-trips rows with numeric money and zoned timestamps through a throwaway database', async () => {
      const client = new Client({ connectionString: database.url });
      await client.connect();
      try {
        await client.query('CREATE TABLE payment (order_id text, sequential int, value numeric(12,2), at timestamptz, PRIMARY KEY (order_id, sequential))');
        await client.query(
          `INSERT INTO payment SELECT * FROM UNNEST($1::text[], $2::int[], $3::numeric[], $4::timestamptz[])`,
          [['o1', 'o1'], [1, 2], ['10.10', '0.20'], ['2017-10-02 10:56:33-03', '2017-10-02 10:56:33-03']],
        );
        const { rows } = await client.query(
          `SELECT sum(value)::text AS total, min(at AT TIME ZONE 'America/Sao_Paulo')::text AS local FROM payment`,
        );
        expect(rows[0]).toEqual({ total: '10.30', local: '2017-10-02 10:56:33' });
      } finally {
        await client.end();
      }
    });

    it('dropping the database removes it', async () => {
      const scratch = await createTestDatabase(infra.databaseUrl, 'scratch');
      await scratch.drop();
      const client = new Client({ connectionString: infra.databaseUrl });
      await client.connect();
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [scratch.name]);
      await client.end();
      expect(rowCount).toBe(0);
    });
  });
});
