/**
 * Where a shipment is. A shipment is opened `awaiting_dispatch` when its order is approved, handed to
 * the carrier (`dispatched`), then `delivered`; `canceled` when its order is canceled or found
 * unavailable before delivery.
 */
export const SHIPMENT_STATUSES = ['awaiting_dispatch', 'dispatched', 'delivered', 'canceled'] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

export function isShipmentStatus(value: unknown): value is ShipmentStatus {
  return typeof value === 'string' && (SHIPMENT_STATUSES as readonly string[]).includes(value);
}

/** The live commands that move a shipment. */
export type ShipmentCommand = 'dispatch' | 'deliver' | 'cancel' | 'recordOrderLines';

/** `live`: opened by the platform (an approved order); `import`: taken from Olist's history. */
export type ShipmentOrigin = 'live' | 'import';

/**
 * Where the estimated delivery date came from: `given` by the order, computed by the delivery
 * estimate `rule` (docs/domain/fulfillment.md), or recorded in the imported history (`import`).
 */
export type EstimateSource = 'given' | 'rule' | 'import';
