import { Kafka, logLevel, type Admin } from 'kafkajs';
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
      waitForLeaders: false,
      topics: Object.values(names).map((topic) => ({ topic, numPartitions: partitions, replicationFactor: 1 })),
    });
    await untilLeadersKnown(admin, Object.values(names), partitions);
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

const LEADERS_TIMEOUT_MS = 60_000;

/**
 * Waits until the broker's metadata names a leader for every partition of `topics`. kafkajs' own
 * `waitForLeaders` gives up after its few retries of "This server does not host this topic-partition",
 * which a broker busy creating and deleting other suites' topics answers for a while.
 */
async function untilLeadersKnown(admin: Admin, topics: string[], partitions: number): Promise<void> {
  const deadline = Date.now() + LEADERS_TIMEOUT_MS;
  let last: unknown;
  for (;;) {
    try {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
      const ready = metadata.every((topic) => topic.partitions.length === partitions && topic.partitions.every((p) => p.leader >= 0));
      if (ready && metadata.length === topics.length) return;
      last = 'partitions without a leader';
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`topics ${topics.join(', ')} had no leader for every partition within ${LEADERS_TIMEOUT_MS / 1000} s: ${String(last)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
