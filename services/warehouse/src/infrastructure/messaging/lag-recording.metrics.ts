import { type MessagingMetrics } from '@mercado/messaging';
import { type SqlSession } from '../sql/sql-session';

const RECORD_LAG = `
INSERT INTO dw_meta.consumer_lag (consumer, topic, partition, lag, observed_at)
VALUES ($1, $2, $3, $4, clock_timestamp())
ON CONFLICT (consumer, topic, partition) DO UPDATE SET lag = excluded.lag, observed_at = excluded.observed_at`;

/**
 * The messaging metrics of the warehouse consumer: everything goes to `inner` (the service kit's
 * Prometheus metrics), and the per-partition lag Kafka reports after each commit is also kept in
 * dw_meta.consumer_lag, for the freshness the read API serves. Recording the lag never fails the
 * consumer: an error is reported to `onError` and the next commit writes the lag again.
 */
export function lagRecordingMetrics(inner: MessagingMetrics, pool: SqlSession, onError: (error: unknown) => void = () => undefined): MessagingMetrics {
  return {
    eventsPublished: (topic, count) => inner.eventsPublished(topic, count),
    eventsConsumed: (topic, consumer, count) => inner.eventsConsumed(topic, consumer, count),
    eventsDeadLettered: (topic, consumer, reason) => inner.eventsDeadLettered(topic, consumer, reason),
    batchProcessed: (consumer, size, seconds) => inner.batchProcessed(consumer, size, seconds),
    outboxBacklog: (size, oldestAgeSeconds) => inner.outboxBacklog(size, oldestAgeSeconds),
    consumerLag: (consumer, topic, partition, lag) => {
      inner.consumerLag(consumer, topic, partition, lag);
      pool.query(RECORD_LAG, [consumer, topic, partition, lag]).catch(onError);
    },
  };
}
