import { Review, ReviewConflictError } from '../../../domain/review/review.aggregate';
import { type CustomerUnitOfWork } from '../../ports/unit-of-work.port';
import { type ImportRejection, rejectionFor, textOrNull } from '../shared/import-rejection';
import { BULK_CONCURRENCY_ATTEMPTS, retryOnConcurrencyConflict } from '../shared/retry-on-concurrency-conflict';
import { type ImportReviewsCommand } from './import-reviews.command';

export interface ImportReviewsResult {
  /** How many reviews were written. */
  imported: number;
  /** Indexes of records repeating a stored (or earlier) review with the same content. */
  unchanged: number[];
  /** Per-record rejections; `id` is the record's review_id. */
  rejected: ImportRejection[];
}

/**
 * Imports Olist review rows in bulk; bad rows and conflicts (same review id and order id, other
 * content) are rejected with a reason while the others go on. Idempotent.
 */
export class ImportReviewsHandler {
  constructor(private readonly uow: CustomerUnitOfWork) {}

  async execute(command: ImportReviewsCommand): Promise<ImportReviewsResult> {
    const invalid: ImportRejection[] = [];
    const duplicates: number[] = [];
    const candidates = new Map<string, { index: number; review: Review }>();
    command.records.forEach((record, index) => {
      let review: Review;
      try {
        review = Review.fromOlistRecord(record);
      } catch (error) {
        invalid.push(rejectionFor(index, textOrNull(record?.review_id), error));
        return;
      }
      const key = `${review.reviewId}\u0000${review.orderId}`;
      const earlier = candidates.get(key);
      if (!earlier) candidates.set(key, { index, review });
      else if (earlier.review.hasSameContentAs(review)) duplicates.push(index);
      else
        invalid.push(
          rejectionFor(index, review.reviewId, new ReviewConflictError(review.reviewId, review.orderId)),
        );
    });
    const events = new Map([...candidates.values()].map(({ review }) => [review, review.pullDomainEvents()]));

    return retryOnConcurrencyConflict(() =>
      this.uow.run(async ({ reviews, outbox }) => {
        const stored = await reviews.findByKeys([...candidates.values()].map(({ review }) => review));
        const storedByKey = new Map(
          stored.map((review) => [`${review.reviewId}\u0000${review.orderId}`, review]),
        );
        const fresh: Review[] = [];
        const unchanged = [...duplicates];
        const rejected = [...invalid];
        for (const [key, { index, review }] of candidates) {
          const known = storedByKey.get(key);
          if (!known) fresh.push(review);
          else if (known.hasSameContentAs(review)) unchanged.push(index);
          else
            rejected.push(
              rejectionFor(index, review.reviewId, new ReviewConflictError(review.reviewId, review.orderId)),
            );
        }
        if (fresh.length > 0) {
          await reviews.insertMany(fresh);
          await outbox.append(fresh.flatMap((review) => events.get(review)!));
        }
        return {
          imported: fresh.length,
          unchanged: unchanged.sort((a, b) => a - b),
          rejected: rejected.sort((a, b) => a.index - b.index),
        };
      }),
      { attempts: BULK_CONCURRENCY_ATTEMPTS },
    );
  }
}
