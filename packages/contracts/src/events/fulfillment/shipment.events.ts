import Joi from 'joi';
import { defineEvent } from '../../catalog/event-definition';
import { TOPICS } from '../../catalog/topics';
import { at } from '../../schemas/custom-rule';
import {
  anomaliesSchema,
  businessDateOf,
  dateSchema,
  daysBetween,
  entityIdSchema,
  timestampSchema,
  type AnomalyFlag,
} from '../../schemas/common.schema';

const topic = TOPICS.fulfillmentShipment.name;
const byOrder = (data: { order_id: string }): string => data.order_id;

export interface SellerShippingLimitV1 {
  seller_id: string;
  /** The latest shipping_limit_at of that seller's lines. */
  shipping_limit_at: string;
}

export interface ShipmentCreatedV1 {
  order_id: string;
  /**
   * The per-order customer account; null (or absent) when fulfillment opened the shipment before the
   * order's placement reached it.
   */
  customer_id?: string | null;
  /** The date promised to the customer (Olist `order_estimated_delivery_date`). */
  estimated_delivery_date: string;
  /**
   * One entry per seller of the order; empty when the order's lines are not known yet (they follow in
   * fulfillment.shipment.seller-limits-recorded).
   */
  seller_shipping_limits: SellerShippingLimitV1[];
}

const sellerShippingLimitSchema = Joi.object<SellerShippingLimitV1, true>({
  seller_id: entityIdSchema.required(),
  shipping_limit_at: timestampSchema.required().description("the latest limit of that seller's lines"),
});

export const fulfillmentShipmentCreatedV1 = defineEvent<ShipmentCreatedV1, 'fulfillment.shipment.created'>({
  type: 'fulfillment.shipment.created',
  version: 1,
  topic,
  description:
    'Fulfillment opened the shipment of an approved order, with the delivery date promised to the ' +
    'customer and, per seller, the time by which they must hand their lines to the carrier. A shipment ' +
    "opened before the order's placement reached fulfillment (imported from Olist's orders file first, " +
    'or opened on an approval that overtook the placement) may have no customer_id and no seller limits ' +
    'yet: they follow in fulfillment.shipment.seller-limits-recorded.',
  schema: Joi.object<ShipmentCreatedV1, true>({
    order_id: entityIdSchema.required(),
    customer_id: entityIdSchema
      .allow(null)
      .description("the per-order customer account; null when the order's placement is not known yet"),
    estimated_delivery_date: dateSchema
      .required()
      .description('the date promised to the customer (Olist `order_estimated_delivery_date`)'),
    seller_shipping_limits: Joi.array()
      .items(sellerShippingLimitSchema)
      .unique('seller_id')
      .required()
      .description("one per seller of the order; empty while the order's lines are not known"),
  }),
  key: byOrder,
  fixtures: [
    {
      order_id: '00bdcdda88e6b02977fc6ce3d412c600',
      customer_id: '45ba03e2c6bbb5dc48131ba32ec3ae5e',
      estimated_delivery_date: '2018-07-24',
      seller_shipping_limits: [
        { seller_id: 'd921b68bf747894be13a97ae52b0f386', shipping_limit_at: '2018-06-14T10:21:14-03:00' },
      ],
    },
    {
      order_id: '0ba2b0331265d38d1c6670ed6c749732',
      customer_id: 'f15f5e1d8a0248d9b6552b4d39122bdd',
      estimated_delivery_date: '2017-09-11',
      seller_shipping_limits: [
        { seller_id: '37be5a7c751166fbc5f8ccba4119e043', shipping_limit_at: '2017-08-27T22:45:18-03:00' },
      ],
    },
    // Imported from the orders file before the order's placement reached fulfillment.
    {
      order_id: 'e481f51cbdc54678b7cc49136f2d6af7',
      customer_id: '9ef432eb6251297304e76186b10a928d',
      estimated_delivery_date: '2017-10-18',
      seller_shipping_limits: [],
    },
    // Opened on an approval whose placement had not reached fulfillment.
    {
      order_id: '53cdb2fc8bc7dce0b6741e2150273451',
      customer_id: null,
      estimated_delivery_date: '2018-08-13',
      seller_shipping_limits: [],
    },
  ],
});

export interface ShipmentSellerLimitsRecordedV1 {
  order_id: string;
  /** The per-order customer account, when the placement names it. */
  customer_id?: string;
  /** One entry per seller of the order. */
  seller_shipping_limits: SellerShippingLimitV1[];
}

export const fulfillmentShipmentSellerLimitsRecordedV1 = defineEvent<
  ShipmentSellerLimitsRecordedV1,
  'fulfillment.shipment.seller-limits-recorded'
>({
  type: 'fulfillment.shipment.seller-limits-recorded',
  version: 1,
  topic,
  description:
    "The order's lines reached fulfillment after its shipment was opened (the shipment was imported " +
    "from Olist's orders file, or opened on an approval, before the placement): per seller, the time " +
    'by which they must hand their lines to the carrier.',
  schema: Joi.object<ShipmentSellerLimitsRecordedV1, true>({
    order_id: entityIdSchema.required(),
    customer_id: entityIdSchema.description('the per-order customer account (Olist `customer_id`)'),
    seller_shipping_limits: Joi.array()
      .items(sellerShippingLimitSchema)
      .min(1)
      .unique('seller_id')
      .required()
      .description('one per seller of the order'),
  }),
  key: byOrder,
  fixtures: [
    {
      order_id: 'e481f51cbdc54678b7cc49136f2d6af7',
      customer_id: '9ef432eb6251297304e76186b10a928d',
      seller_shipping_limits: [
        { seller_id: '3504c0cb71d7fa48d967e0e4c94d59d9', shipping_limit_at: '2017-10-06T11:07:15-03:00' },
      ],
    },
    {
      order_id: '0966b61e30c4a07edbd7523f59b3f3e4',
      seller_shipping_limits: [
        { seller_id: '37ceb404da208418c9032f0674e57804', shipping_limit_at: '2018-06-18T19:17:15-03:00' },
      ],
    },
  ],
});

