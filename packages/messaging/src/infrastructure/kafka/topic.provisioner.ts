import { dlqTopicName } from '@mercado/contracts';
import { type Kafka, type ITopicConfig } from 'kafkajs';

/** What provisioning needs of a topic (the catalog's TopicDefinition fits). */
export interface TopicSpecification {
  readonly name: string;
  readonly partitions: number;
  /** -1 keeps messages forever; omitted: the broker's default. */
  readonly retentionMs?: number;
  readonly cleanupPolicy?: 'delete' | 'compact';
}

export interface ProvisionOptions {
  /** Also create `<topic>.dlq` for every topic (true). */
  deadLetters?: boolean;
  /** Dead letters are kept until someone deals with them: forever by default (-1). */
  deadLetterRetentionMs?: number;
  /** Default: 3, or the number of brokers when fewer. */
  replicationFactor?: number;
}

export interface ProvisionReport {
  created: string[];
  existing: string[];
  /** Existing topics that had fewer partitions than specified and were grown. */
  grown: string[];
}

/**
 * Creates the topics (and their dead-letter topics) that do not exist yet; safe to run at every
 * start-up, from several services at once. An existing topic with fewer partitions than specified
 * is grown; nothing is ever shrunk or deleted.
 */
export async function provisionTopics(
  kafka: Kafka,
  topics: readonly TopicSpecification[],
  options: ProvisionOptions = {},
): Promise<ProvisionReport> {
  const wanted = new Map<string, TopicSpecification>();
  for (const topic of topics) {
    wanted.set(topic.name, topic);
    if (options.deadLetters !== false) {
      const name = dlqTopicName(topic.name);
      wanted.set(name, { name, partitions: topic.partitions, retentionMs: options.deadLetterRetentionMs ?? -1, cleanupPolicy: 'delete' });
    }
  }

  const admin = kafka.admin();
  await admin.connect();
  try {
    const cluster = await admin.describeCluster();
    const replicationFactor = options.replicationFactor ?? Math.min(3, cluster.brokers.length);
    const present = new Set(await admin.listTopics());
    const missing = [...wanted.values()].filter((t) => !present.has(t.name));
    if (missing.length > 0) {
      // Another process may create the same topics at the same moment; createTopics then reports
      // them as existing rather than failing, which is what we want.
      await admin.createTopics({ waitForLeaders: true, topics: missing.map((t) => topicConfig(t, replicationFactor)) });
    }

    const existing = [...wanted.values()].filter((t) => present.has(t.name));
    const grown: string[] = [];
    if (existing.length > 0) {
      const metadata = await admin.fetchTopicMetadata({ topics: existing.map((t) => t.name) });
      const partitionsOf = new Map(metadata.topics.map((t) => [t.name, t.partitions.length]));
      const growth = existing
        .filter((t) => (partitionsOf.get(t.name) ?? t.partitions) < t.partitions)
        .map((t) => ({ topic: t.name, count: t.partitions }));
      if (growth.length > 0) {
        await admin.createPartitions({ topicPartitions: growth, validateOnly: false });
        grown.push(...growth.map((g) => g.topic));
      }
    }
    return { created: missing.map((t) => t.name), existing: existing.map((t) => t.name), grown };
  } finally {
    await admin.disconnect();
  }
}

function topicConfig(topic: TopicSpecification, replicationFactor: number): ITopicConfig {
  const configEntries: { name: string; value: string }[] = [];
  if (topic.retentionMs !== undefined) configEntries.push({ name: 'retention.ms', value: String(topic.retentionMs) });
  if (topic.cleanupPolicy !== undefined) configEntries.push({ name: 'cleanup.policy', value: topic.cleanupPolicy });
  return { topic: topic.name, numPartitions: topic.partitions, replicationFactor, configEntries };
}
