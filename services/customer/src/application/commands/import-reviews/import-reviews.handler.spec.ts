import { InMemoryCustomerStore } from '../../testing/in-memory-customer.test-double';
import { REAL_REVIEWS } from '../../testing/review-fixtures.test-double';
import { ImportReviewsHandler } from './import-reviews.handler';

describe('ImportReviewsHandler', () => {
  let store: InMemoryCustomerStore;
  let handler: ImportReviewsHandler;

  beforeEach(() => {
    store = new InMemoryCustomerStore();
    handler = new ImportReviewsHandler(store);
  });

  it('imports real reviews, including one review id shared by two orders', async () => {
    const result = await handler.execute({ records: REAL_REVIEWS });
    expect(result).toEqual({ imported: 4, unchanged: [], rejected: [] });
    expect(store.outboxEvents.filter((event) => event.type === 'ReviewSubmitted')).toHaveLength(4);
    expect(store.transactionsCommitted).toBe(1);
  });

  it('is idempotent across batches and within one', async () => {
    await handler.execute({ records: REAL_REVIEWS });
    expect(await handler.execute({ records: [...REAL_REVIEWS, REAL_REVIEWS[0]!] })).toEqual({
      imported: 0,
      unchanged: [0, 1, 2, 3, 4],
      rejected: [],
    });
    expect(store.outboxEvents).toHaveLength(4);
  });

  it('rejects bad rows and conflicts with index, column and reason while the others go on', async () => {
    await handler.execute({ records: [REAL_REVIEWS[0]!] });
    const result = await handler.execute({
      records: [
        { ...REAL_REVIEWS[0]!, review_score: '3' },
        REAL_REVIEWS[1]!,
        { ...REAL_REVIEWS[2]!, review_score: '7' },
        { ...REAL_REVIEWS[3]!, review_creation_date: '21/07/2017' },
        { ...REAL_REVIEWS[1]!, review_comment_message: 'edited' },
        { ...REAL_REVIEWS[2]!, review_id: '' },
      ],
    });
    expect(result.imported).toBe(1);
    expect(result.rejected.map((rejection) => [rejection.index, rejection.code, rejection.field])).toEqual([
      [0, 'review-conflict', 'review_id'],
      [2, 'invalid-field', 'review_score'],
      [3, 'invalid-timestamp', 'review_creation_date'],
      [4, 'review-conflict', 'review_id'],
      [5, 'missing-field', 'review_id'],
    ]);
    expect(result.rejected[3]!.id).toBe(REAL_REVIEWS[1]!.review_id);
    expect(result.rejected[4]!.id).toBeNull();
  });
});
