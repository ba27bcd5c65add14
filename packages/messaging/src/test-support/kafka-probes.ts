import { type Kafka } from 'kafkajs';
import { headerText } from '../domain/message';
import { waitFor } from './wait-for';

export interface ReadMessage {
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string | undefined>;
  partition: number;
  offset: string;
}

/** Reads a topic from the beginning with a throwaway group until `expected` messages came. */
export async function readTopic(kafka: Kafka, topic: string, expected: number, timeoutMs = 30_000): Promise<ReadMessage[]> {
  const consumer = kafka.consumer({ groupId: `reader_${topic}_${process.pid}_${Date.now()}` });
  const seen: ReadMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message, partition }) => {
      const headers: Record<string, string | undefined> = {};
      for (const name of Object.keys(message.headers ?? {})) headers[name] = headerText(message.headers!, name);
      seen.push({ key: message.key?.toString() ?? null, value: message.value, headers, partition, offset: message.offset });
    },
  });
  try {
    await waitFor(`${expected} messages on ${topic}`, async () => seen.length, (n) => n >= expected, timeoutMs);
  } finally {
    await consumer.disconnect();
  }
  return seen;
}

/** Per partition: the group's committed offset (-1 when none) and the partition's end. */
export async function groupProgress(
  kafka: Kafka,
  groupId: string,
  topic: string,
): Promise<{ partition: number; committed: number; end: number }[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const ends = await admin.fetchTopicOffsets(topic);
    return ends
      .map((end) => ({
        partition: end.partition,
        committed: Number(offsets?.partitions.find((p) => p.partition === end.partition)?.offset ?? -1),
        end: Number(end.high),
      }))
      .sort((a, b) => a.partition - b.partition);
  } finally {
    await admin.disconnect();
  }
}

export async function deleteTopics(kafka: Kafka, topics: string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.deleteTopics({ topics, timeout: 10_000 });
  } catch {
    // best effort: a test's topics are unique and harmless if left behind
  } finally {
    await admin.disconnect();
  }
}
