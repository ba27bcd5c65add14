import { type TopicDefinition } from './event-definition';

export type TopicSpec = Omit<TopicDefinition, 'events'>;

/**
 * Retention is infinite (-1) on every topic, with the delete policy: the topics are the system of
 * record for integration history, and the warehouse (or any new consumer) rebuilds its state by
 * replaying them from the beginning. Compaction would keep only the last event per key and lose the
 * order lifecycle, so it is not used.
 */
const FOREVER = -1;

/** High-volume topics (one message or more per order) get 6 partitions; the others 3. */
export const TOPICS = {
  salesOrder: {
    name: 'sales.order.v1',
    partitions: 6,
    retentionMs: FOREVER,
    cleanupPolicy: 'delete',
    key: 'order_id',
    description: 'The lifecycle of an order, from placement to delivery, cancellation or unavailability.',
  },
  salesPayment: {
    name: 'sales.payment.v1',
    partitions: 6,
    retentionMs: FOREVER,
    cleanupPolicy: 'delete',
    key: 'order_id',
    description: 'Payments recorded against orders (an order can be paid in several parts).',
  },
  customerCustomer: {
    name: 'customer.customer.v1',
    partitions: 3,
    retentionMs: FOREVER,
    cleanupPolicy: 'delete',
    key: 'customer_unique_id',
    description:
      'The person behind the per-order customer accounts: registration, accounts, moves, segments.',
  },
  customerReview: {
    name: 'customer.review.v1',
    partitions: 3,
    retentionMs: FOREVER,
    cleanupPolicy: 'delete',
    key: 'order_id',
    description: 'Reviews customers leave on their orders.',
  },
  fulfillmentShipment: {
    name: 'fulfillment.shipment.v1',
    partitions: 6,
    retentionMs: FOREVER,
    cleanupPolicy: 'delete',
    key: 'order_id',
    description: 'The shipment of an order: created, handed to the carrier, delivered (with lateness).',
  },
  marketplaceProduct: {
    name: 'marketplace.product.v1',
    partitions: 3,
    retentionMs: FOREVER,
    cleanupPolicy: 'delete',
    key: 'product_id',
    description: 'The product catalogue: listings and their updates (full state in every event).',
  },
  marketplaceSeller: {
    name: 'marketplace.seller.v1',
    partitions: 3,
    retentionMs: FOREVER,
    cleanupPolicy: 'delete',
    key: 'seller_id',
    description: 'Sellers on the marketplace: onboarding and moves (full state in every event).',
  },
} as const satisfies Record<string, TopicSpec>;

export const TOPIC_SPECS: readonly TopicSpec[] = Object.values(TOPICS);

/** The dead-letter topic of a topic: where a consumer parks a message it cannot process. */
export function dlqTopicName(topic: string): string {
  return `${topic}.dlq`;
}
