// @mercado/messaging: the event backbone every service uses. Events are written to an outbox in the
// transaction of the change that caused them, published by a relay, and applied by idempotent batch
// consumers; poison messages go to dead-letter topics.

// Outbox
export { outboxMigrationSql, ensureMessagingSchema, OUTBOX_CHANNEL } from './infrastructure/outbox/messaging-schema';
export { OutboxWriter, type OutboxWriterOptions } from './infrastructure/outbox/outbox.writer';
export { OutboxRelay, type OutboxRelayOptions } from './infrastructure/outbox/outbox.relay';
export { type SqlExecutor } from './infrastructure/outbox/sql-executor';

// Consuming
export { EventConsumer, type EventConsumerOptions } from './infrastructure/kafka/event.consumer';
export { type EventBatchHandler } from './application/consume/event-batch.handler';
export {
  decodeCatalogEnvelope,
  type EnvelopeDecoder,
  type DecodeResult,
  type DecodeRejection,
} from './application/consume/envelope-decoder';
export {
  EventBatchProcessor,
  type EventBatchProcessorOptions,
  type BatchControl,
  type BatchOutcome,
} from './application/consume/event-batch.processor';
export { PgInbox, type SessionPool, type PooledSession } from './infrastructure/inbox/pg.inbox';
export { type Inbox, type SqlTransaction } from './application/ports/inbox.port';
export { PermanentError, isPermanentError } from './domain/permanent-error';
export { classifyFailure, describeError, type FailureKind } from './domain/failure-classification';

// Kafka
export { createKafkaClient, type KafkaClientOptions } from './infrastructure/kafka/kafka-client';
export { KafkaEventPublisher, type KafkaEventPublisherOptions } from './infrastructure/kafka/kafka-event.publisher';
export {
  provisionTopics,
  type TopicSpecification,
  type ProvisionOptions,
  type ProvisionReport,
} from './infrastructure/kafka/topic.provisioner';
export { type EventPublisher } from './application/ports/event-publisher.port';
export { type InboundMessage, type OutboundMessage, type MessageHeaders, type HeaderValue, headerText } from './domain/message';

// Dead letters
export {
  DEAD_LETTER_HEADERS,
  deadLetterHeaders,
  type DeadLetter,
  type DeadLetterReason,
} from './domain/dead-letter';

// Observability
export { type MessagingMetrics, noopMessagingMetrics } from './application/ports/messaging-metrics.port';
export { type MessagingLogger, stderrMessagingLogger } from './application/ports/messaging-logger.port';
export { traceHeaders, contextFromHeaders } from './infrastructure/tracing/trace-headers';

// A service's messaging wired in one call: topics, relay, consumers, readiness
export {
  startServiceMessaging,
  createOutboxWriter,
  topicResolver,
  parseTopicOverrides,
  type ServiceMessaging,
  type ServiceMessagingOptions,
  type ServiceConsumerDefinition,
  type TopicOverrides,
  type MessagingStoppable,
  type MessagingHealthCheck,
  queryRunnerSessionPool,
  queryRunnerOf,
  type QueryRunnerLike,
  trustedEnvelopeFactory,
  pooledUuidv7,
  type EnvelopeFactory,
} from './infrastructure/runtime/service-messaging';

// Retry
export { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './domain/retry-backoff';
