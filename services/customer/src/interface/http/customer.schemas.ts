import { entityIdSchema, timestampSchema } from '@mercado/contracts';
import Joi from 'joi';
import { BRAZILIAN_STATES } from '../../domain/customer/location.value-object';
import { SEGMENTS } from '../../domain/rfm/segment';
import { MAX_PAGE_SIZE } from '../../application/queries/page-cursor';

const instant = timestampSchema.description('ISO-8601 with offset, e.g. 2017-10-02T10:56:33-03:00');

export const customerIdParams = Joi.object({ customerUniqueId: entityIdSchema.required() });

export const registerCustomerBody = Joi.object({
  customerUniqueId: entityIdSchema.required().description('the person (Olist customer_unique_id)'),
  customerId: entityIdSchema.required().description('the account (Olist customer_id)'),
  zipPrefix: Joi.string()
    .pattern(/^\d{5}$/, 'five digits')
    .required()
    .description('first five digits of the CEP, leading zeros kept'),
  city: Joi.string().trim().min(1).max(120).required(),
  state: Joi.string()
    .valid(...BRAZILIAN_STATES)
    .required(),
  at: instant.description('when; defaults to now'),
});

export const listCustomersQuery = Joi.object({
  segment: Joi.string().valid(...SEGMENTS),
  state: Joi.string().valid(...BRAZILIAN_STATES),
  limit: Joi.number().integer().min(1).max(MAX_PAGE_SIZE).default(20),
  cursor: Joi.string().max(512).description('nextCursor of the previous page'),
});

export const recomputeBody = Joi.object({
  asOf: instant.description('the reference instant recency is measured to; defaults to the newest purchase'),
});

export const submitReviewBody = Joi.object({
  reviewId: entityIdSchema.required(),
  orderId: entityIdSchema.required(),
  score: Joi.number().integer().min(1).max(5).required(),
  title: Joi.string().max(500).allow(null, ''),
  message: Joi.string().max(5000).allow(null, ''),
  createdAt: instant.description('when the survey was sent; defaults to now'),
  answeredAt: instant.allow(null),
});

export const listReviewsQuery = Joi.object({
  orderId: entityIdSchema,
  score: Joi.number().integer().min(1).max(5),
  limit: Joi.number().integer().min(1).max(MAX_PAGE_SIZE).default(20),
  cursor: Joi.string().max(512),
});

const location = Joi.object({ zipPrefix: Joi.string(), city: Joi.string(), state: Joi.string() });
export const customerViewSchema = Joi.object({
  customerUniqueId: Joi.string(),
  location,
  accounts: Joi.array().items(Joi.object({ customerId: Joi.string(), location })),
  registeredAt: Joi.string(),
  segment: Joi.string()
    .valid(...SEGMENTS)
    .allow(null),
  rfm: Joi.object({
    asOf: Joi.string().description('YYYY-MM-DD'),
    recencyDays: Joi.number().integer(),
    frequency: Joi.number().integer(),
    monetary: Joi.string().description('decimal text, e.g. "129.90"'),
    monetaryCents: Joi.number().integer(),
    recencyScore: Joi.number().integer(),
    frequencyScore: Joi.number().integer(),
    monetaryScore: Joi.number().integer(),
  }).allow(null),
  version: Joi.number().integer(),
});

export const reviewViewSchema = Joi.object({
  reviewId: Joi.string(),
  orderId: Joi.string(),
  score: Joi.number().integer(),
  title: Joi.string().allow(null),
  message: Joi.string().allow(null),
  createdAt: Joi.string(),
  answeredAt: Joi.string().allow(null),
});

export const outcomeOf = (item: Joi.Schema) => Joi.object({ outcome: Joi.string().valid('changed', 'unchanged'), item });
export const pageOf = (item: Joi.Schema) => Joi.object({ items: Joi.array().items(item), nextCursor: Joi.string().allow(null) });

export const segmentSummarySchema = Joi.object({
  asOf: Joi.string().allow(null),
  segments: Joi.array().items(
    Joi.object({ segment: Joi.string(), customers: Joi.number().integer(), monetary: Joi.string(), monetaryCents: Joi.number().integer(), share: Joi.number() }),
  ),
  unsegmented: Joi.number().integer(),
  totalCustomers: Joi.number().integer(),
});

export const recomputeResultSchema = Joi.object({
  scope: Joi.string().valid('touched', 'full'),
  asOf: Joi.string(),
  customersInBase: Joi.number().integer(),
  reassessed: Joi.number().integer(),
  segmentChanges: Joi.number().integer(),
});
