import { catalog, type EventEnvelope } from '@mercado/contracts';
import { type Kafka } from 'kafkajs';
import { type EventBatchHandler } from '../../application/consume/event-batch.handler';
import { type EnvelopeDecoder } from '../../application/consume/envelope-decoder';
import { stderrMessagingLogger, type MessagingLogger } from '../../application/ports/messaging-logger.port';
import { noopMessagingMetrics, type MessagingMetrics } from '../../application/ports/messaging-metrics.port';
import { type BackoffPolicy } from '../../domain/retry-backoff';
import { type SessionPool } from '../inbox/pg.inbox';
import { EventConsumer } from '../kafka/event.consumer';
import { createKafkaClient } from '../kafka/kafka-client';
import { KafkaEventPublisher } from '../kafka/kafka-event.publisher';
import { provisionTopics, type TopicSpecification } from '../kafka/topic.provisioner';
import { OutboxRelay, type OutboxRelayOptions } from '../outbox/outbox.relay';
import { OutboxWriter } from '../outbox/outbox.writer';

export { queryRunnerSessionPool, queryRunnerOf, type QueryRunnerLike } from './query-runner-session-pool';
export { trustedEnvelopeFactory, pooledUuidv7, type EnvelopeFactory } from './trusted-envelope.factory';

/** Catalog topic name → the topic actually used (tests use unique names). Unlisted topics keep their name. */
export type TopicOverrides = Readonly<Record<string, string>>;

/** A consumer of the service: its name is its consumer group and its inbox key. */
export interface ServiceConsumerDefinition {
  groupId: string;
  /** Catalog topic names; overrides apply. */
  topics: readonly string[];
  handler: EventBatchHandler;
  decode?: EnvelopeDecoder;
  /** A new group reads the topics from the beginning (default true: history is the record). */
  fromBeginning?: boolean;
}

export interface ServiceMessagingOptions {
  serviceName: string;
  kafkaBrokers: readonly string[];
  /** The service's database URL: the relay holds a connection of its own (leader lock, LISTEN). */
  databaseUrl: string;
  /** The service's pool: each consumer batch takes one session for its transaction. */
  pool: SessionPool;
  /** Catalog topics the service publishes to; provisioned with their dead-letter topics. */
  topics: readonly string[];
  topicOverrides?: TopicOverrides;
  consumers?: readonly ServiceConsumerDefinition[];
  metrics?: MessagingMetrics;
  logger?: MessagingLogger;
  /** Relay tuning (poll interval, batch size, retention...). */
  relay?: Omit<OutboxRelayOptions, 'database' | 'publisher' | 'metrics' | 'logger'>;
  /** Retry policy of the relay and consumers. */
  backoff?: BackoffPolicy;
  /** An existing client (tests share one); by default one is created for the service. */
  kafka?: Kafka;
}

/** Something to stop at shutdown; the service kit's Stoppable has this shape. */
export interface MessagingStoppable {
  name: string;
  stop(): Promise<void>;
}

/** A readiness check; the service kit's HealthCheck has this shape. */
export interface MessagingHealthCheck {
  name: string;
  check(): Promise<unknown>;
}

export interface ServiceMessaging {
  /** The topic used for a catalog topic name. */
  topicOf(catalogTopic: string): string;
  /** Writes to the outbox on the overridden topics; use it in the service's unit of work. */
  outbox: OutboxWriter;
  /** In start order (relay, consumers); stop them in reverse. */
  stoppables: MessagingStoppable[];
  /** `kafka`: a broker answers. */
  checks: MessagingHealthCheck[];
  /** Stops everything in reverse start order. */
  stop(): Promise<void>;
}

const OVERRIDE = /^\s*([A-Za-z0-9._-]+)\s*=\s*([A-Za-z0-9._-]+)\s*$/;

/**
 * Reads overrides written `catalog.topic=actual,other.topic=actual2` (the form of a service's
 * KAFKA_TOPIC_OVERRIDES variable). Throws naming the first entry that is not `name=name`.
 */
export function parseTopicOverrides(text: string | undefined): TopicOverrides {
  const overrides: Record<string, string> = {};
  for (const entry of (text ?? '').split(',')) {
    if (entry.trim() === '') continue;
    const match = OVERRIDE.exec(entry);
    if (!match) throw new Error(`"${entry.trim()}" is not catalog.topic=actual.topic`);
    overrides[match[1]!] = match[2]!;
  }
  return overrides;
}

/** Resolves catalog topic names through overrides. */
export function topicResolver(overrides: TopicOverrides = {}): (catalogTopic: string) => string {
  return (catalogTopic) => overrides[catalogTopic] ?? catalogTopic;
}

/** An outbox writer that puts each event on its catalog topic, renamed by the overrides. */
export function createOutboxWriter(overrides: TopicOverrides = {}): OutboxWriter {
  const resolve = topicResolver(overrides);
  return new OutboxWriter({ topicOf: (envelope: EventEnvelope) => resolve(catalog.topicOf(envelope.type)) });
}

