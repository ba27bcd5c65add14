import { type Clock } from '../../ports/clock.port';
import { type SalesUnitOfWork } from '../../ports/unit-of-work.port';
import { changeOrder } from '../shared/change-order';
import { type OrderCommandResult } from '../shared/order-command.result';
import { type MarkOrderUnavailableCommand } from './mark-order-unavailable.command';

/** The sellers cannot fulfil the order. Repeating it at the same time is a no-op. */
export class MarkOrderUnavailableHandler {
  constructor(
    private readonly uow: SalesUnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: MarkOrderUnavailableCommand): Promise<OrderCommandResult> {
    const at = command.at ?? this.clock.now();
    return changeOrder(this.uow, command.orderId, (order) => order.markUnavailable(at));
  }
}
