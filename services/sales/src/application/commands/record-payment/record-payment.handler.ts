import { Money } from '../../../domain/money/money.value-object';
import { type Clock } from '../../ports/clock.port';
import { type SalesUnitOfWork } from '../../ports/unit-of-work.port';
import { changeOrder } from '../shared/change-order';
import { type OrderCommandResult } from '../shared/order-command.result';
import { type RecordPaymentCommand } from './record-payment.command';

/** Records a payment; the same payment again is a no-op, another under its sequential a PaymentConflictError. */
export class RecordPaymentHandler {
  constructor(
    private readonly uow: SalesUnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: RecordPaymentCommand): Promise<OrderCommandResult> {
    const at = command.at ?? this.clock.now();
    const value = Money.parse(command.value, 'value');
    return changeOrder(this.uow, command.orderId, (order) =>
      order.recordPayment(
        { sequential: command.sequential, type: command.type, installments: command.installments, value },
        at,
      ),
    );
  }
}
