import { type Order, type OrderChange } from '../../../domain/order/order.aggregate';
import { OrderNotFoundError } from '../../application.errors';
import { type SalesUnitOfWork } from '../../ports/unit-of-work.port';
import { toOrderView } from '../../queries/order.view';
import { type OrderCommandResult } from './order-command.result';
import { retryOnConcurrencyConflict } from './retry-on-concurrency-conflict';

/**
 * Loads an order, applies `change`, and saves it with its events in one transaction, only when
 * something changed. A concurrent change (ConcurrencyConflictError) retries on fresh state.
 */
export function changeOrder(
  uow: SalesUnitOfWork,
  orderId: string,
  change: (order: Order) => OrderChange,
): Promise<OrderCommandResult> {
  return retryOnConcurrencyConflict(() =>
    uow.run(async ({ orders, outbox }) => {
      const order = await orders.findById(orderId);
      if (!order) throw new OrderNotFoundError(orderId);
      const expectedVersion = order.version;
      const outcome = change(order);
      if (outcome === 'unchanged') return { order: toOrderView(order), outcome };
      await orders.save(order, expectedVersion);
      await outbox.append(order.pullDomainEvents());
      return { order: { ...toOrderView(order), version: expectedVersion + 1 }, outcome };
    }),
  );
}
