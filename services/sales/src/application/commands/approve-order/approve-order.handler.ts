import { type Clock } from '../../ports/clock.port';
import { type SalesUnitOfWork } from '../../ports/unit-of-work.port';
import { changeOrder } from '../shared/change-order';
import { type OrderCommandResult } from '../shared/order-command.result';
import { type ApproveOrderCommand } from './approve-order.command';

/** The payment was approved. Repeating it at the same time is a no-op. */
export class ApproveOrderHandler {
  constructor(
    private readonly uow: SalesUnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: ApproveOrderCommand): Promise<OrderCommandResult> {
    const at = command.at ?? this.clock.now();
    return changeOrder(this.uow, command.orderId, (order) => order.approve(at));
  }
}
