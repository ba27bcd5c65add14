import Joi from 'joi';
import { defineEvent } from '../../catalog/event-definition';
import { TOPICS } from '../../catalog/topics';
import { anomaliesSchema, centsSchema, entityIdSchema, type AnomalyFlag } from '../../schemas/common.schema';

export const PAYMENT_TYPES = ['credit_card', 'boleto', 'voucher', 'debit_card', 'not_defined'] as const;
export type PaymentType = (typeof PAYMENT_TYPES)[number];

export interface PaymentRecordedV1 {
  order_id: string;
  /** 1..n inside the order (Olist `payment_sequential`); (order_id, sequential) is unique. */
  sequential: number;
  type: PaymentType;
  /** 0..24; Olist has some credit-card payments with 0. */
  installments: number;
  value_cents: number;
  anomalies?: AnomalyFlag[];
}

export const salesPaymentRecordedV1 = defineEvent<PaymentRecordedV1, 'sales.payment.recorded'>({
  type: 'sales.payment.recorded',
  version: 1,
  topic: TOPICS.salesPayment.name,
  description:
    'A payment towards an order was recorded. An order may be paid in several parts (e.g. credit card ' +
    'plus vouchers), one event each. Zero-value and `not_defined` payments exist in Olist and are kept, ' +
    'flagged.',
  schema: Joi.object<PaymentRecordedV1, true>({
    order_id: entityIdSchema.required(),
    sequential: Joi.number()
      .integer()
      .min(1)
      .strict()
      .required()
      .description('1..n within the order (Olist `payment_sequential`); (order_id, sequential) is unique'),
    type: Joi.string()
      .valid(...PAYMENT_TYPES)
      .required(),
    installments: Joi.number()
      .integer()
      .min(0)
      .max(24)
      .strict()
      .required()
      .description('Olist has some credit-card payments with 0'),
    value_cents: centsSchema.required().description('amount of this payment'),
    anomalies: anomaliesSchema,
  }),
  key: (data) => data.order_id,
  fixtures: [
    {
      order_id: '00bdcdda88e6b02977fc6ce3d412c600',
      sequential: 1,
      type: 'credit_card',
      installments: 1,
      value_cents: 13783,
    },
    {
      order_id: '0573b5e23cbd798006520e1d5b4c6714',
      sequential: 1,
      type: 'boleto',
      installments: 1,
      value_cents: 5195,
    },
    {
      order_id: 'ea9184ad433a404df1d72fa0a8764232',
      sequential: 4,
      type: 'voucher',
      installments: 1,
      value_cents: 2249,
    },
    {
      order_id: '0ba2b0331265d38d1c6670ed6c749732',
      sequential: 1,
      type: 'credit_card',
      installments: 3,
      value_cents: 21811,
    },
  ],
});

export const SALES_PAYMENT_EVENTS = [salesPaymentRecordedV1] as const;
