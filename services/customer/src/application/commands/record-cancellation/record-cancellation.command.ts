import { type PurchaseClosure } from '../../../domain/purchase/purchase.aggregate';

/** From sales.order.canceled (closure `canceled`) or sales.order.unavailable (`unavailable`). */
export interface RecordCancellationCommand {
  orderId: string;
  closure: PurchaseClosure;
  at: Date;
}
