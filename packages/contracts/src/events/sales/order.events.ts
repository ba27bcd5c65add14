import Joi from 'joi';
import { defineEvent } from '../../catalog/event-definition';
import { TOPICS } from '../../catalog/topics';
import {
  anomaliesSchema,
  centsSchema,
  entityIdSchema,
  timestampSchema,
  type AnomalyFlag,
} from '../../schemas/common.schema';

const topic = TOPICS.salesOrder.name;
const byOrder = (data: { order_id: string }): string => data.order_id;

export interface OrderLineV1 {
  /** Olist `order_item_id`: 1, 2, ... inside the order; a product bought twice is two lines. */
  line_number: number;
  product_id: string;
  seller_id: string;
  /** The time by which the seller must hand the line to the carrier. */
  shipping_limit_at: string;
  price_cents: number;
  freight_cents: number;
}

export interface OrderPlacedV1 {
  order_id: string;
  /** The per-order customer account (Olist `customer_id`), not the person. */
  customer_id: string;
  purchased_at: string;
  lines: OrderLineV1[];
  /** true when the order comes from the historical Olist import rather than the live API. */
  imported: boolean;
  anomalies?: AnomalyFlag[];
}

const orderLineSchema = Joi.object<OrderLineV1, true>({
  line_number: Joi.number()
    .integer()
    .min(1)
    .strict()
    .required()
    .description('Olist `order_item_id`: 1, 2, … inside the order'),
  product_id: entityIdSchema.required(),
  seller_id: entityIdSchema.required(),
  shipping_limit_at: timestampSchema
    .required()
    .description('by when the seller must hand the line to the carrier'),
  price_cents: centsSchema.required().description('item price'),
  freight_cents: centsSchema.required().description('freight charged for this line'),
});

export const salesOrderPlacedV1 = defineEvent<OrderPlacedV1, 'sales.order.placed'>({
  type: 'sales.order.placed',
  version: 1,
  topic,
  description:
    'A customer placed an order. Carries every line with its price and freight. Historical imports set ' +
    '`imported` and may carry an order without lines (anomaly `no-items`), as Olist has some.',
  schema: Joi.object<OrderPlacedV1, true>({
    order_id: entityIdSchema.required(),
    customer_id: entityIdSchema
      .required()
      .description('the per-order customer account (Olist `customer_id`), not the person'),
    purchased_at: timestampSchema.required(),
    lines: Joi.array()
      .items(orderLineSchema)
      .unique('line_number')
      .required()
      .description('one per item; a product bought twice is two lines'),
    imported: Joi.boolean()
      .strict()
      .required()
      .description('true for the historical Olist import, false for live orders'),
    anomalies: anomaliesSchema,
  }),
  key: byOrder,
  fixtures: [
    {
      order_id: '00bdcdda88e6b02977fc6ce3d412c600',
      customer_id: '45ba03e2c6bbb5dc48131ba32ec3ae5e',
      purchased_at: '2018-06-12T09:51:55-03:00',
      lines: [
        {
          line_number: 1,
          product_id: '20566af10fda4783935b8cef249fa4c3',
          seller_id: 'd921b68bf747894be13a97ae52b0f386',
          shipping_limit_at: '2018-06-14T10:21:14-03:00',
          price_cents: 11890,
          freight_cents: 1893,
        },
      ],
      imported: true,
    },
    {
      order_id: '0966b61e30c4a07edbd7523f59b3f3e4',
      customer_id: '2fcc597b8934d99715dbfff7909dd27f',
      purchased_at: '2018-05-22T18:50:55-03:00',
      lines: [
        {
          line_number: 1,
          product_id: 'd062241f27854330b57851b64d08d472',
          seller_id: '37ceb404da208418c9032f0674e57804',
          shipping_limit_at: '2018-06-18T19:17:15-03:00',
          price_cents: 6831,
          freight_cents: 2306,
        },
        {
          line_number: 2,
          product_id: 'd062241f27854330b57851b64d08d472',
          seller_id: '37ceb404da208418c9032f0674e57804',
          shipping_limit_at: '2018-06-18T19:17:15-03:00',
          price_cents: 6831,
          freight_cents: 2306,
        },
        {
          line_number: 3,
          product_id: 'd062241f27854330b57851b64d08d472',
          seller_id: '37ceb404da208418c9032f0674e57804',
          shipping_limit_at: '2018-06-18T19:17:15-03:00',
          price_cents: 6831,
          freight_cents: 2306,
        },
      ],
      imported: true,
    },
    {
      order_id: '00b1cb0320190ca0daa2c88b35206009',
      customer_id: '3532ba38a3fd242259a514ac2b6ae6b6',
      purchased_at: '2018-08-28T15:26:39-03:00',
      lines: [],
      imported: true,
      anomalies: ['no-items'],
    },
  ],
});

