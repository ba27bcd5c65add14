import { type OrderStatus, isOrderStatus, ORDER_STATUSES } from '../../../domain/order/order-status';
import { InvalidQueryError } from '../../application.errors';
import { type OrderPageKey, type OrderRepository } from '../../ports/order.repository.port';
import { type OrderView, toOrderView } from '../order.view';
import { type ListOrdersQuery } from './list-orders.query';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface OrderListPage {
  items: OrderView[];
  /** Opaque; pass as `cursor` to get the next page. Null on the last page. */
  nextCursor: string | null;
}

/** Lists orders newest purchase first, with opaque keyset cursors. */
export class ListOrdersHandler {
  constructor(private readonly orders: OrderRepository) {}

  async execute(query: ListOrdersQuery): Promise<OrderListPage> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
      throw new InvalidQueryError('limit', `must be an integer from 1 to ${MAX_PAGE_SIZE}`);
    }
    let status: OrderStatus | undefined;
    if (query.status !== undefined) {
      if (!isOrderStatus(query.status)) {
        throw new InvalidQueryError('status', `must be one of ${ORDER_STATUSES.join(', ')}`);
      }
      status = query.status;
    }
    for (const field of ['purchasedFrom', 'purchasedBefore'] as const) {
      const value = query[field];
      if (value !== undefined && (!(value instanceof Date) || Number.isNaN(value.getTime()))) {
        throw new InvalidQueryError(field, 'must be a valid instant');
      }
    }
    const page = await this.orders.list({
      customerId: query.customerId,
      status,
      purchasedFrom: query.purchasedFrom,
      purchasedBefore: query.purchasedBefore,
      after: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
      limit,
    });
    return {
      items: page.orders.map(toOrderView),
      nextCursor: page.next ? encodeCursor(page.next) : null,
    };
  }
}

export function encodeCursor(key: OrderPageKey): string {
  return Buffer.from(JSON.stringify([key.purchasedAt.toISOString(), key.orderId])).toString('base64url');
}

export function decodeCursor(cursor: string): OrderPageKey {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(decoded) && decoded.length === 2) {
      const [purchasedAt, orderId] = decoded as unknown[];
      const instant = typeof purchasedAt === 'string' ? new Date(purchasedAt) : new Date(Number.NaN);
      if (typeof orderId === 'string' && orderId !== '' && !Number.isNaN(instant.getTime())) {
        return { purchasedAt: instant, orderId };
      }
    }
  } catch {
    // fall through: not JSON
  }
  throw new InvalidQueryError('cursor', 'is not a cursor this service issued');
}
