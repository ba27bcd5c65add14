import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { MessagingMetrics } from './messaging-metrics.port';

export const HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
export const BATCH_SIZE_BUCKETS = [1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000];
export const UNMATCHED_ROUTE = 'unmatched';

export interface ServiceMetrics {
  /** This service's own registry (never prom-client's global one). */
  registry: Registry;
  httpRequestsTotal: Counter<'method' | 'route' | 'status'>;
  httpRequestDuration: Histogram<'method' | 'route' | 'status'>;
  /** Records one finished request (route is the template, never the raw path). */
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  /** The messaging package's metrics port, backed by this registry. */
  messaging: MessagingMetrics;
  /** Prometheus text exposition of the registry. */
  render(): Promise<string>;
  contentType: string;
}

export interface MetricsOptions {
  serviceName: string;
  /** Process and Node.js runtime metrics (default true). */
  defaultMetrics?: boolean;
}

/** A registry with default process metrics, HTTP RED metrics and the messaging metrics, labelled with the service. */
export function createMetrics(options: MetricsOptions): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service: options.serviceName });
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry });

  const httpRequestsTotal = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const httpRequestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration in seconds, by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: HTTP_DURATION_BUCKETS,
    registers: [registry],
  });

  return {
    registry,
    httpRequestsTotal,
    httpRequestDuration,
    observeRequest(method, route, status, seconds) {
      const labels = { method: method.toUpperCase(), route, status: String(status) };
      httpRequestsTotal.inc(labels);
      httpRequestDuration.observe(labels, seconds);
    },
    messaging: createMessagingMetrics(registry),
    render: () => registry.metrics(),
    contentType: registry.contentType,
  };
}

/** prom-client implementation of the messaging metrics port. */
export function createMessagingMetrics(registry: Registry): MessagingMetrics {
  const published = new Counter({
    name: 'messaging_events_published_total',
    help: 'Integration events published to Kafka, by topic',
    labelNames: ['topic'] as const,
    registers: [registry],
  });
  const consumed = new Counter({
    name: 'messaging_events_consumed_total',
    help: 'Integration events consumed, by topic and consumer',
    labelNames: ['topic', 'consumer'] as const,
    registers: [registry],
  });
  const deadLettered = new Counter({
    name: 'messaging_events_dead_lettered_total',
    help: 'Messages sent to a dead-letter topic, by topic, consumer and reason',
    labelNames: ['topic', 'consumer', 'reason'] as const,
    registers: [registry],
  });
  const batchSize = new Histogram({
    name: 'messaging_batch_size',
    help: 'Messages per processed consumer batch',
    labelNames: ['consumer'] as const,
    buckets: BATCH_SIZE_BUCKETS,
    registers: [registry],
  });
  const batchDuration = new Histogram({
    name: 'messaging_batch_duration_seconds',
    help: 'Time to process one consumer batch, in seconds',
    labelNames: ['consumer'] as const,
    buckets: HTTP_DURATION_BUCKETS,
    registers: [registry],
  });
  const outboxSize = new Gauge({
    name: 'messaging_outbox_backlog',
    help: 'Outbox rows not yet published',
    registers: [registry],
  });
  const outboxAge = new Gauge({
    name: 'messaging_outbox_oldest_age_seconds',
    help: 'Age of the oldest unpublished outbox row, in seconds',
    registers: [registry],
  });
  const lag = new Gauge({
    name: 'messaging_consumer_lag',
    help: 'Messages behind the partition end, by consumer, topic and partition',
    labelNames: ['consumer', 'topic', 'partition'] as const,
    registers: [registry],
  });

  return {
    eventsPublished: (topic, count) => published.inc({ topic }, count),
    eventsConsumed: (topic, consumer, count) => consumed.inc({ topic, consumer }, count),
    eventsDeadLettered: (topic, consumer, reason) => deadLettered.inc({ topic, consumer, reason }),
    batchProcessed(consumer, size, seconds) {
      batchSize.observe({ consumer }, size);
      batchDuration.observe({ consumer }, seconds);
    },
    outboxBacklog(size, oldestAgeSeconds) {
      outboxSize.set(size);
      outboxAge.set(oldestAgeSeconds);
    },
    consumerLag: (consumer, topic, partition, value) => lag.set({ consumer, topic, partition: String(partition) }, value),
  };
}