/*
 * Status changes. Each carries the time of the fact in its data (the envelope `time` is the same
 * instant). Olist gives no time for some of them (invoiced, processing, canceled, unavailable): an
 * import then derives the best-known time and flags it `time-estimated`.
 */

export interface OrderApprovedV1 {
  order_id: string;
  /** Payment approval. */
  approved_at: string;
  anomalies?: AnomalyFlag[];
}

export const salesOrderApprovedV1 = defineEvent<OrderApprovedV1, 'sales.order.approved'>({
  type: 'sales.order.approved',
  version: 1,
  topic,
  description: 'The payment of the order was approved.',
  schema: Joi.object<OrderApprovedV1, true>({
    order_id: entityIdSchema.required(),
    approved_at: timestampSchema.required().description('payment approval'),
    anomalies: anomaliesSchema,
  }),
  key: byOrder,
  fixtures: [
    { order_id: '00bdcdda88e6b02977fc6ce3d412c600', approved_at: '2018-06-12T10:21:14-03:00' },
    // Brazilian summer time: São Paulo was at -02:00 from 2017-10-15 to 2018-02-17.
    { order_id: '2c3a5e5f5bc3ae78ed5748461e62d47d', approved_at: '2018-01-22T19:36:30-02:00' },
  ],
});

export interface OrderInvoicedV1 {
  order_id: string;
  invoiced_at: string;
  anomalies?: AnomalyFlag[];
}

export const salesOrderInvoicedV1 = defineEvent<OrderInvoicedV1, 'sales.order.invoiced'>({
  type: 'sales.order.invoiced',
  version: 1,
  topic,
  description:
    'The invoice (nota fiscal) of the order was issued. Olist has no invoice time: imports use the ' +
    'approval time and flag `time-estimated`.',
  schema: Joi.object<OrderInvoicedV1, true>({
    order_id: entityIdSchema.required(),
    invoiced_at: timestampSchema.required().description('issue of the invoice (nota fiscal)'),
    anomalies: anomaliesSchema,
  }),
  key: byOrder,
  fixtures: [
    {
      order_id: '136cce7faa42fdb2cefd53fdc79a6098',
      invoiced_at: '2017-04-13T13:25:17-03:00',
      anomalies: ['time-estimated'],
    },
    {
      order_id: '0760a852e4e9d89eb77bf631eaaf1c84',
      invoiced_at: '2018-08-07T06:15:14-03:00',
      anomalies: ['time-estimated'],
    },
  ],
});

export interface OrderProcessingStartedV1 {
  order_id: string;
  started_at: string;
  anomalies?: AnomalyFlag[];
}

export const salesOrderProcessingStartedV1 = defineEvent<
  OrderProcessingStartedV1,
  'sales.order.processing-started'
>({
  type: 'sales.order.processing-started',
  version: 1,
  topic,
  description:
    'The sellers started preparing the order. Olist has no time for it: imports use the approval time ' +
    'and flag `time-estimated`.',
  schema: Joi.object<OrderProcessingStartedV1, true>({
    order_id: entityIdSchema.required(),
    started_at: timestampSchema.required().description('the sellers started preparing the order'),
    anomalies: anomaliesSchema,
  }),
  key: byOrder,
  fixtures: [
    {
      order_id: '15bed8e2fec7fdbadb186b57c46c92f2',
      started_at: '2017-09-03T14:30:09-03:00',
      anomalies: ['time-estimated'],
    },
    {
      order_id: 'd3c8851a6651eeff2f73b0e011ac45d0',
      started_at: '2016-10-06T15:51:05-03:00',
      anomalies: ['time-estimated'],
    },
  ],
});

export interface OrderShippedV1 {
  order_id: string;
  /** Hand-off to the carrier (Olist `order_delivered_carrier_date`). */
  shipped_at: string;
  anomalies?: AnomalyFlag[];
}

