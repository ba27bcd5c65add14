/** From sales.order.placed. */
export interface RecordPurchaseCommand {
  orderId: string;
  /** The account the order was placed under (Olist customer_id). */
  customerId: string;
  purchasedAt: Date;
  /** Price plus freight of the order's lines, in cents. */
  orderValueCents: number;
}
