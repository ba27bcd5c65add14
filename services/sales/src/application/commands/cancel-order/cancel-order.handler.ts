import { type Clock } from '../../ports/clock.port';
import { type SalesUnitOfWork } from '../../ports/unit-of-work.port';
import { changeOrder } from '../shared/change-order';
import { type OrderCommandResult } from '../shared/order-command.result';
import { type CancelOrderCommand } from './cancel-order.command';

/** Cancels an order not yet shipped. Repeating it with the same time and reason is a no-op. */
export class CancelOrderHandler {
  constructor(
    private readonly uow: SalesUnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: CancelOrderCommand): Promise<OrderCommandResult> {
    const at = command.at ?? this.clock.now();
    return changeOrder(this.uow, command.orderId, (order) => order.cancel(at, command.reason));
  }
}
