import { type EventEnvelope } from '@mercado/contracts';
import { uniqueBy } from '../../domain/batches';
import { deadLetterMessage, type DeadLetter } from '../../domain/dead-letter';
import { classifyFailure, describeError } from '../../domain/failure-classification';
import { type InboundMessage } from '../../domain/message';
import { isPermanentError } from '../../domain/permanent-error';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from '../../domain/retry-backoff';
import { type EventPublisher } from '../ports/event-publisher.port';
import { type Inbox } from '../ports/inbox.port';
import { stderrMessagingLogger, type MessagingLogger } from '../ports/messaging-logger.port';
import { noopMessagingMetrics, type MessagingMetrics } from '../ports/messaging-metrics.port';
import { decodeCatalogEnvelope, type EnvelopeDecoder } from './envelope-decoder';
import { type EventBatchHandler } from './event-batch.handler';

/** How the processor talks to the consumer group while it works on a batch. */
export interface BatchControl {
  /** False once the consumer is stopping or the partition was taken away (rebalance). */
  isActive(): boolean;
  /**
   * Waits about `ms` while keeping the group membership alive (heartbeats). Resolves false when the
   * batch must be given up instead: the consumer is stopping, or the group is rebalancing.
   */
  pause(ms: number): Promise<boolean>;
}

/**
 * completed: every message was applied or dead-lettered, so its offset may be committed.
 * abandoned: nothing may be committed; the messages will be delivered again (to this member or,
 * after a rebalance, to another) and the inbox keeps the effects exactly once.
 */
export type BatchOutcome =
  | { readonly status: 'completed'; readonly applied: number; readonly deadLettered: number }
  | { readonly status: 'abandoned' };

export interface EventBatchProcessorOptions {
  /** The consumer's name: its consumer group, its inbox rows and the `dlq-consumer` header. */
  consumer: string;
  handler: EventBatchHandler;
  inbox: Inbox;
  /** Sends dead letters (acks from all in-sync replicas). */
  deadLetters: EventPublisher;
  deadLetterTopicOf: (topic: string) => string;
  decode?: EnvelopeDecoder;
  metrics?: MessagingMetrics;
  logger?: MessagingLogger;
  backoff?: BackoffPolicy;
  clock?: () => Date;
}

interface Accepted {
  readonly message: InboundMessage;
  readonly envelope: EventEnvelope;
}

interface Applied {
  readonly count: number;
  readonly rejected: DeadLetter[];
}

const ABANDONED = Symbol('abandoned');

/**
 * Processes one batch of messages from one partition: poison messages go to the dead-letter topic,
 * the others are applied exactly once in a single transaction with their inbox rows. Passing failures
 * are retried with backoff for as long as the batch is ours; only a completed batch may have its
 * offsets committed.
 */
export class EventBatchProcessor {
  private readonly decode: EnvelopeDecoder;
  private readonly metrics: MessagingMetrics;
  private readonly logger: MessagingLogger;
  private readonly backoff: BackoffPolicy;
  private readonly clock: () => Date;

  constructor(private readonly options: EventBatchProcessorOptions) {
    this.decode = options.decode ?? decodeCatalogEnvelope;
    this.metrics = options.metrics ?? noopMessagingMetrics;
    this.logger = options.logger ?? stderrMessagingLogger;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.clock = options.clock ?? (() => new Date());
  }

