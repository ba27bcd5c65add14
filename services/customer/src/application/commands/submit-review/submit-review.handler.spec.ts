import { Review, ReviewConflictError } from '../../../domain/review/review.aggregate';
import { InvalidFieldError } from '../../../domain/shared/domain-error';
import { FixedClock, InMemoryCustomerStore } from '../../testing/in-memory-customer.test-double';
import { NOW } from '../../testing/customer-fixtures.test-double';
import { SubmitReviewHandler } from './submit-review.handler';

const review = {
  reviewId: 'r1',
  orderId: '00bdcdda88e6b02977fc6ce3d412c600',
  score: 5,
  title: 'Recomendo',
  message: 'Chegou antes do prazo.\r\nÓtimo!',
};

describe('SubmitReviewHandler', () => {
  let store: InMemoryCustomerStore;
  let handler: SubmitReviewHandler;

  beforeEach(() => {
    store = new InMemoryCustomerStore();
    handler = new SubmitReviewHandler(store, new FixedClock(NOW));
  });

  it('stores the review and emits ReviewSubmitted', async () => {
    const result = await handler.execute(review);
    expect(result).toEqual({
      outcome: 'changed',
      review: {
        reviewId: 'r1',
        orderId: review.orderId,
        score: 5,
        title: 'Recomendo',
        message: 'Chegou antes do prazo.\r\nÓtimo!',
        createdAt: '2018-10-01T09:00:00-03:00',
        answeredAt: null,
      },
    });
    expect(store.outboxEvents).toEqual([
      expect.objectContaining({ type: 'ReviewSubmitted', reviewId: 'r1' }),
    ]);
  });

  it('is idempotent for the same review and refuses other content under the same key', async () => {
    await handler.execute(review);
    expect((await handler.execute(review)).outcome).toBe('unchanged');
    await expect(handler.execute({ ...review, score: 1 })).rejects.toThrow(ReviewConflictError);
    expect(store.outboxEvents).toHaveLength(1);
    // Same review id on another order is another review.
    expect((await handler.execute({ ...review, orderId: 'another-order' })).outcome).toBe('changed');
  });

  it('refuses an invalid score before touching the store', async () => {
    await expect(handler.execute({ ...review, score: 6 })).rejects.toThrow(InvalidFieldError);
    expect(store.transactionsCommitted).toBe(0);
  });

  it('settles a race with an identical concurrent submission as a repeat', async () => {
    let raced = false;
    store.beforeWrite = () => {
      if (raced) return;
      raced = true;
      store.commitReview(Review.submit({ ...review, createdAt: NOW }));
    };
    expect((await handler.execute(review)).outcome).toBe('unchanged');
    expect(store.outboxEvents).toEqual([]);
  });
});
