import { type SalesUnitOfWork } from '../../ports/unit-of-work.port';
import { changeOrder } from '../shared/change-order';
import { type OrderCommandResult } from '../shared/order-command.result';
import { type MarkOrderDeliveredCommand } from './mark-order-delivered.command';

/** Reaction to fulfilment's shipment delivered: idempotent, a repeat for an order already delivered is a no-op. */
export class MarkOrderDeliveredHandler {
  constructor(private readonly uow: SalesUnitOfWork) {}

  async execute(command: MarkOrderDeliveredCommand): Promise<OrderCommandResult> {
    const at = command.at;
    return changeOrder(this.uow, command.orderId, (order) =>
      // An imported order's history is the Olist record itself; fulfillment's echo of the same facts
      // (even where the record is odd, e.g. canceled after a carrier hand-off) adds nothing to it.
      order.origin === 'import' ? 'unchanged' : order.markDelivered(at),
    );
  }
}