/**
 * Starts a service's messaging: provisions its topics (the catalog's partitions and retention, each
 * with its `.dlq`), starts the outbox relay and the consumers, and returns what to stop and check.
 * A failure part-way stops what was started and rethrows, so a service never runs half-wired.
 */
export async function startServiceMessaging(options: ServiceMessagingOptions): Promise<ServiceMessaging> {
  const logger = options.logger ?? stderrMessagingLogger;
  const metrics = options.metrics ?? noopMessagingMetrics;
  const topicOf = topicResolver(options.topicOverrides);
  const kafka =
    options.kafka ?? createKafkaClient({ brokers: options.kafkaBrokers, clientId: options.serviceName, logger });
  const consumers = options.consumers ?? [];

  const catalogTopics = [...new Set([...options.topics, ...consumers.flatMap((c) => c.topics)])];
  const specifications = catalogTopics.map((name) => topicSpecification(name, topicOf(name)));
  const report = await provisionTopics(kafka, specifications);
  // A consumer joining before the broker's metadata shows grown partitions (with their leaders) would
  // not read the new ones until its next metadata refresh (minutes): wait for them first.
  if (report.grown.length > 0) await untilPartitionsShow(kafka, specifications.filter((t) => report.grown.includes(t.name)));

  const stoppables: MessagingStoppable[] = [];
  const stop = async (): Promise<void> => {
    for (const item of stoppables.splice(0).reverse()) {
      try {
        await item.stop();
      } catch (error) {
        logger.warn({ component: item.name, error: String(error) }, 'messaging component failed to stop');
      }
    }
  };

  try {
    const publisher = new KafkaEventPublisher(kafka, { logger });
    stoppables.push({ name: 'kafka publisher', stop: () => publisher.disconnect() });
    const relay = new OutboxRelay({ ...options.relay, database: options.databaseUrl, publisher, metrics, logger, ...backoffOf(options) });
    relay.start();
    stoppables.push({ name: 'outbox relay', stop: () => relay.stop() });

    for (const definition of consumers) {
      const consumer = new EventConsumer({
        kafka,
        consumer: definition.groupId,
        topics: definition.topics.map(topicOf),
        pool: options.pool,
        handler: definition.handler,
        decode: definition.decode,
        fromBeginning: definition.fromBeginning,
        metrics,
        logger,
        ...backoffOf(options),
      });
      await consumer.start();
      stoppables.push({ name: `consumer ${definition.groupId}`, stop: () => consumer.stop() });
    }
  } catch (error) {
    await stop();
    throw error;
  }

  const admin = kafka.admin();
  stoppables.unshift({ name: 'kafka admin', stop: () => admin.disconnect() });
  const checks: MessagingHealthCheck[] = [
    {
      name: 'kafka',
      check: async () => {
        await admin.connect();
        await admin.describeCluster();
      },
    },
  ];

  return { topicOf, outbox: createOutboxWriter(options.topicOverrides), stoppables, checks, stop };
}

/**
 * Waits until the broker's metadata shows every partition of the grown topics with a leader. A
 * consumer whose group assignment or fetch starts from metadata without them leaves them unread until
 * kafkajs refreshes its metadata (metadataMaxAge, 5 minutes): the messages keyed to them stall. Past
 * the deadline the start fails rather than run a consumer that may not read part of its topics.
 */
async function untilPartitionsShow(kafka: Kafka, topics: readonly TopicSpecification[], timeoutMs = 30_000): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const metadata = await admin.fetchTopicMetadata({ topics: topics.map((t) => t.name) });
      const ledPartitions = new Map(
        metadata.topics.map((t) => [t.name, t.partitions.filter((p) => p.leader >= 0 && p.partitionErrorCode === 0).length]),
      );
      const missing = topics.filter((t) => (ledPartitions.get(t.name) ?? 0) < t.partitions);
      if (missing.length === 0) return;
      if (Date.now() > deadline) {
        const shown = missing.map((t) => `${t.name} (${ledPartitions.get(t.name) ?? 0} of ${t.partitions})`).join(', ');
        throw new Error(`grown partitions did not show with a leader within ${timeoutMs} ms: ${shown}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await admin.disconnect();
  }
}

function topicSpecification(catalogTopic: string, name: string): TopicSpecification {
  const definition = catalog.topic(catalogTopic);
  if (!definition) throw new Error(`${catalogTopic} is not a topic of the event catalog`);
  return { name, partitions: definition.partitions, retentionMs: definition.retentionMs, cleanupPolicy: definition.cleanupPolicy };
}

function backoffOf(options: ServiceMessagingOptions): { backoff?: BackoffPolicy } {
  return options.backoff ? { backoff: options.backoff } : {};
}
