import {
  createEnvelope,
  type EnvelopeMeta,
  type EventEnvelope,
  salesOrderApprovedV1,
  salesOrderCanceledV1,
  salesOrderDeliveredV1,
  salesOrderInvoicedV1,
  salesOrderPlacedV1,
  salesOrderProcessingStartedV1,
  salesOrderShippedV1,
  salesOrderUnavailableV1,
  salesPaymentRecordedV1,
} from '@mercado/contracts';
import { type EnvelopeFactory } from '@mercado/messaging';
import { type OrderAnomaly } from '../../domain/order/order-anomaly';
import { type OrderDomainEvent } from '../../domain/order/order.events';
import { instantToSaoPauloIso } from '../../domain/time/sao-paulo-time';

export const SALES_EVENT_SOURCE = '/mercado/sales';

/** Flags the contract already names differently; the others are the code in kebab-case. */
const CONTRACT_FLAGS: Partial<Record<OrderAnomaly, string>> = {
  NO_LINES: 'no-items',
  DELIVERY_TIME_MISSING: 'delivered-without-date',
};

/** The anomalies each status event repeats, because they are about that step. */
const STEP_ANOMALIES: Record<string, readonly OrderAnomaly[]> = {
  OrderApproved: ['APPROVAL_TIME_MISSING', 'APPROVED_BEFORE_PURCHASE'],
  OrderShipped: ['CARRIER_TIME_MISSING', 'CARRIER_BEFORE_PURCHASE', 'CARRIER_BEFORE_APPROVAL'],
  OrderDelivered: ['DELIVERY_TIME_MISSING', 'DELIVERED_BEFORE_PURCHASE', 'DELIVERED_BEFORE_APPROVAL', 'DELIVERED_BEFORE_CARRIER'],
  OrderCanceled: ['CANCELED_AFTER_SHIPPING', 'CANCELED_AFTER_DELIVERY'],
  OrderMarkedUnavailable: ['UNAVAILABLE_AFTER_SHIPPING'],
};

export function anomalyFlag(anomaly: OrderAnomaly): string {
  return CONTRACT_FLAGS[anomaly] ?? anomaly.toLowerCase().replace(/_/g, '-');
}

/**
 * Maps the Order's domain events to the published integration events (sales.order.* and
 * sales.payment.recorded v1), in order. Instants are written with the São Paulo offset of the day;
 * money in cents. An imported order's anomalies go on its OrderPlaced, and each status event repeats
 * those about its own step (an imported order's events always travel together, OrderPlaced first).
 * A derived time is flagged `time-estimated`.
 */
export function toIntegrationEvents(events: readonly OrderDomainEvent[], envelope: EnvelopeFactory = createEnvelope): EventEnvelope[] {
  const anomaliesOf = new Map<string, readonly OrderAnomaly[]>();
  return events.map((event) => {
    const at = instantToSaoPauloIso(event.occurredAt);
    const meta: EnvelopeMeta = { source: SALES_EVENT_SOURCE, time: at, subject: event.orderId };
    const order_id = event.orderId;
    if (event.type === 'OrderPlaced') {
      anomaliesOf.set(order_id, event.anomalies);
      return envelope(
        salesOrderPlacedV1,
        {
          order_id,
          customer_id: event.customerId,
          purchased_at: instantToSaoPauloIso(event.purchasedAt),
          lines: event.lines.map((line) => ({
            line_number: line.lineNumber,
            product_id: line.productId,
            seller_id: line.sellerId,
            shipping_limit_at: instantToSaoPauloIso(line.shippingLimitAt),
            price_cents: line.price.cents,
            freight_cents: line.freight.cents,
          })),
          imported: event.origin === 'import',
          ...flags(event.anomalies.map(anomalyFlag)),
        },
        meta,
      );
    }
    if (event.type === 'PaymentRecorded') {
      const { payment } = event;
      return envelope(
        salesPaymentRecordedV1,
        {
          order_id,
          sequential: payment.sequential,
          type: payment.type,
          installments: payment.installments,
          value_cents: payment.value.cents,
          ...flags([
            ...(payment.value.isZero() ? ['zero-value-payment'] : []),
            ...(payment.type === 'not_defined' ? ['payment-type-not-defined'] : []),
          ]),
        },
        meta,
      );
    }
    const known = anomaliesOf.get(order_id) ?? [];
    const stepFlags = flags([
      ...(event.timeDerived ? ['time-estimated'] : []),
      ...known.filter((anomaly) => STEP_ANOMALIES[event.type]?.includes(anomaly)).map(anomalyFlag),
    ]);
    switch (event.type) {
      case 'OrderApproved':
        return envelope(salesOrderApprovedV1, { order_id, approved_at: at, ...stepFlags }, meta);
      case 'OrderInvoiced':
        return envelope(salesOrderInvoicedV1, { order_id, invoiced_at: at, ...stepFlags }, meta);
      case 'OrderProcessingStarted':
        return envelope(salesOrderProcessingStartedV1, { order_id, started_at: at, ...stepFlags }, meta);
      case 'OrderShipped':
        return envelope(salesOrderShippedV1, { order_id, shipped_at: at, ...stepFlags }, meta);
      case 'OrderDelivered':
        return envelope(salesOrderDeliveredV1, { order_id, delivered_at: at, ...stepFlags }, meta);
      case 'OrderCanceled':
        return envelope(
          salesOrderCanceledV1,
          { order_id, canceled_at: at, ...(event.reason ? { reason: event.reason } : {}), ...stepFlags },
          meta,
        );
      case 'OrderMarkedUnavailable':
        return envelope(salesOrderUnavailableV1, { order_id, unavailable_at: at, ...stepFlags }, meta);
    }
  });
}

/** `anomalies` is omitted when empty (optional fields are absent, never empty). */
function flags(list: readonly string[]): { anomalies?: string[] } {
  return list.length > 0 ? { anomalies: [...new Set(list)] } : {};
}
