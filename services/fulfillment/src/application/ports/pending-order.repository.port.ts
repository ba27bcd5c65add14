import { type PendingOrder } from '../../domain/pending-order/pending-order';

/** Placed orders whose shipment is not open yet (see domain/pending-order/pending-order.ts). */
export interface PendingOrderRepository {
  find(orderId: string): Promise<PendingOrder | null>;
  findMany(orderIds: readonly string[]): Promise<PendingOrder[]>;
  /** Inserts or replaces. */
  save(order: PendingOrder): Promise<void>;
  /** Forgets them (their shipment took them over); unknown ids are ignored. */
  delete(orderIds: readonly string[]): Promise<void>;
}
