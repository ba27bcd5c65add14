// The service's Kafka side: topics, the outbox relay and the consumers, started and stopped together.
// Kept behind startMessaging() so that main.ts can move to the shared runtime piece in one place.
import {
  createKafkaClient,
  EventConsumer,
  type EventBatchHandler,
  KafkaEventPublisher,
  type MessagingLogger,
  type MessagingMetrics,
  OutboxRelay,
  provisionTopics,
  type SessionPool,
  type TopicSpecification,
} from '@mercado/messaging';
import { type HealthCheck, kafkaCheck, type Stoppable, stoppable } from '@mercado/service-kit';

export interface ConsumerSpecification {
  /** Consumer group and inbox name. */
  name: string;
  topics: readonly string[];
  handler: EventBatchHandler;
}

export interface MessagingOptions {
  serviceName: string;
  kafkaBrokers: readonly string[];
  /** The service's database: the relay keeps a connection of its own to it. */
  databaseUrl: string;
  pool: SessionPool;
  /** Created (with their dead-letter topics) when missing, if `provision`. */
  topics: readonly TopicSpecification[];
  provision: boolean;
  consumers: readonly ConsumerSpecification[];
  metrics: MessagingMetrics;
  logger: MessagingLogger;
}

export interface RunningMessaging {
  /** In start order: the relay, then the consumers (stopped in reverse). */
  stoppables: Stoppable[];
  /** Kafka reachability, for readiness. */
  checks: HealthCheck[];
}

export async function startMessaging(options: MessagingOptions): Promise<RunningMessaging> {
  const { logger, metrics } = options;
  const kafka = createKafkaClient({ brokers: options.kafkaBrokers, clientId: options.serviceName, logger });
  if (options.provision && options.topics.length > 0) {
    const report = await provisionTopics(kafka, options.topics);
    logger.info({ created: report.created, grown: report.grown }, 'kafka topics provisioned');
  }
  const admin = kafka.admin();
  const stoppables: Stoppable[] = [stoppable('kafka admin', () => admin.disconnect())];

  const publisher = new KafkaEventPublisher(kafka, { logger });
  const relay = new OutboxRelay({ database: options.databaseUrl, publisher, metrics, logger });
  relay.start();
  stoppables.push(
    stoppable('outbox relay', async () => {
      await relay.stop();
      await publisher.disconnect();
    }),
  );

  for (const spec of options.consumers) {
    const consumer = new EventConsumer({
      kafka,
      consumer: spec.name,
      topics: spec.topics,
      pool: options.pool,
      handler: spec.handler,
      metrics,
      logger,
    });
    await consumer.start();
    stoppables.push(stoppable(`consumer ${spec.name}`, () => consumer.stop()));
  }

  return {
    stoppables,
    checks: [
      kafkaCheck(async () => {
        await admin.connect();
        await admin.describeCluster();
      }),
    ],
  };
}
