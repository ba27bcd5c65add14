import { type AnyEventDefinition } from '../catalog/event-definition';
import { CUSTOMER_CUSTOMER_EVENTS } from './customer/customer.events';
import { CUSTOMER_REVIEW_EVENTS } from './customer/review.events';
import { FULFILLMENT_SHIPMENT_EVENTS } from './fulfillment/shipment.events';
import { MARKETPLACE_PRODUCT_EVENTS } from './marketplace/product.events';
import { MARKETPLACE_SELLER_EVENTS } from './marketplace/seller.events';
import { SALES_ORDER_EVENTS } from './sales/order.events';
import { SALES_PAYMENT_EVENTS } from './sales/payment.events';

/** Every published (type, version). Add a definition here when you publish it; never remove one. */
export const ALL_EVENTS: readonly AnyEventDefinition[] = [
  ...SALES_ORDER_EVENTS,
  ...SALES_PAYMENT_EVENTS,
  ...CUSTOMER_CUSTOMER_EVENTS,
  ...CUSTOMER_REVIEW_EVENTS,
  ...FULFILLMENT_SHIPMENT_EVENTS,
  ...MARKETPLACE_PRODUCT_EVENTS,
  ...MARKETPLACE_SELLER_EVENTS,
];
