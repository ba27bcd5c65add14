import { type CustomerUnitOfWork } from '../../ports/unit-of-work.port';
import { type PurchaseCommandResult, changePurchase } from '../shared/change-purchase';
import { type RecordPaymentCommand } from './record-payment.command';

/**
 * Adds a payment to the order's purchase (monetary sums payments). It may arrive before the
 * placement. Idempotent; another value under the same sequential: PurchaseConflictError.
 */
export class RecordPaymentHandler {
  constructor(private readonly uow: CustomerUnitOfWork) {}

  async execute(command: RecordPaymentCommand): Promise<PurchaseCommandResult> {
    return changePurchase(this.uow, command.orderId, (purchase) =>
      purchase.recordPayment(command.sequential, command.valueCents),
    );
  }
}
