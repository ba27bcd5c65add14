import { type Order } from '../../domain/order/order.aggregate';
import { type OrderStatus } from '../../domain/order/order-status';

/**
 * Where orders live. Implementations persist `order.toSnapshot()` and rebuild with
 * `Order.restore(snapshot)`; they never publish events (that is the outbox's job, in the same
 * transaction — see SalesUnitOfWork).
 */
export interface OrderRepository {
  findById(orderId: string): Promise<Order | null>;

  /** The orders among `orderIds` that exist, in any order (bulk import looks them up at once). */
  findByIds(orderIds: readonly string[]): Promise<Order[]>;

  /**
   * Writes the order if its stored version is still `expectedVersion` (0: it must not exist yet)
   * and stores it as version `expectedVersion + 1`. Otherwise throws ConcurrencyConflictError.
   */
  save(order: Order, expectedVersion: number): Promise<void>;

  /** Inserts new orders in bulk (set-based), each as version 1; an existing id is a ConcurrencyConflictError. */
  saveMany(orders: readonly Order[]): Promise<void>;

  /** One page of orders matching the criteria, newest purchase first. */
  list(criteria: OrderListCriteria): Promise<OrderPage>;
}

/**
 * Filters and keyset pagination for `OrderRepository.list`. Orders are sorted by purchase time
 * then order id, both descending; `after` is the key of the last order of the previous page.
 */
export interface OrderListCriteria {
  customerId?: string;
  status?: OrderStatus;
  /** Purchased at or after this instant. */
  purchasedFrom?: Date;
  /** Purchased strictly before this instant. */
  purchasedBefore?: Date;
  after?: OrderPageKey;
  /** At most this many orders (1..1000). */
  limit: number;
}

export interface OrderPageKey {
  purchasedAt: Date;
  orderId: string;
}

export interface OrderPage {
  orders: Order[];
  /** The key to pass as `after` for the next page; null on the last page. */
  next: OrderPageKey | null;
}
