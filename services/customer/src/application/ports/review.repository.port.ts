import { type Review } from '../../domain/review/review.aggregate';

export interface ReviewKey {
  reviewId: string;
  orderId: string;
}

/** Reviews, identified by review id and order id together. Reviews are immutable: insert only. */
export interface ReviewRepository {
  findByKeys(keys: readonly ReviewKey[]): Promise<Review[]>;
  /** Inserts new reviews (set-based); an existing key is a ConcurrencyConflictError. */
  insertMany(reviews: readonly Review[]): Promise<void>;
  /** One page, by (review id, order id) ascending. */
  list(criteria: ReviewListCriteria): Promise<ReviewPage>;
}

export interface ReviewListCriteria {
  orderId?: string;
  score?: number;
  after?: ReviewKey;
  limit: number;
}

export interface ReviewPage {
  reviews: Review[];
  next: ReviewKey | null;
}
