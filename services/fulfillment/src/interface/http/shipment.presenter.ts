import { type OverdueShipment } from '../../application/queries/list-overdue-shipments/list-overdue-shipments.handler';
import { type ShipmentSnapshot } from '../../domain/shipment/shipment.aggregate';
import { toSaoPauloIso, toSaoPauloIsoOrNull } from '../../infrastructure/messaging/sao-paulo-iso';

/** A shipment as the API shows it: snake_case like the contracts, instants with São Paulo's offset. */
export function shipmentView(shipment: ShipmentSnapshot) {
  return {
    order_id: shipment.orderId,
    customer_id: shipment.customerId,
    status: shipment.status,
    origin: shipment.origin,
    purchased_at: toSaoPauloIsoOrNull(shipment.purchasedAt),
    approved_at: toSaoPauloIsoOrNull(shipment.approvedAt),
    created_at: toSaoPauloIso(shipment.createdAt),
    estimated_delivery_date: shipment.estimatedDeliveryDate,
    estimate_source: shipment.estimateSource,
    seller_shipping_limits: shipment.sellerShippingLimits.map((limit) => ({
      seller_id: limit.sellerId,
      shipping_limit_at: toSaoPauloIso(limit.shippingLimitAt),
      line_numbers: [...limit.lineNumbers],
    })),
    dispatched_at: toSaoPauloIsoOrNull(shipment.dispatchedAt),
    delivered_at: toSaoPauloIsoOrNull(shipment.deliveredAt),
    canceled_at: toSaoPauloIsoOrNull(shipment.canceledAt),
    cancel_reason: shipment.cancelReason,
    days_late: shipment.lateness?.daysLate ?? null,
    on_time: shipment.lateness?.onTime ?? null,
    anomalies: [...shipment.anomalies],
    version: shipment.version,
  };
}

export function overdueShipmentView(shipment: OverdueShipment) {
  return { ...shipmentView(shipment), days_overdue: shipment.daysOverdue };
}
