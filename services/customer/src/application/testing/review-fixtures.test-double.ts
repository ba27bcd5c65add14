import { type OlistReviewRecord } from '../../domain/review/review.aggregate';

/** Real rows of olist_order_reviews_dataset.head.csv; the last two share a review id. */
export const REAL_REVIEWS: OlistReviewRecord[] = [
  {
    review_id: '7bc2406110b926393aa56f80a40eba40',
    order_id: '73fc7af87114b39712e6da79b0a377eb',
    review_score: '4',
    review_comment_title: '',
    review_comment_message: '',
    review_creation_date: '2018-01-18 00:00:00',
    review_answer_timestamp: '2018-01-18 21:46:59',
  },
  {
    review_id: 'e64fb393e7b32834bb789ff8bb30750e',
    order_id: '658677c97b385a9be170737859d3511b',
    review_score: '5',
    review_comment_title: '',
    review_comment_message: 'Recebi bem antes do prazo estipulado.',
    review_creation_date: '2017-04-21 00:00:00',
    review_answer_timestamp: '2017-04-21 22:02:06',
  },
  {
    review_id: '3242cc306a9218d0377831e175d62fbf',
    order_id: '711246846695fa895c1776f0ddc30b20',
    review_score: '5',
    review_comment_title: '',
    review_comment_message: 'Ótimo ',
    review_creation_date: '2017-07-21 00:00:00',
    review_answer_timestamp: '2017-07-22 01:06:37',
  },
  {
    review_id: '3242cc306a9218d0377831e175d62fbf',
    order_id: '9c5bfba7de6a4abbb6ba0baab78d1622',
    review_score: '5',
    review_comment_title: '',
    review_comment_message: 'Ótimo ',
    review_creation_date: '2017-07-21 00:00:00',
    review_answer_timestamp: '2017-07-22 01:06:37',
  },
];
