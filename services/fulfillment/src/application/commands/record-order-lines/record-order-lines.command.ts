/** An order was placed (sales.order.placed): what fulfillment keeps of it. */
export interface RecordOrderLinesCommand {
  orderId: string;
  customerId: string;
  purchasedAt: Date;
  /** The sales event's `imported` flag: a historical order. */
  imported: boolean;
  lines: readonly { lineNumber: number; sellerId: string; shippingLimitAt: Date }[];
}
