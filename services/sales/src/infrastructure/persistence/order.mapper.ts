import { Order, type OrderSnapshot } from '../../domain/order/order.aggregate';
import { type OrderStatus } from '../../domain/order/order-status';
import { type OrderOrigin } from '../../domain/order/order.events';
import { type PaymentType } from '../../domain/order/payment.entity';
import { type OrderLineOrmEntity } from './order-line.orm-entity';
import { type OrderStatusChangeOrmEntity } from './order-status-change.orm-entity';
import { type OrderOrmEntity } from './order.orm-entity';
import { type PaymentOrmEntity } from './payment.orm-entity';

/** An order as rows of its four tables (plain objects of the entities' shapes). */
export interface OrderRows {
  order: OrderOrmEntity;
  lines: OrderLineOrmEntity[];
  payments: PaymentOrmEntity[];
  steps: OrderStatusChangeOrmEntity[];
}

/**
 * Converts between the Order aggregate and its rows. The domain never sees a row; the rows carry
 * plain values (cents, instants, `YYYY-MM-DD` text) and the order's version.
 */
export const OrderMapper = {
  toRows(order: Order, version: number): OrderRows {
    const snapshot = order.toSnapshot();
    const orderId = snapshot.id;
    return {
      order: {
        orderId,
        customerId: snapshot.customerId,
        status: snapshot.status,
        purchasedAt: snapshot.purchasedAt,
        estimatedDeliveryDate: snapshot.estimatedDeliveryDate,
        approvedAt: snapshot.approvedAt,
        deliveredCarrierAt: snapshot.deliveredCarrierAt,
        deliveredCustomerAt: snapshot.deliveredCustomerAt,
        anomalies: [...snapshot.anomalies],
        origin: snapshot.origin,
        cancellationReason: snapshot.cancellationReason,
        version,
      },
      lines: snapshot.lines.map((line) => ({ orderId, ...line })),
      payments: snapshot.payments.map((payment) => ({ orderId, ...payment })),
      steps: snapshot.statusHistory.map((step, index) => ({ orderId, position: index + 1, ...step })),
    };
  },

  toDomain(rows: OrderRows): Order {
    const byPosition = [...rows.steps].sort((a, b) => a.position - b.position);
    const snapshot: OrderSnapshot = {
      id: rows.order.orderId,
      customerId: rows.order.customerId,
      status: rows.order.status as OrderStatus,
      purchasedAt: rows.order.purchasedAt,
      estimatedDeliveryDate: rows.order.estimatedDeliveryDate,
      lines: [...rows.lines]
        .sort((a, b) => a.lineNumber - b.lineNumber)
        .map((line) => ({
          lineNumber: line.lineNumber,
          productId: line.productId,
          sellerId: line.sellerId,
          shippingLimitAt: line.shippingLimitAt,
          priceCents: line.priceCents,
          freightCents: line.freightCents,
        })),
      payments: [...rows.payments]
        .sort((a, b) => a.sequential - b.sequential)
        .map((payment) => ({
          sequential: payment.sequential,
          type: payment.type as PaymentType,
          installments: payment.installments,
          valueCents: payment.valueCents,
        })),
      statusHistory: byPosition.map((step) => ({ status: step.status as OrderStatus, at: step.at, derived: step.derived })),
      approvedAt: rows.order.approvedAt,
      deliveredCarrierAt: rows.order.deliveredCarrierAt,
      deliveredCustomerAt: rows.order.deliveredCustomerAt,
      anomalies: [...rows.order.anomalies] as OrderSnapshot['anomalies'],
      origin: rows.order.origin as OrderOrigin,
      cancellationReason: rows.order.cancellationReason,
      version: rows.order.version,
    };
    return Order.restore(snapshot);
  },
};
