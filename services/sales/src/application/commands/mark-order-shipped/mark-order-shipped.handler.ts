import { type SalesUnitOfWork } from '../../ports/unit-of-work.port';
import { changeOrder } from '../shared/change-order';
import { type OrderCommandResult } from '../shared/order-command.result';
import { type MarkOrderShippedCommand } from './mark-order-shipped.command';

/** Reaction to fulfilment's shipment dispatched: idempotent, a repeat for an order already shipped (or delivered) is a no-op. */
export class MarkOrderShippedHandler {
  constructor(private readonly uow: SalesUnitOfWork) {}

  async execute(command: MarkOrderShippedCommand): Promise<OrderCommandResult> {
    const at = command.at;
    return changeOrder(this.uow, command.orderId, (order) => order.markShipped(at));
  }
}
