import Joi from 'joi';
import { defineEvent } from '../../catalog/event-definition';
import { TOPICS } from '../../catalog/topics';
import { entityIdSchema, timestampSchema } from '../../schemas/common.schema';

export interface ReviewSubmittedV1 {
  /** Olist reuses a review_id across orders now and then: (review_id, order_id) is the identity. */
  review_id: string;
  order_id: string;
  /** 1..5 stars. */
  score: number;
  /** Omitted when the customer wrote none. Kept as written (spaces, line breaks). */
  title?: string;
  message?: string;
  /** When the satisfaction survey was sent (Olist gives midnight of that day). */
  created_at: string;
  /** When the customer answered it. */
  answered_at?: string;
}

export const customerReviewSubmittedV1 = defineEvent<ReviewSubmittedV1, 'customer.review.submitted'>({
  type: 'customer.review.submitted',
  version: 1,
  topic: TOPICS.customerReview.name,
  description:
    'A customer reviewed an order. An order can receive several reviews; title and message are free ' +
    'text and optional (omitted, never empty strings).',
  schema: Joi.object<ReviewSubmittedV1, true>({
    review_id: entityIdSchema.required().description('Olist reuses a review id across orders now and then'),
    order_id: entityIdSchema.required(),
    score: Joi.number().integer().min(1).max(5).strict().required().description('stars'),
    title: Joi.string().min(1).max(500).description('omitted when the customer wrote none; kept as written'),
    message: Joi.string()
      .min(1)
      .max(5000)
      .description('omitted when the customer wrote none; kept as written (line breaks included)'),
    created_at: timestampSchema
      .required()
      .description('the satisfaction survey was sent (Olist gives midnight of that day)'),
    answered_at: timestampSchema.description('the customer answered the survey'),
  }),
  key: (data) => data.order_id,
  fixtures: [
    {
      review_id: '7bc2406110b926393aa56f80a40eba40',
      order_id: '73fc7af87114b39712e6da79b0a377eb',
      score: 4,
      created_at: '2018-01-18T00:00:00-02:00',
      answered_at: '2018-01-18T21:46:59-02:00',
    },
    {
      review_id: '373cbeecea8286a2b66c97b1b157ec46',
      order_id: '583174fbe37d3d5f0d6661be3aad1786',
      score: 1,
      title: 'Não chegou meu produto ',
      message: 'Péssimo',
      created_at: '2018-08-15T00:00:00-03:00',
      answered_at: '2018-08-15T04:10:37-03:00',
    },
    {
      review_id: '4b49719c8a200003f700d3d986ea1a19',
      order_id: '9d6f15f95d01e79bd1349cc208361f09',
      score: 4,
      message: 'Mas um pouco ,travando...pelo valor ta Boa.\r\n',
      created_at: '2018-02-16T00:00:00-02:00',
      answered_at: '2018-02-20T10:52:22-03:00',
    },
  ],
});

export const CUSTOMER_REVIEW_EVENTS = [customerReviewSubmittedV1] as const;
