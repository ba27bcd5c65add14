import { validateEnvelope, type EventEnvelope } from '@mercado/contracts';
import { type Admin, type Consumer, type EachBatchPayload, type Kafka } from 'kafkajs';
import { type EventLog, type EventReplay, type PartitionOffsets, type ReplayedBatch } from '../../application/ports/event-log.port';

export interface KafkaEventLogOptions {
  kafka: Kafka;
  /** The physical topic of each logical one (the catalog's names by default; tests use unique ones). */
  topics: readonly string[];
  /** Upper bound of one partition's batch, in bytes (4 MB: a replay wants big batches). */
  maxBytesPerPartition?: number;
  /** How long to wait for a batch before giving up on a replay that does not progress (2 min). */
  idleTimeoutMs?: number;
}

export class ReplayStalledError extends Error {
  override readonly name = 'ReplayStalledError';
}

interface Delivered {
  topic: string;
  partition: number;
  /** The offset after the batch's last message. */
  next: bigint;
  batch: ReplayedBatch;
  done: () => void;
}

/**
 * Replays topics with kafkajs: a consumer group of its own starting at the earliest offsets, read
 * one batch at a time on demand (the consumer waits until the caller has applied a batch), and the
 * admin client for the partitions' end offsets. Messages that are not valid events are counted, not
 * applied (the live consumer dead-letters them).
 */
export class KafkaEventLog implements EventLog {
  constructor(private readonly options: KafkaEventLogOptions) {}

  async openReplay(consumerGroup: string): Promise<EventReplay> {
    const { kafka, topics } = this.options;
    const admin = kafka.admin();
    await admin.connect();
    const consumer = kafka.consumer({
      groupId: consumerGroup,
      allowAutoTopicCreation: false,
      maxBytesPerPartition: this.options.maxBytesPerPartition ?? 4 * 1024 * 1024,
      maxWaitTimeInMs: 250,
    });
    const replay = new KafkaReplay(admin, consumer, consumerGroup, topics, this.options.idleTimeoutMs ?? 120_000);
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [...topics], fromBeginning: true });
      await consumer.run({ autoCommit: false, partitionsConsumedConcurrently: 1, eachBatch: (payload) => replay.deliver(payload) });
    } catch (error) {
      await replay.close();
      throw error;
    }
    return replay;
  }
}

class KafkaReplay implements EventReplay {
  /** Per topic and partition, the offset after the last message handed over. */
  private readonly positions = new Map<string, bigint>();
  private readonly starts = new Map<string, bigint>();
  private readonly queue: Delivered[] = [];
  private waiter: ((delivered: Delivered) => void) | undefined;
  private closed = false;

  constructor(
    private readonly admin: Admin,
    private readonly consumer: Consumer,
    private readonly group: string,
    private readonly topics: readonly string[],
    private readonly idleTimeoutMs: number,
  ) {}

  async endOffsets(): Promise<PartitionOffsets> {
    const ends: PartitionOffsets = {};
    for (const topic of this.topics) {
      ends[topic] = {};
      for (const { partition, high, low } of await this.admin.fetchTopicOffsets(topic)) {
        ends[topic][partition] = high;
        if (!this.starts.has(`${topic}/${partition}`)) this.starts.set(`${topic}/${partition}`, BigInt(low));
      }
    }
    return ends;
  }

  async readUntil(until: PartitionOffsets, apply: (batch: ReplayedBatch) => Promise<void>): Promise<void> {
    while (!this.reached(until)) {
      const delivered = await this.next();
      try {
        await apply(delivered.batch);
      } finally {
        delivered.done();
      }
      this.positions.set(`${delivered.topic}/${delivered.partition}`, delivered.next);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Let a batch waiting for us go, so that the consumer can stop.
    for (const delivered of this.queue.splice(0)) delivered.done();
    await this.consumer.disconnect().catch(() => undefined);
    await this.admin.deleteGroups([this.group]).catch(() => undefined);
    await this.admin.disconnect().catch(() => undefined);
  }

  /** kafkajs' eachBatch: hands the batch over and waits until it has been applied. */
  deliver({ batch }: EachBatchPayload): Promise<void> {
    if (this.closed || batch.isEmpty()) return Promise.resolve();
    const envelopes: EventEnvelope[] = [];
    let rejected = 0;
    for (const message of batch.messages) {
      const validation = message.value ? validateEnvelope(message.value) : undefined;
      if (validation?.ok) envelopes.push(validation.envelope);
      else rejected++;
    }
    return new Promise<void>((done) => {
      const delivered: Delivered = {
        topic: batch.topic,
        partition: batch.partition,
        next: BigInt(batch.lastOffset()) + 1n,
        batch: { envelopes, rejected },
        done,
      };
      if (this.waiter) {
        const waiter = this.waiter;
        this.waiter = undefined;
        waiter(delivered);
      } else this.queue.push(delivered);
    });
  }

  private next(): Promise<Delivered> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        reject(new ReplayStalledError(`no message for ${this.idleTimeoutMs} ms while the replay of ${this.topics.join(', ')} is not at its end`));
      }, this.idleTimeoutMs);
      this.waiter = (delivered) => {
        clearTimeout(timer);
        resolve(delivered);
      };
    });
  }

  private reached(until: PartitionOffsets): boolean {
    for (const [topic, partitions] of Object.entries(until)) {
      for (const [partition, end] of Object.entries(partitions)) {
        const key = `${topic}/${partition}`;
        const position = this.positions.get(key) ?? this.starts.get(key) ?? 0n;
        if (position < BigInt(end)) return false;
      }
    }
    return true;
  }
}
