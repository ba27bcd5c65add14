import { type OlistReviewRecord } from '../../../domain/review/review.aggregate';

export interface ImportReviewsCommand {
  /** Rows of olist_order_reviews_dataset.csv. */
  records: readonly OlistReviewRecord[];
}