export const salesOrderShippedV1 = defineEvent<OrderShippedV1, 'sales.order.shipped'>({
  type: 'sales.order.shipped',
  version: 1,
  topic,
  description: 'The order was handed to the carrier.',
  schema: Joi.object<OrderShippedV1, true>({
    order_id: entityIdSchema.required(),
    shipped_at: timestampSchema
      .required()
      .description('hand-off to the carrier (Olist `order_delivered_carrier_date`)'),
    anomalies: anomaliesSchema,
  }),
  key: byOrder,
  fixtures: [
    { order_id: '00bdcdda88e6b02977fc6ce3d412c600', shipped_at: '2018-06-12T14:10:00-03:00' },
    {
      order_id: 'dcb36b511fcac050b97cd5c05de84dc3',
      shipped_at: '2018-06-11T14:54:00-03:00',
      anomalies: ['carrier-before-approval'],
    },
  ],
});

export interface OrderDeliveredV1 {
  order_id: string;
  delivered_at: string;
  anomalies?: AnomalyFlag[];
}

export const salesOrderDeliveredV1 = defineEvent<OrderDeliveredV1, 'sales.order.delivered'>({
  type: 'sales.order.delivered',
  version: 1,
  topic,
  description:
    'The customer received the order. An Olist order marked delivered without a date is imported with ' +
    'the carrier hand-off time and flags `delivered-without-date` and `time-estimated`.',
  schema: Joi.object<OrderDeliveredV1, true>({
    order_id: entityIdSchema.required(),
    delivered_at: timestampSchema
      .required()
      .description('receipt by the customer (Olist `order_delivered_customer_date`)'),
    anomalies: anomaliesSchema,
  }),
  key: byOrder,
  fixtures: [
    { order_id: 'e481f51cbdc54678b7cc49136f2d6af7', delivered_at: '2017-10-10T21:25:13-03:00' },
    {
      order_id: '2d1e2d5bf4dc7227b3bfebb81328c15f',
      delivered_at: '2017-11-30T18:12:23-02:00',
      anomalies: ['delivered-without-date', 'time-estimated'],
    },
  ],
});

export interface OrderCanceledV1 {
  order_id: string;
  canceled_at: string;
  /** Free text, when known. */
  reason?: string;
  anomalies?: AnomalyFlag[];
}

export const salesOrderCanceledV1 = defineEvent<OrderCanceledV1, 'sales.order.canceled'>({
  type: 'sales.order.canceled',
  version: 1,
  topic,
  description:
    'The order was canceled. Olist has no cancellation time: imports use the latest known time of the ' +
    'order and flag `time-estimated`.',
  schema: Joi.object<OrderCanceledV1, true>({
    order_id: entityIdSchema.required(),
    canceled_at: timestampSchema.required(),
    reason: Joi.string().min(1).max(500).description('free text, when known'),
    anomalies: anomaliesSchema,
  }),
  key: byOrder,
  fixtures: [
    {
      order_id: '0966b61e30c4a07edbd7523f59b3f3e4',
      canceled_at: '2018-05-22T19:17:15-03:00',
      anomalies: ['time-estimated'],
    },
    {
      order_id: '1950d777989f6a877539f53795b4c3c3',
      canceled_at: '2018-03-21T22:03:51-03:00',
      anomalies: ['time-estimated', 'canceled-after-delivery'],
    },
  ],
});

export interface OrderUnavailableV1 {
  order_id: string;
  unavailable_at: string;
  reason?: string;
  anomalies?: AnomalyFlag[];
}

export const salesOrderUnavailableV1 = defineEvent<OrderUnavailableV1, 'sales.order.unavailable'>({
  type: 'sales.order.unavailable',
  version: 1,
  topic,
  description:
    'The order cannot be fulfilled (the products are unavailable). Olist has no time for it: imports use ' +
    'the latest known time of the order and flag `time-estimated`.',
  schema: Joi.object<OrderUnavailableV1, true>({
    order_id: entityIdSchema.required(),
    unavailable_at: timestampSchema.required(),
    reason: Joi.string().min(1).max(500).description('free text, when known'),
    anomalies: anomaliesSchema,
  }),
  key: byOrder,
  fixtures: [
    {
      order_id: '0130f0f71fb0e831d18e6a3b33a3a50c',
      unavailable_at: '2017-05-13T03:10:13-03:00',
      anomalies: ['time-estimated'],
    },
    {
      order_id: '6ad57aecbae806a7e9cc2cdb6b380711',
      unavailable_at: '2017-11-30T08:14:42-02:00',
      anomalies: ['time-estimated'],
    },
  ],
});

export const SALES_ORDER_EVENTS = [
  salesOrderPlacedV1,
  salesOrderApprovedV1,
  salesOrderInvoicedV1,
  salesOrderProcessingStartedV1,
  salesOrderShippedV1,
  salesOrderDeliveredV1,
  salesOrderCanceledV1,
  salesOrderUnavailableV1,
] as const;