  async process(messages: readonly InboundMessage[], control: BatchControl): Promise<BatchOutcome> {
    const started = performance.now();
    const { accepted, letters } = this.sort(messages);

    const applied = await this.retrying(control, 'applying events', () => this.applyIsolating(uniqueBy(accepted, (a) => a.envelope.id)));
    if (applied === ABANDONED) return { status: 'abandoned' };
    letters.push(...applied.rejected);

    if (letters.length > 0) {
      letters.sort((a, b) => compareOffsets(a.message, b.message));
      const at = this.clock();
      const outbound = letters.map((letter) => deadLetterMessage(letter, this.options.consumer, at, this.options.deadLetterTopicOf));
      const sent = await this.retrying(control, 'sending dead letters', () => this.options.deadLetters.publish(outbound));
      if (sent === ABANDONED) return { status: 'abandoned' };
      for (const letter of letters) {
        this.metrics.eventsDeadLettered(letter.message.topic, this.options.consumer, letter.reason);
        this.logger.warn(
          {
            consumer: this.options.consumer,
            topic: letter.message.topic,
            partition: letter.message.partition,
            offset: letter.message.offset,
            reason: letter.reason,
            error: letter.error,
          },
          'message sent to the dead-letter topic',
        );
      }
    }

    const consumedByTopic = new Map<string, number>();
    for (const { message } of accepted) consumedByTopic.set(message.topic, (consumedByTopic.get(message.topic) ?? 0) + 1);
    for (const letter of applied.rejected) consumedByTopic.set(letter.message.topic, consumedByTopic.get(letter.message.topic)! - 1);
    for (const [topic, count] of consumedByTopic) if (count > 0) this.metrics.eventsConsumed(topic, this.options.consumer, count);
    this.metrics.batchProcessed(this.options.consumer, messages.length, (performance.now() - started) / 1000);
    return { status: 'completed', applied: applied.count, deadLettered: letters.length };
  }

  private sort(messages: readonly InboundMessage[]): { accepted: Accepted[]; letters: DeadLetter[] } {
    const accepted: Accepted[] = [];
    const letters: DeadLetter[] = [];
    for (const message of messages) {
      let decoded;
      try {
        decoded = this.decode(message);
      } catch (error) {
        // A decoder must not throw; if a custom one does, the message is still not an event we can use.
        decoded = { ok: false as const, reason: 'invalid-envelope' as const, message: describeError(error) };
      }
      if (decoded.ok) accepted.push({ message, envelope: decoded.envelope });
      else letters.push({ message, reason: decoded.reason, error: decoded.message });
    }
    return { accepted, letters };
  }

  /**
   * Applies the events in one transaction. When that fails for good, the events at fault are found
   * (named by the PermanentError, or by halving the batch) and rejected, and the rest are applied.
   * Passing failures are thrown to the retry loop.
   */
  private async applyIsolating(items: readonly Accepted[]): Promise<Applied> {
    if (items.length === 0) return { count: 0, rejected: [] };
    try {
      const count = await this.options.inbox.applyOnce(
        items.map((item) => item.envelope),
        this.options.handler,
      );
      return { count, rejected: [] };
    } catch (error) {
      if (classifyFailure(error) === 'transient') throw error;
      const reject = (item: Accepted): DeadLetter => ({ message: item.message, reason: 'handler-rejected', error: describeError(error) });

      const named = isPermanentError(error) && error.eventIds ? new Set(error.eventIds) : undefined;
      const blamed = named ? items.filter((item) => named.has(item.envelope.id)) : [];
      if (blamed.length > 0) {
        const rest = await this.applyIsolating(items.filter((item) => !named!.has(item.envelope.id)));
        return { count: rest.count, rejected: [...blamed.map(reject), ...rest.rejected] };
      }
      if (items.length === 1) return { count: 0, rejected: [reject(items[0]!)] };

      const middle = Math.ceil(items.length / 2);
      const left = await this.applyIsolating(items.slice(0, middle));
      const right = await this.applyIsolating(items.slice(middle));
      return { count: left.count + right.count, rejected: [...left.rejected, ...right.rejected] };
    }
  }

  private async retrying<T>(control: BatchControl, what: string, work: () => Promise<T>): Promise<T | typeof ABANDONED> {
    for (let attempt = 1; ; attempt++) {
      if (!control.isActive()) return ABANDONED;
      try {
        return await work();
      } catch (error) {
        const delayMs = backoffDelay(this.backoff, attempt);
        this.logger.warn(
          { consumer: this.options.consumer, attempt, delayMs, error: describeError(error) },
          `${what} failed; retrying`,
        );
        if (!(await control.pause(delayMs))) return ABANDONED;
      }
    }
  }
}

function compareOffsets(a: InboundMessage, b: InboundMessage): number {
  if (a.topic !== b.topic) return a.topic < b.topic ? -1 : 1;
  if (a.partition !== b.partition) return a.partition - b.partition;
  const diff = BigInt(a.offset) - BigInt(b.offset);
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}
