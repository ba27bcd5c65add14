import { type AnyEventDefinition } from '../catalog/event-definition';
import { SALES_ORDER_EVENTS } from './sales/order.events';
import { SALES_PAYMENT_EVENTS } from './sales/payment.events';

/** Every published (type, version). Add a definition here when you publish it; never remove one. */
export const ALL_EVENTS: readonly AnyEventDefinition[] = [...SALES_ORDER_EVENTS, ...SALES_PAYMENT_EVENTS];
