import { Kafka, logLevel } from 'kafkajs';
import { uniqueName } from './names';

export interface TestTopics {
  /** logical name → unique topic name */
  names: Record<string, string>;
  delete(): Promise<void>;
}

/** Creates uniquely named topics (one per logical name) and returns their names and a cleanup. */
export async function createTestTopics(
  brokers: string[],
  logicalNames: string[],
  partitions = 3,
): Promise<TestTopics> {
  const kafka = new Kafka({ clientId: 'mercado-testing', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const names = Object.fromEntries(logicalNames.map((n) => [n, uniqueName(n.replace(/\./g, '_'))]));
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: Object.values(names).map((topic) => ({ topic, numPartitions: partitions, replicationFactor: 1 })),
    });
  } finally {
    await admin.disconnect();
  }
  return {
    names,
    async delete() {
      const cleanup = kafka.admin();
      await cleanup.connect();
      try {
        await cleanup.deleteTopics({ topics: Object.values(names), timeout: 10_000 });
      } finally {
        await cleanup.disconnect();
      }
    },
  };
}
