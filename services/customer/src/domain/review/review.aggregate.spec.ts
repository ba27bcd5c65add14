import { InvalidFieldError, MissingFieldError } from '../shared/domain-error';
import { InvalidLocalTimestampError, olistLocalToInstant } from '../shared/sao-paulo-time';
import { type OlistReviewRecord, Review, ReviewConflictError } from './review.aggregate';

// Real rows of olist_order_reviews_dataset.head.csv (the second message keeps its CRLF).
const PLAIN: OlistReviewRecord = {
  review_id: '7bc2406110b926393aa56f80a40eba40',
  order_id: '73fc7af87114b39712e6da79b0a377eb',
  review_score: '4',
  review_comment_title: '',
  review_comment_message: '',
  review_creation_date: '2018-01-18 00:00:00',
  review_answer_timestamp: '2018-01-18 21:46:59',
};
const WITH_TEXT: OlistReviewRecord = {
  review_id: '14613df954694f243dedeaa2c8a3a5c2',
  order_id: '1e91914c9706a5d4665b8c5a6294b107',
  review_score: '4',
  review_comment_title: ' 4 ',
  review_comment_message:
    ' Se fosse vidro tinha quebrado; veio na caixa sem nenhuma proteção por dentro, a caixa estava muito amassada. Desculpe.. mas gosto de comprar de vcs\r\n.',
  review_creation_date: '2018-05-15 00:00:00',
  review_answer_timestamp: '2018-05-16 23:41:51',
};

describe('Review', () => {
  it('reads an Olist row: São Paulo times, no title or message when blank', () => {
    const review = Review.fromOlistRecord(PLAIN);
    expect(review.toSnapshot()).toEqual({
      reviewId: '7bc2406110b926393aa56f80a40eba40',
      orderId: '73fc7af87114b39712e6da79b0a377eb',
      score: 4,
      title: null,
      message: null,
      createdAt: new Date('2018-01-18T02:00:00Z'),
      answeredAt: new Date('2018-01-18T23:46:59Z'),
    });
    expect(review.pullDomainEvents()).toEqual([
      expect.objectContaining({
        type: 'ReviewSubmitted',
        reviewId: PLAIN.review_id,
        orderId: PLAIN.order_id,
        occurredAt: review.createdAt,
      }),
    ]);
    expect(review.pullDomainEvents()).toEqual([]);
  });

  it('keeps title and message exactly as written, line breaks included', () => {
    const review = Review.fromOlistRecord(WITH_TEXT);
    expect(review.title).toBe(' 4 ');
    expect(review.message).toBe(WITH_TEXT.review_comment_message);
    expect(review.message).toContain('\r\n');
  });

  it('lets one review id cover two orders (Olist reuses review ids): the key is both', () => {
    const first = Review.fromOlistRecord({
      ...PLAIN,
      review_id: '3242cc306a9218d0377831e175d62fbf',
      order_id: '711246846695fa895c1776f0ddc30b20',
    });
    const second = Review.fromOlistRecord({
      ...PLAIN,
      review_id: '3242cc306a9218d0377831e175d62fbf',
      order_id: '9c5bfba7de6a4abbb6ba0baab78d1622',
    });
    expect(first.hasSameContentAs(second)).toBe(false);
  });

  it('compares content for idempotency', () => {
    const review = Review.fromOlistRecord(PLAIN);
    expect(review.hasSameContentAs(Review.fromOlistRecord({ ...PLAIN }))).toBe(true);
    expect(review.hasSameContentAs(Review.fromOlistRecord({ ...PLAIN, review_score: 5 }))).toBe(false);
    expect(review.hasSameContentAs(Review.fromOlistRecord({ ...PLAIN, review_comment_title: 'x' }))).toBe(
      false,
    );
    expect(review.hasSameContentAs(Review.fromOlistRecord({ ...PLAIN, review_answer_timestamp: '' }))).toBe(
      false,
    );
    expect(new ReviewConflictError('r', 'o')).toMatchObject({ code: 'review-conflict', field: 'review_id' });
  });

  it('submits a live review with Date times and no answer yet', () => {
    const review = Review.submit({
      reviewId: 'r',
      orderId: 'o',
      score: 1,
      createdAt: new Date('2018-01-01T00:00:00Z'),
    });
    expect(review.answeredAt).toBeNull();
    expect(review.score).toBe(1);
    expect(Review.restore(review.toSnapshot()).hasSameContentAs(review)).toBe(true);
  });

  it.each<[Partial<OlistReviewRecord>, new (...args: never[]) => Error, string]>([
    [{ review_score: '0' }, InvalidFieldError, 'review_score'],
    [{ review_score: '6' }, InvalidFieldError, 'review_score'],
    [{ review_score: '4.5' }, InvalidFieldError, 'review_score'],
    [{ review_score: '' }, InvalidFieldError, 'review_score'],
    [{ review_id: '' }, MissingFieldError, 'review_id'],
    [{ order_id: '' }, MissingFieldError, 'order_id'],
    [{ review_creation_date: '' }, MissingFieldError, 'review_creation_date'],
    [{ review_creation_date: '18/01/2018' }, InvalidLocalTimestampError, 'review_creation_date'],
    [
      { review_answer_timestamp: '2018-01-18 25:00:00' },
      InvalidLocalTimestampError,
      'review_answer_timestamp',
    ],
  ])('refuses %j naming the column', (override, error, field) => {
    let caught: unknown;
    try {
      Review.fromOlistRecord({ ...PLAIN, ...override });
    } catch (thrown) {
      caught = thrown;
    }
    expect(caught).toBeInstanceOf(error);
    expect(caught).toMatchObject({ field });
  });

  it('uses the São Paulo rules of the date', () => {
    expect(olistLocalToInstant('2017-06-01 10:00:00').toISOString()).toBe('2017-06-01T13:00:00.000Z');
    expect(olistLocalToInstant('2017-11-01 10:00:00').toISOString()).toBe('2017-11-01T12:00:00.000Z');
  });
});
