import { type PendingOrder } from '../../domain/pending-order/pending-order';
import { isOlistOrderStatus, type OlistOrderStatus } from '../../domain/shipment/imported-shipment-facts';
import { type ShipmentSnapshot } from '../../domain/shipment/shipment.aggregate';
import { isShipmentAnomaly } from '../../domain/shipment/shipment-anomaly';
import {
  type EstimateSource,
  isShipmentStatus,
  type ShipmentOrigin,
} from '../../domain/shipment/shipment-status';
import { type PendingOrderOrmEntity } from './pending-order.orm-entity';
import { type ShipmentOrmEntity } from './shipment.orm-entity';

const iso = (value: Date | null): string | null => (value === null ? null : value.toISOString());
const instant = (value: string | null): Date | null => (value === null ? null : new Date(value));

/** A stored value the domain does not know: the database was changed behind the service's back. */
export class CorruptRowError extends Error {
  constructor(table: string, id: string, column: string, value: unknown) {
    super(`${table} ${id}: ${column} holds ${JSON.stringify(value)}, which the service does not know`);
    this.name = 'CorruptRowError';
  }
}

/** Shipment snapshot ⇄ `shipment` row. */
export const shipmentMapper = {
  toRow(snapshot: ShipmentSnapshot): ShipmentOrmEntity {
    const facts = snapshot.importedFacts;
    return {
      orderId: snapshot.orderId,
      customerId: snapshot.customerId,
      status: snapshot.status,
      origin: snapshot.origin,
      purchasedAt: snapshot.purchasedAt,
      approvedAt: snapshot.approvedAt,
      createdAt: snapshot.createdAt,
      estimatedDeliveryDate: snapshot.estimatedDeliveryDate,
      estimateSource: snapshot.estimateSource,
      sellerShippingLimits: snapshot.sellerShippingLimits.map((limit) => ({
        sellerId: limit.sellerId,
        shippingLimitAt: limit.shippingLimitAt.toISOString(),
        lineNumbers: [...limit.lineNumbers],
      })),
      dispatchedAt: snapshot.dispatchedAt,
      deliveredAt: snapshot.deliveredAt,
      canceledAt: snapshot.canceledAt,
      cancelReason: snapshot.cancelReason,
      daysLate: snapshot.lateness?.daysLate ?? null,
      onTime: snapshot.lateness?.onTime ?? null,
      anomalies: [...snapshot.anomalies],
      importedFacts: facts
        ? {
            customerId: facts.customerId,
            orderStatus: facts.orderStatus,
            purchasedAt: facts.purchasedAt.toISOString(),
            approvedAt: iso(facts.approvedAt),
            carrierAt: iso(facts.carrierAt),
            deliveredAt: iso(facts.deliveredAt),
            estimatedDeliveryDate: facts.estimatedDeliveryDate,
          }
        : null,
      version: snapshot.version,
    };
  },

  toSnapshot(row: ShipmentOrmEntity): ShipmentSnapshot {
    const corrupt = (column: string, value: unknown) =>
      new CorruptRowError('shipment', row.orderId, column, value);
    if (!isShipmentStatus(row.status)) throw corrupt('status', row.status);
    if (!['live', 'import'].includes(row.origin)) throw corrupt('origin', row.origin);
    if (!['given', 'rule', 'import'].includes(row.estimateSource))
      throw corrupt('estimate_source', row.estimateSource);
    const anomalies = row.anomalies.map((flag) => {
      if (!isShipmentAnomaly(flag)) throw corrupt('anomalies', flag);
      return flag;
    });
    const facts = row.importedFacts;
    if (facts && facts.orderStatus !== null && !isOlistOrderStatus(facts.orderStatus)) {
      throw corrupt('imported_facts.orderStatus', facts.orderStatus);
    }
    return {
      orderId: row.orderId,
      customerId: row.customerId,
      status: row.status,
      origin: row.origin as ShipmentOrigin,
      purchasedAt: row.purchasedAt,
      approvedAt: row.approvedAt,
      createdAt: row.createdAt,
      estimatedDeliveryDate: row.estimatedDeliveryDate,
      estimateSource: row.estimateSource as EstimateSource,
      sellerShippingLimits: row.sellerShippingLimits.map((limit) => ({
        sellerId: limit.sellerId,
        shippingLimitAt: new Date(limit.shippingLimitAt),
        lineNumbers: [...limit.lineNumbers],
      })),
      dispatchedAt: row.dispatchedAt,
      deliveredAt: row.deliveredAt,
      canceledAt: row.canceledAt,
      cancelReason: row.cancelReason,
      lateness:
        row.daysLate === null || row.onTime === null ? null : { daysLate: row.daysLate, onTime: row.onTime },
      anomalies,
      importedFacts: facts
        ? {
            customerId: facts.customerId,
            orderStatus: facts.orderStatus as OlistOrderStatus | null,
            purchasedAt: new Date(facts.purchasedAt),
            approvedAt: instant(facts.approvedAt),
            carrierAt: instant(facts.carrierAt),
            deliveredAt: instant(facts.deliveredAt),
            estimatedDeliveryDate: facts.estimatedDeliveryDate,
          }
        : null,
      version: row.version,
    };
  },
};

/** PendingOrder ⇄ `pending_order` row. */
export const pendingOrderMapper = {
  toRow(order: PendingOrder): PendingOrderOrmEntity {
    return {
      orderId: order.orderId,
      customerId: order.customerId,
      purchasedAt: order.purchasedAt,
      imported: order.imported,
      lines: order.lines.map((line) => ({
        lineNumber: line.lineNumber,
        sellerId: line.sellerId,
        shippingLimitAt: line.shippingLimitAt.toISOString(),
      })),
    };
  },

  toDomain(row: PendingOrderOrmEntity): PendingOrder {
    return {
      orderId: row.orderId,
      customerId: row.customerId,
      purchasedAt: row.purchasedAt,
      imported: row.imported,
      lines: row.lines.map((line) => ({
        lineNumber: line.lineNumber,
        sellerId: line.sellerId,
        shippingLimitAt: new Date(line.shippingLimitAt),
      })),
    };
  },
};
