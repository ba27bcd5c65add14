import { type CustomerUnitOfWork } from '../../ports/unit-of-work.port';
import { type PurchaseCommandResult, changePurchase } from '../shared/change-purchase';
import { type RecordCancellationCommand } from './record-cancellation.command';

/** The order stops counting for RFM. Idempotent; another closure of the same order: PurchaseConflictError. */
export class RecordCancellationHandler {
  constructor(private readonly uow: CustomerUnitOfWork) {}

  async execute(command: RecordCancellationCommand): Promise<PurchaseCommandResult> {
    return changePurchase(this.uow, command.orderId, (purchase) =>
      purchase.recordClosure(command.closure, command.at),
    );
  }
}
