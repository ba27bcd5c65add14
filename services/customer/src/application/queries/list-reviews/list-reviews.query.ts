export interface ListReviewsQuery {
  orderId?: string;
  /** 1..5. */
  score?: number;
  cursor?: string;
  /** 1..100, default 20. */
  limit?: number;
}
