import { type Kafka, type Consumer } from 'kafkajs';
import { decodeCatalogEnvelope } from '../application/consume/envelope-decoder';
import { type SessionPool } from '../infrastructure/inbox/pg.inbox';

/**
 * The baseline the benchmark compares the batch consumer with: kafkajs eachMessage, and for every
 * message one transaction with one inbox INSERT and one effect INSERT. Same guarantees (exactly-once
 * effect through the inbox), none of the batching. Not for production use.
 */
export async function startNaiveConsumer(options: {
  kafka: Kafka;
  groupId: string;
  topic: string;
  pool: SessionPool;
  onApplied: (count: number) => void;
}): Promise<Consumer> {
  const consumer = options.kafka.consumer({ groupId: options.groupId, maxWaitTimeInMs: 500 });
  await consumer.connect();
  await consumer.subscribe({ topics: [options.topic], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      const decoded = decodeCatalogEnvelope({ topic, partition, offset: message.offset, key: message.key, value: message.value, headers: message.headers ?? {} });
      if (!decoded.ok) return;
      const envelope = decoded.envelope;
      const session = await options.pool.connect();
      try {
        await session.query('BEGIN');
        const { rowCount } = await session.query(
          'INSERT INTO messaging_inbox (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
          [options.groupId, envelope.id],
        );
        if (rowCount === 1) {
          await session.query('INSERT INTO messaging_test_effect (event_id, subject, event_time) VALUES ($1, $2, $3)', [
            envelope.id,
            envelope.subject,
            envelope.time,
          ]);
        }
        await session.query('COMMIT');
      } catch (error) {
        await session.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        session.release();
      }
      options.onApplied(1);
    },
  });
  return consumer;
}
