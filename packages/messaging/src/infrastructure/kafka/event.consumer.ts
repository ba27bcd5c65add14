import { dlqTopicName } from '@mercado/contracts';
import { type Consumer, type EachBatchPayload, type Kafka } from 'kafkajs';
import { type EnvelopeDecoder } from '../../application/consume/envelope-decoder';
import { type EventBatchHandler } from '../../application/consume/event-batch.handler';
import { EventBatchProcessor, type BatchControl } from '../../application/consume/event-batch.processor';
import { stderrMessagingLogger, type MessagingLogger } from '../../application/ports/messaging-logger.port';
import { noopMessagingMetrics, type MessagingMetrics } from '../../application/ports/messaging-metrics.port';
import { describeError } from '../../domain/failure-classification';
import { type InboundMessage } from '../../domain/message';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from '../../domain/retry-backoff';
import { PgInbox, type SessionPool } from '../inbox/pg.inbox';
import { withProcessSpan } from '../tracing/process-span';
import { KafkaEventPublisher } from './kafka-event.publisher';

export interface EventConsumerOptions {
  kafka: Kafka;
  /** The consumer's name: its consumer group, its inbox rows, the `dlq-consumer` header. */
  consumer: string;
  topics: readonly string[];
  /** The consumer's database; each batch takes one connection for its transaction. */
  pool: SessionPool;
  handler: EventBatchHandler;
  /** Message → envelope; by default JSON + validateEnvelope against the event catalog. */
  decode?: EnvelopeDecoder;
  deadLetterTopicOf?: (topic: string) => string;
  /** A new consumer group starts at the beginning of the topics (true): history is the record. */
  fromBeginning?: boolean;
  /** Upper bound of one partition's batch, in bytes (1 MB). */
  maxBytesPerPartition?: number;
  /** Longest a fetch waits for new messages (500 ms). */
  maxWaitTimeMs?: number;
  /**
   * Batches of different partitions processed at once (1). Each has its own transaction; more than
   * one overlaps database round trips, at the price of more pool connections.
   */
  partitionsConsumedConcurrently?: number;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  metrics?: MessagingMetrics;
  logger?: MessagingLogger;
  backoff?: BackoffPolicy;
}

/**
 * Consumes topics in batches, each batch applied exactly once: poison messages to the dead-letter
 * topic, the rest in one transaction with their inbox rows, and only then the offsets committed
 * (auto-commit is off). A batch that cannot be applied (the database is away) is retried with
 * backoff while the consumer keeps heartbeating, and never committed. stop() lets the batch in
 * flight finish. If kafkajs gives up on its own (a crash it does not restart), the consumer is
 * rebuilt after a backoff.
 */
