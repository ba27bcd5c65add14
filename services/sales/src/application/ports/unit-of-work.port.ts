import { type EventOutbox } from './event-outbox.port';
import { type OrderRepository } from './order.repository.port';

/** The ports bound to one transaction. */
export interface SalesTransaction {
  orders: OrderRepository;
  outbox: EventOutbox;
}

/**
 * Runs `work` in one database transaction: the orders saved and the events appended commit
 * together, or not at all if `work` throws (the error is rethrown).
 */
export interface SalesUnitOfWork {
  run<T>(work: (tx: SalesTransaction) => Promise<T>): Promise<T>;
}
