import { createEnvelope, salesOrderApprovedV1, type EventEnvelope } from '@mercado/contracts';

/**
 * A valid catalog event for tests and benchmarks: `sales.order.approved` v1 for order `orderId`
 * (the Kafka key), approved at `at`.
 */
export function orderApproved(orderId: string, at: Date = new Date(), meta: { correlationid?: string } = {}): EventEnvelope {
  const approvedAt = at.toISOString().replace('Z', '+00:00');
  return createEnvelope(salesOrderApprovedV1, { order_id: orderId, approved_at: approvedAt }, { source: '/mercado/test', time: at, ...meta });
}
