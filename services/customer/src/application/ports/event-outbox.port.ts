import { type CustomerDomainEvent } from '../../domain/customer/customer.events';
import { type ReviewSubmitted } from '../../domain/review/review.aggregate';

export type CustomerServiceDomainEvent = CustomerDomainEvent | ReviewSubmitted;

/**
 * The transactional outbox: events appended here are written in the same database transaction as
 * the aggregates that produced them and published afterwards; the infrastructure maps each to its
 * integration event (packages/contracts: customer.customer.*, customer.review.submitted).
 */
export interface EventOutbox {
  append(events: readonly CustomerServiceDomainEvent[]): Promise<void>;
}
