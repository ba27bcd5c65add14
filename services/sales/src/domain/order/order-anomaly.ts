/**
 * The closed list of oddities an imported Olist order may show. An imported order is never refused
 * for them: they are kept on the order as flags (see docs/domain/sales.md for each one's meaning).
 */
export const ORDER_ANOMALIES = [
  // A milestone time the final status implies is missing; the time was derived.
  'APPROVAL_TIME_MISSING',
  'CARRIER_TIME_MISSING',
  'DELIVERY_TIME_MISSING',
  // Recorded milestone times out of order (the later-named milestone earlier than the other).
  'APPROVED_BEFORE_PURCHASE',
  'CARRIER_BEFORE_PURCHASE',
  'CARRIER_BEFORE_APPROVAL',
  'DELIVERED_BEFORE_PURCHASE',
  'DELIVERED_BEFORE_APPROVAL',
  'DELIVERED_BEFORE_CARRIER',
  // A recorded milestone the final status should not have reached.
  'CANCELED_AFTER_SHIPPING',
  'CANCELED_AFTER_DELIVERY',
  'UNAVAILABLE_AFTER_SHIPPING',
  'MILESTONE_BEYOND_STATUS',
  // Lines and payments.
  'NO_LINES',
  'LINE_NUMBER_GAP',
  'NO_PAYMENTS',
  'PAYMENT_SEQUENCE_GAP',
  'PAYMENT_TOTAL_MISMATCH',
] as const;

export type OrderAnomaly = (typeof ORDER_ANOMALIES)[number];

export function isOrderAnomaly(value: unknown): value is OrderAnomaly {
  return typeof value === 'string' && (ORDER_ANOMALIES as readonly string[]).includes(value);
}
