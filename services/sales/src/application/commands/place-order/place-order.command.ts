export interface PlaceOrderCommand {
  /** The natural order id (Olist order_id); placing the same id again must carry the same content. */
  orderId: string;
  /** The customer account (Olist customer_id). */
  customerId: string;
  /** Defaults to the clock's now. */
  purchasedAt?: Date;
  /** `YYYY-MM-DD`. */
  estimatedDeliveryDate?: string | null;
  lines: PlaceOrderLine[];
}

export interface PlaceOrderLine {
  lineNumber: number;
  productId: string;
  sellerId: string;
  shippingLimitAt: Date;
  /** Decimal text with at most two decimals, e.g. "129.90". */
  price: string;
  freight: string;
}
