/** From sales.payment.recorded. */
export interface RecordPaymentCommand {
  orderId: string;
  sequential: number;
  valueCents: number;
}
