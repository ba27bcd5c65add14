/**
 * What the messaging layer measures. Structural on purpose: the service kit implements it with
 * prom-client, and tests or tools can pass anything of this shape.
 */
export interface MessagingMetrics {
  eventsPublished(topic: string, count: number): void;
  eventsConsumed(topic: string, consumer: string, count: number): void;
  eventsDeadLettered(topic: string, consumer: string, reason: string): void;
  batchProcessed(consumer: string, size: number, seconds: number): void;
  outboxBacklog(size: number, oldestAgeSeconds: number): void;
  consumerLag(consumer: string, topic: string, partition: number, lag: number): void;
}

/** Measures nothing; the default when no metrics are wired. */
export const noopMessagingMetrics: MessagingMetrics = Object.freeze({
  eventsPublished: () => undefined,
  eventsConsumed: () => undefined,
  eventsDeadLettered: () => undefined,
  batchProcessed: () => undefined,
  outboxBacklog: () => undefined,
  consumerLag: () => undefined,
});