export class EventConsumer {
  private readonly processor: EventBatchProcessor;
  private readonly deadLetters: KafkaEventPublisher;
  private readonly metrics: MessagingMetrics;
  private readonly logger: MessagingLogger;
  private readonly backoff: BackoffPolicy;
  private consumer: Consumer | undefined;
  private stopping = false;
  private restarts = 0;
  private restartTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: EventConsumerOptions) {
    this.metrics = options.metrics ?? noopMessagingMetrics;
    this.logger = options.logger ?? stderrMessagingLogger;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.deadLetters = new KafkaEventPublisher(options.kafka, { logger: this.logger });
    this.processor = new EventBatchProcessor({
      consumer: options.consumer,
      handler: options.handler,
      inbox: new PgInbox(options.pool, options.consumer),
      deadLetters: this.deadLetters,
      deadLetterTopicOf: options.deadLetterTopicOf ?? dlqTopicName,
      decode: options.decode,
      metrics: this.metrics,
      logger: this.logger,
      backoff: this.backoff,
    });
  }

  /** Joins the group and starts consuming; resolves once subscribed (processing goes on in the background). */
  async start(): Promise<void> {
    this.stopping = false;
    await this.startConsumer();
  }

  /** Finishes the batch in flight (without committing it when it cannot finish), then leaves the group. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
    const consumer = this.consumer;
    this.consumer = undefined;
    await consumer?.disconnect().catch(() => undefined);
    await this.deadLetters.disconnect().catch(() => undefined);
  }

  private async startConsumer(): Promise<void> {
    const consumer = this.options.kafka.consumer({
      groupId: this.options.consumer,
      allowAutoTopicCreation: false,
      maxBytesPerPartition: this.options.maxBytesPerPartition ?? 1_048_576,
      maxWaitTimeInMs: this.options.maxWaitTimeMs ?? 500,
      sessionTimeout: this.options.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: this.options.heartbeatIntervalMs ?? 3_000,
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      // kafkajs restarts by itself after a retriable crash; after any other it gives up for good.
      if (!payload.restart && this.consumer === consumer) this.scheduleRestart(payload.error);
    });
    this.consumer = consumer;
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [...this.options.topics], fromBeginning: this.options.fromBeginning ?? true });
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
        eachBatch: (payload) => this.onBatch(payload),
      });
    } catch (error) {
      await consumer.disconnect().catch(() => undefined);
      if (this.consumer === consumer) this.consumer = undefined;
      throw error;
    }
  }

  /** Rebuilds the kafkajs consumer after a backoff, again and again until it starts or we stop. */
  private scheduleRestart(error: unknown): void {
    if (this.stopping || this.restartTimer) return;
    this.restarts++;
    const delayMs = backoffDelay(this.backoff, Math.min(this.restarts, 10));
    this.logger.warn({ consumer: this.options.consumer, error: describeError(error), delayMs }, 'consumer stopped; rebuilding it');
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      void this.restart();
    }, delayMs);
  }

  private async restart(): Promise<void> {
    const crashed = this.consumer;
    this.consumer = undefined;
    await crashed?.disconnect().catch(() => undefined);
    if (this.stopping) return;
    try {
      await this.startConsumer();
      this.restarts = 0;
    } catch (error) {
      this.scheduleRestart(error);
    }
  }

  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
    const last = batch.messages.at(-1);
    if (!last) return;
    const messages: InboundMessage[] = batch.messages.map((m) => ({
      topic: batch.topic,
      partition: batch.partition,
      offset: m.offset,
      key: m.key,
      value: m.value,
      headers: m.headers ?? {},
    }));
    const control: BatchControl = {
      isActive: () => isRunning() && !isStale(),
      pause: (ms) => pauseWithHeartbeat(ms, heartbeat, () => control.isActive()),
    };

    const outcome = await withProcessSpan(batch.topic, this.options.consumer, messages, () =>
      this.processor.process(messages, control),
    );
    if (outcome.status === 'abandoned') return;

    resolveOffset(last.offset);
    const next = (BigInt(last.offset) + 1n).toString();
    try {
      await commitOffsetsIfNecessary({ topics: [{ topic: batch.topic, partitions: [{ partition: batch.partition, offset: next }] }] });
    } catch (error) {
      // The effects are committed in the database; if the group moved on, the next owner gets these
      // messages again and the inbox skips them. A later commit covers this offset otherwise.
      this.logger.warn({ consumer: this.options.consumer, topic: batch.topic, partition: batch.partition, error: describeError(error) }, 'offset commit failed');
      return;
    }
    this.metrics.consumerLag(this.options.consumer, batch.topic, batch.partition, Number(batch.offsetLag()));
  }
}

/** Sleeps about `ms` in slices, heartbeating between them; false when the batch must be given up. */
async function pauseWithHeartbeat(ms: number, heartbeat: () => Promise<void>, isActive: () => boolean): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (isActive()) {
    const left = deadline - Date.now();
    if (left <= 0) return true;
    await new Promise((resolve) => setTimeout(resolve, Math.min(left, 1_000)));
    try {
      await heartbeat();
    } catch {
      // Rebalancing, or the coordinator is gone: let the batch go; it will be fetched again.
      return false;
    }
  }
  return false;
}
