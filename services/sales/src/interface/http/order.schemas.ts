import { dateSchema, entityIdSchema, timestampSchema } from '@mercado/contracts';
import Joi from 'joi';
import { ORDER_ANOMALIES } from '../../domain/order/order-anomaly';
import { ORDER_STATUSES } from '../../domain/order/order-status';
import { MAX_INSTALLMENTS, PAYMENT_TYPES } from '../../domain/order/payment.entity';
import { MAX_PAGE_SIZE } from '../../application/queries/list-orders/list-orders.handler';

/** Decimal text with at most two decimals, never negative: "129.90". */
export const moneySchema = Joi.string()
  .pattern(/^\d{1,13}(\.\d{1,2})?$/, 'amount')
  .messages({ 'string.pattern.name': '{{#label}} must be an amount with at most two decimals, e.g. "129.90"' })
  .example('129.90');
const instant = timestampSchema.description('ISO-8601 with offset, e.g. 2017-10-02T10:56:33-03:00');

export const orderIdParams = Joi.object({ orderId: entityIdSchema.required() });

export const placeOrderBody = Joi.object({
  orderId: entityIdSchema.required().description('the natural order id; placing it again with the same content is a no-op'),
  customerId: entityIdSchema.required().description('the customer account (Olist customer_id)'),
  purchasedAt: instant.description('defaults to now'),
  estimatedDeliveryDate: dateSchema.allow(null).description('YYYY-MM-DD promised to the customer'),
  lines: Joi.array()
    .min(1)
    .items(
      Joi.object({
        lineNumber: Joi.number().integer().min(1).required(),
        productId: entityIdSchema.required(),
        sellerId: entityIdSchema.required(),
        shippingLimitAt: instant.required(),
        price: moneySchema.required(),
        freight: moneySchema.required(),
      }),
    )
    .unique('lineNumber')
    .custom((lines: { lineNumber: number }[], helpers) =>
      lines.every((_, index) => lines.some((line) => line.lineNumber === index + 1)) ? lines : helpers.error('lines.sequence'),
    )
    .messages({ 'lines.sequence': '{{#label}} must be numbered 1..n' })
    .required(),
});

export const transitionBody = Joi.object({ at: instant.description('when it happened; defaults to now') });

export const cancelBody = Joi.object({
  at: instant.description('when it happened; defaults to now'),
  reason: Joi.string().trim().max(500).allow(null, ''),
});

export const recordPaymentBody = Joi.object({
  sequential: Joi.number().integer().min(1).required().description('1..n inside the order'),
  type: Joi.string()
    .valid(...PAYMENT_TYPES)
    .required(),
  installments: Joi.number().integer().min(0).max(MAX_INSTALLMENTS).required(),
  value: moneySchema.required(),
  at: instant.description('when it was paid; defaults to now'),
});

export const listOrdersQuery = Joi.object({
  customerId: entityIdSchema.description('only this customer account'),
  status: Joi.string().valid(...ORDER_STATUSES),
  purchasedFrom: instant.description('purchased at or after'),
  purchasedBefore: instant.description('purchased strictly before'),
  limit: Joi.number().integer().min(1).max(MAX_PAGE_SIZE).default(20),
  cursor: Joi.string().max(512).description('nextCursor of the previous page'),
});

const nullableInstant = Joi.string().allow(null);
export const orderViewSchema = Joi.object({
  orderId: Joi.string().required(),
  customerId: Joi.string().required(),
  status: Joi.string().valid(...ORDER_STATUSES).required(),
  purchasedAt: Joi.string().required(),
  approvedAt: nullableInstant.required(),
  deliveredCarrierAt: nullableInstant.required(),
  deliveredCustomerAt: nullableInstant.required(),
  estimatedDeliveryDate: Joi.string().allow(null).required(),
  itemsTotal: moneySchema.required(),
  freightTotal: moneySchema.required(),
  total: moneySchema.required(),
  paidTotal: moneySchema.required(),
  lines: Joi.array().items(
    Joi.object({
      lineNumber: Joi.number().integer(),
      productId: Joi.string(),
      sellerId: Joi.string(),
      shippingLimitAt: Joi.string(),
      price: moneySchema,
      freight: moneySchema,
    }),
  ),
  payments: Joi.array().items(
    Joi.object({ sequential: Joi.number().integer(), type: Joi.string(), installments: Joi.number().integer(), value: moneySchema }),
  ),
  statusHistory: Joi.array().items(Joi.object({ status: Joi.string(), at: Joi.string(), derived: Joi.boolean() })),
  anomalies: Joi.array().items(Joi.string().valid(...ORDER_ANOMALIES)),
  origin: Joi.string().valid('live', 'import'),
  cancellationReason: Joi.string().allow(null),
  version: Joi.number().integer(),
});

export const orderCommandResultSchema = Joi.object({
  outcome: Joi.string().valid('changed', 'unchanged').description('unchanged: a repeat of a command already applied'),
  order: orderViewSchema,
});

export const orderPageSchema = Joi.object({
  items: Joi.array().items(orderViewSchema),
  nextCursor: Joi.string().allow(null),
});
