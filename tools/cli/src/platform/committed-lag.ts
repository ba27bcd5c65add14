import { Kafka, logLevel } from 'kafkajs';

export interface CommittedLagOptions {
  kafkaBrokers: string[];
  /** The topics (as named on the broker) whose consumption counts. */
  topics: string[];
  /** Which consumer groups are the platform's. */
  isPlatformGroup: (groupId: string) => boolean;
}

/**
 * Messages on the topics that the platform's consumer groups have not committed, read from the broker.
 * A topic counts for a group once it has committed on it (a topic it never committed on is one it does
 * not consume); its other partitions count from their low watermark. The services' lag gauges are set
 * when a batch ends, so only the broker tells whether a consumer in the middle of a long batch is behind.
 */
export async function committedConsumerLag(options: CommittedLagOptions): Promise<number> {
  const kafka = new Kafka({ clientId: 'mercado-drain', brokers: options.kafkaBrokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const ends = new Map<string, Map<number, { low: number; high: number }>>();
    for (const topic of options.topics.filter((t) => existing.has(t))) {
      const offsets = await admin.fetchTopicOffsets(topic);
      ends.set(topic, new Map(offsets.map((p) => [p.partition, { low: Number(p.low), high: Number(p.high) }])));
    }
    const { groups } = await admin.listGroups();
    let lag = 0;
    for (const { groupId } of groups.filter((g) => options.isPlatformGroup(g.groupId))) {
      for (const { topic, partitions } of await admin.fetchOffsets({ groupId, topics: [...ends.keys()] })) {
        const topicEnds = ends.get(topic);
        if (!topicEnds || partitions.every((p) => Number(p.offset) < 0)) continue;
        for (const { partition, offset } of partitions) {
          const end = topicEnds.get(partition);
          if (!end) continue;
          const committed = Number(offset) < 0 ? end.low : Number(offset);
          lag += Math.max(0, end.high - committed);
        }
      }
    }
    return lag;
  } finally {
    await admin.disconnect();
  }
}
