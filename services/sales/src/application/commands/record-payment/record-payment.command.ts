import { type PaymentType } from '../../../domain/order/payment.entity';

export interface RecordPaymentCommand {
  orderId: string;
  sequential: number;
  type: PaymentType;
  installments: number;
  /** Decimal text with at most two decimals, e.g. "99.33". */
  value: string;
  /** When it was paid; defaults to the clock's now. */
  at?: Date;
}
