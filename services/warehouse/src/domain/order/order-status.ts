/** The statuses of an order (Olist `order_status`, with Olist's names: an order placed is `created`). */
export const ORDER_STATUSES = ['created', 'approved', 'invoiced', 'processing', 'shipped', 'delivered', 'unavailable', 'canceled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * The rank of each status in the order lifecycle. The current status of an order is the reported
 * status of highest rank, which makes it independent of the order its events arrive in. The two
 * terminal failures rank above delivered: Olist has orders canceled after a delivery date was recorded,
 * and their status is canceled.
 */
export const ORDER_STATUS_RANK: Readonly<Record<OrderStatus, number>> = Object.freeze({
  created: 1,
  approved: 2,
  invoiced: 3,
  processing: 4,
  shipped: 5,
  delivered: 6,
  unavailable: 7,
  canceled: 8,
});

/** The order events that report a status, and that status. */
export const ORDER_STATUS_OF_EVENT: Readonly<Record<string, OrderStatus>> = Object.freeze({
  'sales.order.placed': 'created',
  'sales.order.approved': 'approved',
  'sales.order.invoiced': 'invoiced',
  'sales.order.processing-started': 'processing',
  'sales.order.shipped': 'shipped',
  'sales.order.delivered': 'delivered',
  'sales.order.canceled': 'canceled',
  'sales.order.unavailable': 'unavailable',
});

/** The statuses that drop an order from GMV and revenue: it was never fulfilled. */
export const NOT_KEPT_STATUSES: readonly OrderStatus[] = ['canceled', 'unavailable'];

/** The current status given every status reported so far (in any order). */
export function currentStatus(reported: Iterable<OrderStatus>): OrderStatus {
  let current: OrderStatus = 'created';
  for (const status of reported) if (ORDER_STATUS_RANK[status] > ORDER_STATUS_RANK[current]) current = status;
  return current;
}

export function isKept(status: OrderStatus): boolean {
  return !NOT_KEPT_STATUSES.includes(status);
}
