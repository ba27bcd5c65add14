import { type OrderChange } from '../../../domain/order/order.aggregate';
import { type OrderView } from '../../queries/order.view';

/** What a command on one order returns: the order after it, and whether it changed anything. */
export interface OrderCommandResult {
  order: OrderView;
  /** `unchanged`: the command repeated one already applied (idempotent); nothing was written. */
  outcome: OrderChange;
}
