import { type Kafka, type Producer } from 'kafkajs';
import { type EventPublisher } from '../../application/ports/event-publisher.port';
import { stderrMessagingLogger, type MessagingLogger } from '../../application/ports/messaging-logger.port';
import { chunkBySize, groupInOrder } from '../../domain/batches';
import { describeError } from '../../domain/failure-classification';
import { type OutboundMessage } from '../../domain/message';
import { KeyPartitioner } from './key.partitioner';

export interface KafkaEventPublisherOptions {
  logger?: MessagingLogger;
  /**
   * Largest request sent at once, in bytes of keys and values (900 KB): the broker refuses a record
   * batch over its message.max.bytes (1 MB by default).
   */
  maxRequestBytes?: number;
}

/**
 * Publishes with kafkajs' idempotent producer: acks from all in-sync replicas, one request in flight,
 * so the broker drops the producer's own retries and keeps each key's order. After a failed send the
 * producer is replaced: its sequence numbers may no longer match the broker's, and a fresh producer
 * id is the safe way back (any duplicate this causes is dropped by the consumers' inbox).
 */
export class KafkaEventPublisher implements EventPublisher {
  private producer: Producer | undefined;
  private readonly logger: MessagingLogger;
  private readonly maxRequestBytes: number;

  constructor(
    private readonly kafka: Kafka,
    options: KafkaEventPublisherOptions = {},
  ) {
    this.logger = options.logger ?? stderrMessagingLogger;
    this.maxRequestBytes = options.maxRequestBytes ?? 900_000;
  }

  async connect(): Promise<void> {
    await this.connectedProducer();
  }

  async publish(messages: readonly OutboundMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const producer = await this.connectedProducer();
    try {
      for (const part of chunkBySize(messages, this.maxRequestBytes, messageSize)) {
        await producer.sendBatch({
          acks: -1,
          topicMessages: [...groupInOrder(part, (m) => m.topic)].map(([topic, ofTopic]) => ({
            topic,
            messages: ofTopic.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
          })),
        });
      }
    } catch (error) {
      await this.discardProducer(error);
      throw error;
    }
  }

  async disconnect(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect();
  }

  private async connectedProducer(): Promise<Producer> {
    if (this.producer) return this.producer;
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      // murmur2, as the Java client: the same key lands on the same partition whoever produces it
      // (kafkajs' DefaultPartitioner's choices, computed without a Long per hash step).
      createPartitioner: KeyPartitioner,
      allowAutoTopicCreation: false,
    });
    try {
      await producer.connect();
    } catch (error) {
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
    this.producer = producer;
    return producer;
  }

  private async discardProducer(cause: unknown): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    this.logger.warn({ error: describeError(cause) }, 'send failed; replacing the producer');
    await producer?.disconnect().catch(() => undefined);
  }
}

function messageSize(message: OutboundMessage): number {
  let size = 64 + byteLength(message.key) + byteLength(message.value);
  for (const [name, value] of Object.entries(message.headers)) {
    if (value === undefined) continue;
    size += name.length + (Array.isArray(value) ? value.reduce((sum, v) => sum + byteLength(v), 0) : byteLength(value));
  }
  return size;
}

function byteLength(value: Buffer | string | null): number {
  if (value === null) return 0;
  return typeof value === 'string' ? Buffer.byteLength(value) : value.length;
}