export interface ShipmentDispatchedV1 {
  order_id: string;
  /** Hand-off to the carrier. */
  dispatched_at: string;
  anomalies?: AnomalyFlag[];
}

export const fulfillmentShipmentDispatchedV1 = defineEvent<
  ShipmentDispatchedV1,
  'fulfillment.shipment.dispatched'
>({
  type: 'fulfillment.shipment.dispatched',
  version: 1,
  topic,
  description: 'The shipment was handed to the carrier (Olist `order_delivered_carrier_date`).',
  schema: Joi.object<ShipmentDispatchedV1, true>({
    order_id: entityIdSchema.required(),
    dispatched_at: timestampSchema.required().description('hand-off to the carrier'),
    anomalies: anomaliesSchema,
  }),
  key: byOrder,
  fixtures: [
    { order_id: '00bdcdda88e6b02977fc6ce3d412c600', dispatched_at: '2018-06-12T14:10:00-03:00' },
    { order_id: '2c3a5e5f5bc3ae78ed5748461e62d47d', dispatched_at: '2018-01-24T00:34:56-02:00' },
    {
      order_id: '688052146432ef8253587b930b01a06d',
      dispatched_at: '2018-04-23T19:19:14-03:00',
      anomalies: ['carrier-before-approval'],
    },
  ],
});

export interface ShipmentDeliveredV1 {
  order_id: string;
  delivered_at: string;
  estimated_delivery_date: string;
  /** days_late <= 0. */
  on_time: boolean;
  /**
   * Calendar days from the estimated date to the delivery date in America/Sao_Paulo; negative when
   * early, 0 when delivered on the promised day.
   */
  days_late: number;
  anomalies?: AnomalyFlag[];
}

/** The lateness figures of a delivery, by the contract's rule (calendar days in America/Sao_Paulo). */
export function deliveryLateness(
  deliveredAt: string | Date,
  estimatedDeliveryDate: string,
): Pick<ShipmentDeliveredV1, 'on_time' | 'days_late'> {
  const days = daysBetween(estimatedDeliveryDate, businessDateOf(deliveredAt));
  return { on_time: days <= 0, days_late: days };
}

export const fulfillmentShipmentDeliveredV1 = defineEvent<
  ShipmentDeliveredV1,
  'fulfillment.shipment.delivered'
>({
  type: 'fulfillment.shipment.delivered',
  version: 1,
  topic,
  description:
    'The carrier delivered the shipment. `days_late` counts calendar days in America/Sao_Paulo from the ' +
    'promised date to the delivery date (negative = early); `on_time` is `days_late <= 0`. Both are ' +
    'checked against delivered_at and estimated_delivery_date (use deliveryLateness()).',
  schema: Joi.object<ShipmentDeliveredV1, true>({
    order_id: entityIdSchema.required(),
    delivered_at: timestampSchema.required(),
    estimated_delivery_date: dateSchema
      .required()
      .description('the date promised to the customer (Olist `order_estimated_delivery_date`)'),
    on_time: Joi.boolean().strict().required().description('`days_late <= 0`'),
    days_late: Joi.number()
      .integer()
      .strict()
      .required()
      .description('calendar days (America/Sao_Paulo) from the promised date to delivery; negative = early'),
    anomalies: anomaliesSchema,
  })
    .custom((value: ShipmentDeliveredV1, helpers) => {
      const expected = deliveryLateness(value.delivered_at, value.estimated_delivery_date);
      if (value.days_late !== expected.days_late) {
        return helpers.error('lateness.days', { expected: expected.days_late }, at(helpers, 'days_late'));
      }
      if (value.on_time !== expected.on_time) {
        return helpers.error('lateness.onTime', { expected: expected.on_time }, at(helpers, 'on_time'));
      }
      return value;
    })
    .messages({
      'lateness.days':
        '{{#label}} must be {{#expected}} (delivered_at vs estimated_delivery_date, America/Sao_Paulo)',
      'lateness.onTime': '{{#label}} must be {{#expected}} (days_late <= 0)',
    }),
  key: byOrder,
  fixtures: [
    {
      order_id: '00bdcdda88e6b02977fc6ce3d412c600',
      delivered_at: '2018-06-18T18:20:48-03:00',
      estimated_delivery_date: '2018-07-24',
      on_time: true,
      days_late: -36,
    },
    {
      order_id: '4906eeadde5f70b308c20c4a8f20be02',
      delivered_at: '2018-01-09T18:04:58-02:00',
      estimated_delivery_date: '2018-01-03',
      on_time: false,
      days_late: 6,
    },
    {
      order_id: '2c3a5e5f5bc3ae78ed5748461e62d47d',
      delivered_at: '2018-02-06T15:49:01-02:00',
      estimated_delivery_date: '2018-02-06',
      on_time: true,
      days_late: 0,
    },
  ],
});

export const FULFILLMENT_SHIPMENT_EVENTS = [
  fulfillmentShipmentCreatedV1,
  fulfillmentShipmentSellerLimitsRecordedV1,
  fulfillmentShipmentDispatchedV1,
  fulfillmentShipmentDeliveredV1,
] as const;
