import { entityIdSchema } from '@mercado/contracts';
import Joi from 'joi';

// Olist's text forms: the domain parses them and names the column when one is wrong.
const text = Joi.string().allow('');
const optionalText = Joi.string().allow('', null);
const wholeNumber = Joi.alternatives(Joi.number().integer().min(0), Joi.string().pattern(/^\s*\d+\s*$/, 'digits'));

/**
 * One line of `POST /imports/orders`: an order of olist_orders_dataset.csv with its rows of
 * olist_order_items_dataset.csv (`items`) and olist_order_payments_dataset.csv (`payments`), with
 * Olist's column names and text values (local São Paulo times `YYYY-MM-DD HH:MM:SS`, amounts as
 * decimal text). This checks the shape and the ids; the domain judges the values.
 */
export const historicalOrderRecordSchema = Joi.object({
  order_id: entityIdSchema.required(),
  customer_id: entityIdSchema.required(),
  order_status: Joi.string().required().example('delivered'),
  order_purchase_timestamp: text.required().example('2017-10-02 10:56:33'),
  order_approved_at: optionalText,
  order_delivered_carrier_date: optionalText,
  order_delivered_customer_date: optionalText,
  order_estimated_delivery_date: optionalText.example('2017-10-18 00:00:00'),
  items: Joi.array()
    .items(
      Joi.object({
        order_item_id: wholeNumber.required(),
        product_id: entityIdSchema.required(),
        seller_id: entityIdSchema.required(),
        shipping_limit_date: text.required().example('2017-10-06 11:07:15'),
        price: text.required().example('29.99'),
        freight_value: text.required().example('8.72'),
      }),
    )
    .required(),
  payments: Joi.array()
    .items(
      Joi.object({
        payment_sequential: wholeNumber.required(),
        payment_type: Joi.string().required().example('credit_card'),
        payment_installments: wholeNumber.required(),
        payment_value: text.required().example('18.12'),
      }),
    )
    .required(),
}).description('one historical order per line (application/x-ndjson)');
