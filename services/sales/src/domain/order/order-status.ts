import { SalesDomainError } from '../shared/domain-error';

/** Olist's order lifecycle, in the order a live order moves through it; the last two are exits. */
export const ORDER_STATUSES = [
  'created',
  'approved',
  'invoiced',
  'processing',
  'shipped',
  'delivered',
  'canceled',
  'unavailable',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** The commands that move an order from one status to another, named as the aggregate's methods. */
export type OrderTransition =
  'approve' | 'invoice' | 'startProcessing' | 'markShipped' | 'markDelivered' | 'cancel' | 'markUnavailable';

export const TRANSITION_TARGET: Readonly<Record<OrderTransition, OrderStatus>> = {
  approve: 'approved',
  invoice: 'invoiced',
  startProcessing: 'processing',
  markShipped: 'shipped',
  markDelivered: 'delivered',
  cancel: 'canceled',
  markUnavailable: 'unavailable',
};

/**
 * The statuses each transition may start from. Steps only move forward. Fulfilment's reactions may
 * skip the internal steps it does not see: processing can start on an approved order not invoiced
 * yet, and the carrier can take an order that is approved, invoiced or processing. An order can be
 * canceled until it is handed to the carrier (after that it is a return, not a cancellation); it
 * can be found unavailable only once approved (the sellers were asked to fulfil it) and before it
 * ships.
 */
export const TRANSITION_SOURCES: Readonly<Record<OrderTransition, readonly OrderStatus[]>> = {
  approve: ['created'],
  invoice: ['approved'],
  startProcessing: ['approved', 'invoiced'],
  markShipped: ['approved', 'invoiced', 'processing'],
  markDelivered: ['shipped'],
  cancel: ['created', 'approved', 'invoiced', 'processing'],
  markUnavailable: ['approved', 'invoiced', 'processing'],
};

export const FINAL_STATUSES: readonly OrderStatus[] = ['delivered', 'canceled', 'unavailable'];

export class UnknownOrderStatusError extends SalesDomainError {
  readonly code = 'unknown-order-status';
  constructor(
    readonly value: unknown,
    field = 'order_status',
  ) {
    super(`${field} must be one of ${ORDER_STATUSES.join(', ')} (got ${JSON.stringify(value)})`, field);
  }
}

export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === 'string' && (ORDER_STATUSES as readonly string[]).includes(value);
}

export function parseOrderStatus(value: unknown, field?: string): OrderStatus {
  if (!isOrderStatus(value)) throw new UnknownOrderStatusError(value, field);
  return value;
}
