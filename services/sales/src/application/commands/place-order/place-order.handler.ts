import { Money } from '../../../domain/money/money.value-object';
import { Order } from '../../../domain/order/order.aggregate';
import { OrderConflictError } from '../../application.errors';
import { type Clock } from '../../ports/clock.port';
import { type SalesUnitOfWork } from '../../ports/unit-of-work.port';
import { toOrderView } from '../../queries/order.view';
import { type OrderCommandResult } from '../shared/order-command.result';
import { retryOnConcurrencyConflict } from '../shared/retry-on-concurrency-conflict';
import { type PlaceOrderCommand } from './place-order.command';

/**
 * Places a new order. Idempotent: placing an existing order id with the same content returns the
 * existing order (`unchanged`); with different content it is an OrderConflictError.
 */
export class PlaceOrderHandler {
  constructor(
    private readonly uow: SalesUnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: PlaceOrderCommand): Promise<OrderCommandResult> {
    const order = Order.place({
      orderId: command.orderId,
      customerId: command.customerId,
      purchasedAt: command.purchasedAt ?? this.clock.now(),
      estimatedDeliveryDate: command.estimatedDeliveryDate,
      lines: (command.lines ?? []).map((line) => ({
        lineNumber: line.lineNumber,
        productId: line.productId,
        sellerId: line.sellerId,
        shippingLimitAt: line.shippingLimitAt,
        price: Money.parse(line.price, 'price'),
        freight: Money.parse(line.freight, 'freight'),
      })),
    });
    const events = order.pullDomainEvents();
    // A concurrent placement of the same id loses the race here, then compares as a repeat.
    return retryOnConcurrencyConflict(() =>
      this.uow.run(async ({ orders, outbox }) => {
        const existing = await orders.findById(order.id);
        if (existing) {
          if (!existing.hasSamePlacementAs(order)) throw new OrderConflictError(order.id);
          return { order: toOrderView(existing), outcome: 'unchanged' as const };
        }
        await orders.save(order, 0);
        await outbox.append(events);
        return { order: { ...toOrderView(order), version: 1 }, outcome: 'changed' as const };
      }),
    );
  }
}
