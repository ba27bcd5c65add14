import { requireInstant, requireText } from '../shared/fulfillment-domain-error';
import { sellerShippingLimitsOf } from '../shipment/seller-shipping-limit.value-object';
import { type OrderShippingDetails } from '../shipment/shipment.aggregate';

/**
 * An order placed whose shipment does not exist yet: what fulfillment keeps of the order-placed event
 * until the approval (live orders) or the history import (imported orders) opens the shipment, which
 * then takes it over. Without it, lines that arrive first would be lost.
 */
export interface PendingOrder extends OrderShippingDetails {
  orderId: string;
  /** From the historical import (sales `imported`): its shipment comes from the orders-file import. */
  imported: boolean;
}

/** Checks a placed order's details (required ids, valid times, distinct line numbers). */
export function pendingOrder(props: PendingOrder): PendingOrder {
  requireText(props.orderId, 'order_id');
  requireText(props.customerId, 'customer_id');
  requireInstant(props.purchasedAt, 'purchased_at');
  sellerShippingLimitsOf(props.lines);
  return {
    orderId: props.orderId,
    customerId: props.customerId,
    purchasedAt: props.purchasedAt,
    imported: props.imported,
    lines: props.lines.map((line) => ({ ...line })),
  };
}
