import { type Order } from '../../domain/order/order.aggregate';
import { type OrderAnomaly } from '../../domain/order/order-anomaly';
import { type OrderOrigin } from '../../domain/order/order.events';
import { type OrderStatus } from '../../domain/order/order-status';
import { type PaymentType } from '../../domain/order/payment.entity';
import { instantToSaoPauloIso } from '../../domain/time/sao-paulo-time';

/**
 * An order as the use cases return it: plain JSON-ready data. Instants are ISO-8601 with the
 * São Paulo offset in force (`2017-10-02T10:56:33-03:00`); amounts are decimal text ("129.90").
 */
export interface OrderView {
  orderId: string;
  customerId: string;
  status: OrderStatus;
  purchasedAt: string;
  approvedAt: string | null;
  deliveredCarrierAt: string | null;
  deliveredCustomerAt: string | null;
  estimatedDeliveryDate: string | null;
  itemsTotal: string;
  freightTotal: string;
  total: string;
  paidTotal: string;
  lines: {
    lineNumber: number;
    productId: string;
    sellerId: string;
    shippingLimitAt: string;
    price: string;
    freight: string;
  }[];
  payments: { sequential: number; type: PaymentType; installments: number; value: string }[];
  statusHistory: { status: OrderStatus; at: string; derived: boolean }[];
  anomalies: OrderAnomaly[];
  origin: OrderOrigin;
  cancellationReason: string | null;
  version: number;
}

export function toOrderView(order: Order): OrderView {
  const iso = (instant: Date | null) => (instant === null ? null : instantToSaoPauloIso(instant));
  return {
    orderId: order.id,
    customerId: order.customerId,
    status: order.status,
    purchasedAt: instantToSaoPauloIso(order.purchasedAt),
    approvedAt: iso(order.approvedAt),
    deliveredCarrierAt: iso(order.deliveredCarrierAt),
    deliveredCustomerAt: iso(order.deliveredCustomerAt),
    estimatedDeliveryDate: order.estimatedDeliveryDate,
    itemsTotal: order.itemsTotal.format(),
    freightTotal: order.freightTotal.format(),
    total: order.total.format(),
    paidTotal: order.paidTotal.format(),
    lines: order.lines.map((line) => ({
      lineNumber: line.lineNumber,
      productId: line.productId,
      sellerId: line.sellerId,
      shippingLimitAt: instantToSaoPauloIso(line.shippingLimitAt),
      price: line.price.format(),
      freight: line.freight.format(),
    })),
    payments: order.payments.map((payment) => ({
      sequential: payment.sequential,
      type: payment.type,
      installments: payment.installments,
      value: payment.value.format(),
    })),
    statusHistory: order.statusHistory.map((step) => ({
      status: step.status,
      at: instantToSaoPauloIso(step.at),
      derived: step.derived,
    })),
    anomalies: [...order.anomalies],
    origin: order.origin,
    cancellationReason: order.cancellationReason,
    version: order.version,
  };
}
