/**
 * The closed list of oddities an imported shipment history may show. An imported shipment is never
 * refused for them: the facts are kept as recorded and the oddity is flagged (docs/domain/fulfillment.md).
 */
export const SHIPMENT_ANOMALIES = [
  // The order has no approval time although it has a shipment history.
  'APPROVAL_TIME_MISSING',
  // Recorded times out of order.
  'CARRIER_BEFORE_PURCHASE',
  'CARRIER_BEFORE_APPROVAL',
  'DELIVERED_BEFORE_PURCHASE',
  'DELIVERED_BEFORE_APPROVAL',
  'DELIVERED_BEFORE_CARRIER',
  // A delivery without a carrier hand-off, or a delivered order without a delivery time.
  'DELIVERED_WITHOUT_CARRIER_DATE',
  'DELIVERY_TIME_MISSING',
  // The promised date is earlier than the purchase date.
  'ESTIMATE_BEFORE_PURCHASE',
  // The order was canceled (or found unavailable) although the shipment had moved on.
  'CANCELED_AFTER_DISPATCH',
  'CANCELED_AFTER_DELIVERY',
] as const;

export type ShipmentAnomaly = (typeof SHIPMENT_ANOMALIES)[number];

export function isShipmentAnomaly(value: unknown): value is ShipmentAnomaly {
  return typeof value === 'string' && (SHIPMENT_ANOMALIES as readonly string[]).includes(value);
}
