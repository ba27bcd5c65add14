import { type RouteDefinition } from '@mercado/service-kit';
import Joi from 'joi';
import { type SubmitReviewHandler } from '../../application/commands/submit-review/submit-review.handler';
import { type ListReviewsHandler } from '../../application/queries/list-reviews/list-reviews.handler';
import { listReviewsQuery, pageOf, reviewViewSchema, submitReviewBody } from './customer.schemas';

const date = (value: unknown): Date | undefined => (typeof value === 'string' ? new Date(value) : undefined);

/** Reviews: submit one, list them. */
export function reviewRoutes(useCases: { submitReview: SubmitReviewHandler; listReviews: ListReviewsHandler }): RouteDefinition[] {
  const result = Joi.object({ outcome: Joi.string(), review: reviewViewSchema });
  return [
    {
      method: 'post',
      path: '/reviews',
      tags: ['reviews'],
      summary: 'Submit a review of an order',
      description: 'The same review again is 200 `unchanged`; other content under the same review and order id is 409.',
      scopes: ['customers:write'],
      validate: { body: submitReviewBody },
      responses: { 201: { description: 'Submitted', schema: result }, 200: { description: 'Already submitted', schema: result } },
      handler: async (req, res) => {
        const body = req.body as { reviewId: string; orderId: string; score: number; title?: string | null; message?: string | null; createdAt?: string; answeredAt?: string | null };
        const outcome = await useCases.submitReview.execute({
          ...body,
          createdAt: date(body.createdAt),
          answeredAt: body.answeredAt == null ? null : new Date(body.answeredAt),
        });
        res.status(outcome.outcome === 'changed' ? 201 : 200).json(outcome);
      },
    },
    {
      method: 'get',
      path: '/reviews',
      tags: ['reviews'],
      summary: 'Reviews by review id, filtered by order and score',
      scopes: ['customers:read'],
      validate: { query: listReviewsQuery },
      responses: { 200: { description: 'One page', schema: pageOf(reviewViewSchema) } },
      handler: async (req, res) => {
        res.json(await useCases.listReviews.execute(req.query as unknown as { orderId?: string; score?: number; limit: number; cursor?: string }));
      },
    },
  ];
}
