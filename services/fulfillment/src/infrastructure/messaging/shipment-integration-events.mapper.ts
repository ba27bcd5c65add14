import {
  type AnyEventDefinition,
  fulfillmentShipmentCreatedV1,
  fulfillmentShipmentDeliveredV1,
  fulfillmentShipmentDispatchedV1,
  fulfillmentShipmentSellerLimitsRecordedV1,
  type SellerShippingLimitV1,
} from '@mercado/contracts';
import { type SellerShippingLimit } from '../../domain/shipment/seller-shipping-limit.value-object';
import { type ShipmentAnomaly } from '../../domain/shipment/shipment-anomaly';
import { type ShipmentDomainEvent } from '../../domain/shipment/shipment.events';
import { toSaoPauloIso } from './sao-paulo-iso';

/** One integration event to publish: its contract, its data, and when the fact happened. */
export interface IntegrationEvent {
  definition: AnyEventDefinition;
  data: object;
  time: Date;
}

/**
 * The contract's open vocabulary of anomaly flags is kebab-case; the domain's names map word for word,
 * except where the vocabulary already has a word for the same fact.
 */
const ANOMALY_WORDS: Partial<Record<ShipmentAnomaly, string>> = {
  DELIVERY_TIME_MISSING: 'delivered-without-date',
};

export function anomalyFlag(anomaly: ShipmentAnomaly): string {
  return ANOMALY_WORDS[anomaly] ?? anomaly.toLowerCase().replace(/_/g, '-');
}

function anomaliesOf(anomalies: readonly ShipmentAnomaly[]): { anomalies?: string[] } {
  return anomalies.length === 0 ? {} : { anomalies: anomalies.map(anomalyFlag) };
}

function limitsOf(limits: readonly SellerShippingLimit[]): SellerShippingLimitV1[] {
  return limits.map((limit) => ({
    seller_id: limit.sellerId,
    shipping_limit_at: toSaoPauloIso(limit.shippingLimitAt),
  }));
}

/**
 * The published form of a domain event (fulfillment.shipment.*), or none:
 * - ShipmentCanceled has no contract event (the order's cancellation is sales.order.canceled /
 *   unavailable, which consumers already receive);
 * - ShipmentSellerLimitsRecorded without limits (a placement without lines) has nothing to tell.
 */
export function toIntegrationEvents(event: ShipmentDomainEvent): IntegrationEvent[] {
  switch (event.type) {
    case 'ShipmentCreated':
      return [
        {
          definition: fulfillmentShipmentCreatedV1,
          time: event.occurredAt,
          data: {
            order_id: event.orderId,
            customer_id: event.customerId,
            estimated_delivery_date: event.estimatedDeliveryDate,
            seller_shipping_limits: limitsOf(event.sellerShippingLimits),
          },
        },
      ];
    case 'ShipmentSellerLimitsRecorded':
      if (event.sellerShippingLimits.length === 0) return [];
      return [
        {
          definition: fulfillmentShipmentSellerLimitsRecordedV1,
          time: event.occurredAt,
          data: {
            order_id: event.orderId,
            ...(event.customerId === null ? {} : { customer_id: event.customerId }),
            seller_shipping_limits: limitsOf(event.sellerShippingLimits),
          },
        },
      ];
    case 'ShipmentDispatched':
      return [
        {
          definition: fulfillmentShipmentDispatchedV1,
          time: event.occurredAt,
          data: {
            order_id: event.orderId,
            dispatched_at: toSaoPauloIso(event.dispatchedAt),
            ...anomaliesOf(event.anomalies),
          },
        },
      ];
    case 'ShipmentDelivered':
      return [
        {
          definition: fulfillmentShipmentDeliveredV1,
          time: event.occurredAt,
          data: {
            order_id: event.orderId,
            delivered_at: toSaoPauloIso(event.deliveredAt),
            estimated_delivery_date: event.estimatedDeliveryDate,
            on_time: event.onTime,
            days_late: event.daysLate,
            ...anomaliesOf(event.anomalies),
          },
        },
      ];
    case 'ShipmentCanceled':
      return [];
  }
}
