/**
 * The metrics port of the messaging package, declared here structurally so the kit does not depend on
 * @mercado/messaging (which declares the same interface). Any object of this shape fits both.
 */
export interface MessagingMetrics {
  eventsPublished(topic: string, count: number): void;
  eventsConsumed(topic: string, consumer: string, count: number): void;
  eventsDeadLettered(topic: string, consumer: string, reason: string): void;
  batchProcessed(consumer: string, size: number, seconds: number): void;
  outboxBacklog(size: number, oldestAgeSeconds: number): void;
  consumerLag(consumer: string, topic: string, partition: number, lag: number): void;
}
