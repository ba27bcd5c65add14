import { Review, ReviewConflictError } from '../../../domain/review/review.aggregate';
import { type Clock } from '../../ports/clock.port';
import { type CustomerUnitOfWork } from '../../ports/unit-of-work.port';
import { type ReviewView, toReviewView } from '../../queries/review.view';
import { retryOnConcurrencyConflict } from '../shared/retry-on-concurrency-conflict';
import { type SubmitReviewCommand } from './submit-review.command';

export interface SubmitReviewResult {
  review: ReviewView;
  outcome: 'changed' | 'unchanged';
}

/** Submits a review (ReviewSubmitted). The same review again is unchanged; different content: ReviewConflictError. */
export class SubmitReviewHandler {
  constructor(
    private readonly uow: CustomerUnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: SubmitReviewCommand): Promise<SubmitReviewResult> {
    const review = Review.submit({ ...command, createdAt: command.createdAt ?? this.clock.now() });
    const events = review.pullDomainEvents();
    return retryOnConcurrencyConflict(() =>
      this.uow.run(async ({ reviews, outbox }) => {
        const [existing] = await reviews.findByKeys([{ reviewId: review.reviewId, orderId: review.orderId }]);
        if (existing) {
          if (!existing.hasSameContentAs(review))
            throw new ReviewConflictError(review.reviewId, review.orderId);
          return { review: toReviewView(existing), outcome: 'unchanged' as const };
        }
        await reviews.insertMany([review]);
        await outbox.append(events);
        return { review: toReviewView(review), outcome: 'changed' as const };
      }),
    );
  }
}
