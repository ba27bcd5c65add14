// Reads a topic from its beginning in the background and keeps what it decodes, so integration tests
// can wait for the events a service publishes; and the small Kafka chores around it.
import { type EventEnvelope, validateEnvelope } from '@mercado/contracts';
import { Kafka, logLevel, type Consumer } from 'kafkajs';

export interface TappedMessage {
  key: string | null;
  partition: number;
  /** The envelope, when the value is one the catalog accepts. */
  envelope: EventEnvelope | null;
  raw: string;
  headers: Record<string, string>;
}

export class TopicTap {
  readonly messages: TappedMessage[] = [];
  private consumer: Consumer | undefined;

  private constructor(
    private readonly kafka: Kafka,
    readonly topic: string,
  ) {}

  static async start(brokers: readonly string[], topic: string): Promise<TopicTap> {
    const kafka = new Kafka({ clientId: 'topic-tap', brokers: [...brokers], logLevel: logLevel.NOTHING });
    const tap = new TopicTap(kafka, topic);
    const consumer = kafka.consumer({ groupId: `tap_${topic}_${process.pid}_${Date.now()}` });
    tap.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message, partition }) => {
        const raw = message.value?.toString('utf8') ?? '';
        let envelope: EventEnvelope | null;
        try {
          const result = validateEnvelope(JSON.parse(raw));
          envelope = result.ok ? result.envelope : null;
        } catch {
          envelope = null;
        }
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(message.headers ?? {})) {
          if (value !== undefined) headers[name] = Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
        }
        tap.messages.push({ key: message.key?.toString('utf8') ?? null, partition, envelope, raw, headers });
      },
    });
    return tap;
  }

  envelopes(type?: string): EventEnvelope[] {
    return this.messages
      .map((m) => m.envelope)
      .filter((e): e is EventEnvelope => e !== null && (type === undefined || e.type === type));
  }

  /** Waits until `done` accepts what was read; fails with what was seen after `timeoutMs`. */
  async waitFor<T>(what: string, probe: (tap: TopicTap) => T, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = probe(this);
      if (done(value)) return value;
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${what} on ${this.topic}; saw ${this.messages.length} messages: ${JSON.stringify(value)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

/** Polls an async probe until `done` accepts its value (or fails after `timeoutMs` with the last one). */
export async function eventually<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (done(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** Deletes topics, ignoring the ones already gone. */
export async function deleteTopics(brokers: readonly string[], topics: readonly string[]): Promise<void> {
  const kafka = new Kafka({ clientId: 'topic-cleanup', brokers: [...brokers], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const present = new Set(await admin.listTopics());
    const existing = topics.filter((topic) => present.has(topic));
    if (existing.length > 0) await admin.deleteTopics({ topics: existing, timeout: 10_000 });
  } finally {
    await admin.disconnect();
  }
}

/** How many messages a topic holds (the sum of its partitions' end offsets). */
export async function topicMessageCount(brokers: readonly string[], topic: string): Promise<number> {
  const kafka = new Kafka({ clientId: 'topic-count', brokers: [...brokers], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, partition) => sum + Number(partition.high) - Number(partition.low), 0);
  } finally {
    await admin.disconnect();
  }
}
