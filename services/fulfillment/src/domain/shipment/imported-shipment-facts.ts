import { type CalendarDate } from '../time/calendar-date.value-object';
import { saoPauloDateOf } from '../time/sao-paulo-time';
import { type ShipmentAnomaly } from './shipment-anomaly';
import { type FactDifference } from './shipment.errors';

/** Olist's order statuses (the orders file's `order_status`). */
export const OLIST_ORDER_STATUSES = [
  'created',
  'approved',
  'invoiced',
  'processing',
  'shipped',
  'delivered',
  'canceled',
  'unavailable',
] as const;
export type OlistOrderStatus = (typeof OLIST_ORDER_STATUSES)[number];

export function isOlistOrderStatus(value: unknown): value is OlistOrderStatus {
  return typeof value === 'string' && (OLIST_ORDER_STATUSES as readonly string[]).includes(value);
}

/**
 * The shipment facts one row of Olist's orders file records, already parsed. They are history: taken
 * as recorded, never refused for being odd (the oddities become anomaly flags).
 */
export interface ImportedShipmentFacts {
  orderId: string;
  customerId: string;
  /** null when the source gives none; `canceled` and `unavailable` close the shipment. */
  orderStatus: OlistOrderStatus | null;
  purchasedAt: Date;
  approvedAt: Date | null;
  /** Olist `order_delivered_carrier_date`: the hand-off to the carrier. */
  carrierAt: Date | null;
  /** Olist `order_delivered_customer_date`. */
  deliveredAt: Date | null;
  estimatedDeliveryDate: CalendarDate;
}

export function isClosedOrderStatus(status: OlistOrderStatus | null): boolean {
  return status === 'canceled' || status === 'unavailable';
}

/** The oddities of a recorded history, in the order of SHIPMENT_ANOMALIES. */
export function historyAnomalies(facts: ImportedShipmentFacts): ShipmentAnomaly[] {
  const flags: ShipmentAnomaly[] = [];
  const { purchasedAt, approvedAt, carrierAt, deliveredAt } = facts;
  const before = (a: Date | null, b: Date | null): boolean =>
    a !== null && b !== null && a.getTime() < b.getTime();
  if (approvedAt === null) flags.push('APPROVAL_TIME_MISSING');
  if (before(carrierAt, purchasedAt)) flags.push('CARRIER_BEFORE_PURCHASE');
  if (before(carrierAt, approvedAt)) flags.push('CARRIER_BEFORE_APPROVAL');
  if (before(deliveredAt, purchasedAt)) flags.push('DELIVERED_BEFORE_PURCHASE');
  if (before(deliveredAt, approvedAt)) flags.push('DELIVERED_BEFORE_APPROVAL');
  if (before(deliveredAt, carrierAt)) flags.push('DELIVERED_BEFORE_CARRIER');
  if (deliveredAt !== null && carrierAt === null) flags.push('DELIVERED_WITHOUT_CARRIER_DATE');
  if (facts.orderStatus === 'delivered' && deliveredAt === null) flags.push('DELIVERY_TIME_MISSING');
  if (facts.estimatedDeliveryDate.isBefore(saoPauloDateOf(purchasedAt)))
    flags.push('ESTIMATE_BEFORE_PURCHASE');
  if (isClosedOrderStatus(facts.orderStatus)) {
    if (deliveredAt !== null) flags.push('CANCELED_AFTER_DELIVERY');
    else if (carrierAt !== null) flags.push('CANCELED_AFTER_DISPATCH');
  }
  return flags;
}

/** The facts on which two records of the same order differ (empty when they are the same). */
export function diffImportedFacts(
  recorded: ImportedShipmentFacts,
  incoming: ImportedShipmentFacts,
): FactDifference[] {
  const differences: FactDifference[] = [];
  const compare = (field: string, a: string | null, b: string | null) => {
    if (a !== b) differences.push({ field, recorded: a, incoming: b });
  };
  const iso = (value: Date | null) => (value === null ? null : value.toISOString());
  compare('customer_id', recorded.customerId, incoming.customerId);
  compare('order_status', recorded.orderStatus, incoming.orderStatus);
  compare('order_purchase_timestamp', iso(recorded.purchasedAt), iso(incoming.purchasedAt));
  compare('order_approved_at', iso(recorded.approvedAt), iso(incoming.approvedAt));
  compare('order_delivered_carrier_date', iso(recorded.carrierAt), iso(incoming.carrierAt));
  compare('order_delivered_customer_date', iso(recorded.deliveredAt), iso(incoming.deliveredAt));
  compare(
    'order_estimated_delivery_date',
    recorded.estimatedDeliveryDate.toString(),
    incoming.estimatedDeliveryDate.toString(),
  );
  return differences;
}
