import { type SalesUnitOfWork } from '../../ports/unit-of-work.port';
import { changeOrder } from '../shared/change-order';
import { type OrderCommandResult } from '../shared/order-command.result';
import { type MarkOrderShippedCommand } from './mark-order-shipped.command';

/** Reaction to fulfilment's shipment dispatched: idempotent, a repeat for an order already shipped (or delivered) is a no-op. */
export class MarkOrderShippedHandler {
  constructor(private readonly uow: SalesUnitOfWork) {}

  async execute(command: MarkOrderShippedCommand): Promise<OrderCommandResult> {
    const at = command.at;
    return changeOrder(this.uow, command.orderId, (order) =>
      // An imported order's history is the Olist record itself; fulfillment's echo of the same facts
      // (even where the record is odd, e.g. canceled after a carrier hand-off) adds nothing to it.
      order.origin === 'import' ? 'unchanged' : order.markShipped(at),
    );
  }
}
