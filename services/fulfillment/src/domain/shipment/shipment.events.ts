import { type DeliveryLateness } from './delivery-lateness';
import { type SellerShippingLimit } from './seller-shipping-limit.value-object';
import { type ShipmentAnomaly } from './shipment-anomaly';
import { type EstimateSource, type ShipmentOrigin } from './shipment-status';

interface ShipmentEventBase {
  orderId: string;
  /** When the fact happened (for imports: the recorded time). */
  occurredAt: Date;
  origin: ShipmentOrigin;
  anomalies: readonly ShipmentAnomaly[];
}

export interface ShipmentCreated extends ShipmentEventBase {
  type: 'ShipmentCreated';
  customerId: string | null;
  /** `YYYY-MM-DD`. */
  estimatedDeliveryDate: string;
  estimateSource: EstimateSource;
  /** Empty when the order's lines are not known yet (see ShipmentSellerLimitsRecorded). */
  sellerShippingLimits: readonly SellerShippingLimit[];
}

/** The order's lines reached fulfillment after the shipment was opened (e.g. after an import). */
export interface ShipmentSellerLimitsRecorded extends ShipmentEventBase {
  type: 'ShipmentSellerLimitsRecorded';
  customerId: string | null;
  sellerShippingLimits: readonly SellerShippingLimit[];
}

export interface ShipmentDispatched extends ShipmentEventBase {
  type: 'ShipmentDispatched';
  dispatchedAt: Date;
}

export interface ShipmentDelivered extends ShipmentEventBase, DeliveryLateness {
  type: 'ShipmentDelivered';
  deliveredAt: Date;
  /** `YYYY-MM-DD`: the date the lateness was measured against. */
  estimatedDeliveryDate: string;
}

export interface ShipmentCanceled extends ShipmentEventBase {
  type: 'ShipmentCanceled';
  /** null for an imported cancellation: Olist records no time for it (occurredAt is then the latest known time). */
  canceledAt: Date | null;
  reason: string | null;
}

export type ShipmentDomainEvent =
  ShipmentCreated | ShipmentSellerLimitsRecorded | ShipmentDispatched | ShipmentDelivered | ShipmentCanceled;

export type ShipmentDomainEventType = ShipmentDomainEvent['type'];
