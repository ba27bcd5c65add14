import { Purchase, type PurchaseClosure, type PurchaseSnapshot } from '../../domain/purchase/purchase.aggregate';
import { type PurchasePaymentOrmEntity } from './purchase-payment.orm-entity';
import { type PurchaseOrmEntity } from './purchase.orm-entity';

export interface PurchaseRows {
  purchase: PurchaseOrmEntity;
  payments: PurchasePaymentOrmEntity[];
}

/** Converts between the Purchase aggregate (through its snapshot) and its rows. */
export const PurchaseMapper = {
  toRows(snapshot: PurchaseSnapshot, version: number): PurchaseRows {
    return {
      purchase: {
        orderId: snapshot.orderId,
        customerId: snapshot.placement?.customerId ?? null,
        purchasedAt: snapshot.placement?.purchasedAt ?? null,
        orderValueCents: snapshot.placement?.orderValueCents ?? null,
        closure: snapshot.closure,
        closedAt: snapshot.closedAt,
        version,
      },
      payments: snapshot.payments.map((payment) => ({ orderId: snapshot.orderId, ...payment })),
    };
  },

  toSnapshot({ purchase: row, payments }: PurchaseRows): PurchaseSnapshot {
    return {
      orderId: row.orderId,
      placement:
        row.customerId === null
          ? null
          : { customerId: row.customerId, purchasedAt: row.purchasedAt!, orderValueCents: row.orderValueCents! },
      payments: [...payments]
        .sort((a, b) => a.sequential - b.sequential)
        .map((payment) => ({ sequential: payment.sequential, valueCents: payment.valueCents })),
      closure: row.closure as PurchaseClosure | null,
      closedAt: row.closedAt,
      version: row.version,
    };
  },

  toDomain(rows: PurchaseRows): Purchase {
    return Purchase.restore(PurchaseMapper.toSnapshot(rows));
  },
};
