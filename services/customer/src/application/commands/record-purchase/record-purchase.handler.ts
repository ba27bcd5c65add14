import { type CustomerUnitOfWork } from '../../ports/unit-of-work.port';
import { type PurchaseCommandResult, changePurchase } from '../shared/change-purchase';
import { type RecordPurchaseCommand } from './record-purchase.command';

/** Records an order placement in the purchase history. Idempotent; different facts: PurchaseConflictError. */
export class RecordPurchaseHandler {
  constructor(private readonly uow: CustomerUnitOfWork) {}

  async execute(command: RecordPurchaseCommand): Promise<PurchaseCommandResult> {
    return changePurchase(this.uow, command.orderId, (purchase) =>
      purchase.recordPlacement({
        customerId: command.customerId,
        purchasedAt: command.purchasedAt,
        orderValueCents: command.orderValueCents,
      }),
    );
  }
}
