export interface ListOrdersQuery {
  /** Only the orders of this customer account (Olist customer_id). */
  customerId?: string;
  /** Only orders in this status (validated against the lifecycle's statuses). */
  status?: string;
  /** Purchased at or after this instant. */
  purchasedFrom?: Date;
  /** Purchased strictly before this instant. */
  purchasedBefore?: Date;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
  /** 1..100, default 20. */
  limit?: number;
}
