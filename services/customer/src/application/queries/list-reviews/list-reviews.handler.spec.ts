import { InvalidQueryError } from '../../application.errors';
import { ImportReviewsHandler } from '../../commands/import-reviews/import-reviews.handler';
import { InMemoryCustomerStore } from '../../testing/in-memory-customer.test-double';
import { REAL_REVIEWS } from '../../testing/review-fixtures.test-double';
import { ListReviewsHandler } from './list-reviews.handler';

describe('ListReviewsHandler', () => {
  let handler: ListReviewsHandler;

  beforeAll(async () => {
    const store = new InMemoryCustomerStore();
    await new ImportReviewsHandler(store).execute({ records: REAL_REVIEWS });
    handler = new ListReviewsHandler(store.reviews);
  });

  it('pages through reviews by (review id, order id), both reviews sharing an id included', async () => {
    const first = await handler.execute({ limit: 3 });
    const second = await handler.execute({ limit: 3, cursor: first.nextCursor! });
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((item) => `${item.reviewId}/${item.orderId}`)).toEqual([
      '3242cc306a9218d0377831e175d62fbf/711246846695fa895c1776f0ddc30b20',
      '3242cc306a9218d0377831e175d62fbf/9c5bfba7de6a4abbb6ba0baab78d1622',
      '7bc2406110b926393aa56f80a40eba40/73fc7af87114b39712e6da79b0a377eb',
      'e64fb393e7b32834bb789ff8bb30750e/658677c97b385a9be170737859d3511b',
    ]);
  });

  it('filters by order and score and shows São Paulo times', async () => {
    const byOrder = await handler.execute({ orderId: '73fc7af87114b39712e6da79b0a377eb' });
    expect(byOrder.items).toEqual([
      {
        reviewId: '7bc2406110b926393aa56f80a40eba40',
        orderId: '73fc7af87114b39712e6da79b0a377eb',
        score: 4,
        title: null,
        message: null,
        createdAt: '2018-01-18T00:00:00-02:00',
        answeredAt: '2018-01-18T21:46:59-02:00',
      },
    ]);
    expect((await handler.execute({ score: 5 })).items).toHaveLength(3);
  });

  it.each([
    [{ score: 0 }, 'score'],
    [{ score: 2.5 }, 'score'],
    [{ limit: 1000 }, 'limit'],
    [{ cursor: 'xyz' }, 'cursor'],
  ])('refuses %j naming %s', async (query, field) => {
    await expect(handler.execute(query)).rejects.toMatchObject({ field });
    await expect(handler.execute(query)).rejects.toThrow(InvalidQueryError);
  });
});
