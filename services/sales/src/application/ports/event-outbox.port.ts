import { type OrderDomainEvent } from '../../domain/order/order.events';

/**
 * The transactional outbox: events appended here are written in the same database transaction as
 * the aggregate that produced them, and published to Kafka afterwards by a relay. The
 * infrastructure maps each domain event to its integration event (packages/contracts).
 */
export interface EventOutbox {
  append(events: readonly OrderDomainEvent[]): Promise<void>;
}
