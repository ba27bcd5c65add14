import { InvalidQueryError } from '../../application.errors';
import { type ReviewRepository } from '../../ports/review.repository.port';
import { decodeCursor, encodeCursor, pageSize } from '../page-cursor';
import { type ReviewView, toReviewView } from '../review.view';
import { type ListReviewsQuery } from './list-reviews.query';

export interface ReviewListPage {
  items: ReviewView[];
  nextCursor: string | null;
}

/** Reviews by (review id, order id), filtered by order and score, with opaque keyset cursors. */
export class ListReviewsHandler {
  constructor(private readonly reviews: ReviewRepository) {}

  async execute(query: ListReviewsQuery): Promise<ReviewListPage> {
    const limit = pageSize(query.limit);
    if (query.score !== undefined && (!Number.isInteger(query.score) || query.score < 1 || query.score > 5)) {
      throw new InvalidQueryError('score', 'must be a whole number from 1 to 5');
    }
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, 2);
    const page = await this.reviews.list({
      orderId: query.orderId,
      score: query.score,
      after: after ? { reviewId: after[0]!, orderId: after[1]! } : undefined,
      limit,
    });
    return {
      items: page.reviews.map(toReviewView),
      nextCursor: page.next ? encodeCursor([page.next.reviewId, page.next.orderId]) : null,
    };
  }
}
