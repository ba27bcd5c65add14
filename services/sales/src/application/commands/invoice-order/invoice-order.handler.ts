import { type Clock } from '../../ports/clock.port';
import { type SalesUnitOfWork } from '../../ports/unit-of-work.port';
import { changeOrder } from '../shared/change-order';
import { type OrderCommandResult } from '../shared/order-command.result';
import { type InvoiceOrderCommand } from './invoice-order.command';

/** The sellers invoiced the order. Repeating it at the same time is a no-op. */
export class InvoiceOrderHandler {
  constructor(
    private readonly uow: SalesUnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: InvoiceOrderCommand): Promise<OrderCommandResult> {
    const at = command.at ?? this.clock.now();
    return changeOrder(this.uow, command.orderId, (order) => order.invoice(at));
  }
}
