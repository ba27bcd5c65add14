import { type EventEnvelope } from '@mercado/contracts';
import { type SqlTransaction } from '../ports/inbox.port';

/**
 * Applies a batch of events inside the consumer's transaction. It receives only events this consumer
 * has not applied before, in partition order, so it can write them with set-based SQL. Throw a
 * PermanentError for events that can never be applied; any other error is retried.
 */
export type EventBatchHandler = (tx: SqlTransaction, events: readonly EventEnvelope[]) => Promise<void>;
