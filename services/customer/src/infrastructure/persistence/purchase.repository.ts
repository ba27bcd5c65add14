import { type EntityManager, In } from 'typeorm';
import { ConcurrencyConflictError } from '../../application/application.errors';
import { type AccountHolder, type PurchaseRepository } from '../../application/ports/purchase.repository.port';
import { type Purchase, type PurchaseSnapshot } from '../../domain/purchase/purchase.aggregate';
import { type CustomerMetrics } from '../../domain/rfm/rfm-scoring.service';
import { PurchaseMapper, type PurchaseRows } from './purchase.mapper';
import { PurchasePaymentOrmEntity } from './purchase-payment.orm-entity';
import { PurchaseOrmEntity } from './purchase.orm-entity';

const PURCHASE_COLUMNS = `$1::text[], $2::text[], $3::timestamptz[], $4::bigint[], $5::text[], $6::timestamptz[], $7::int[]`;
const PURCHASE_ALIAS = `p (order_id, customer_id, purchased_at, order_value_cents, closure, closed_at, version)`;

const INSERT_PURCHASES_SQL = `
INSERT INTO purchase (order_id, customer_id, purchased_at, order_value_cents, closure, closed_at, version)
SELECT * FROM UNNEST(${PURCHASE_COLUMNS}) AS ${PURCHASE_ALIAS}
ON CONFLICT (order_id) DO NOTHING
RETURNING order_id`;

// `version` carries the new version; the row must still be at the one before.
const UPDATE_PURCHASES_SQL = `
UPDATE purchase SET customer_id = p.customer_id, purchased_at = p.purchased_at, order_value_cents = p.order_value_cents,
  closure = p.closure, closed_at = p.closed_at, version = p.version
FROM UNNEST(${PURCHASE_COLUMNS}) AS ${PURCHASE_ALIAS}
WHERE purchase.order_id = p.order_id AND purchase.version = p.version - 1
RETURNING purchase.order_id`;

// Payments are only ever added (the domain refuses another value under a known sequential).
const INSERT_PAYMENTS_SQL = `
INSERT INTO purchase_payment (order_id, sequential, value_cents)
SELECT * FROM UNNEST($1::text[], $2::int[], $3::bigint[])
ON CONFLICT DO NOTHING`;

/**
 * The RFM figures of persons, exactly as the domain's `computeMetrics` defines them: over the
 * purchases of all their accounts that are placed and not closed, frequency is their number,
 * monetary the sum of their payments, recency from the latest of them.
 */
const METRICS_SQL = (where: string) => `
SELECT a.customer_unique_id, max(p.purchased_at) AS last_purchase_at, count(*)::int AS frequency,
       COALESCE(sum(pay.paid), 0)::text AS monetary_cents
FROM customer_account a
JOIN purchase p ON p.customer_id = a.customer_id AND p.purchased_at IS NOT NULL AND p.closure IS NULL
LEFT JOIN (SELECT order_id, sum(value_cents) AS paid FROM purchase_payment GROUP BY order_id) pay ON pay.order_id = p.order_id
${where}
GROUP BY a.customer_unique_id`;

/**
 * The same figures for a few persons given as (person, account) pairs: the payments are summed per
 * purchase found (LATERAL), not over the whole payment table as the full query's hash join does.
 */
const HOLDER_METRICS_SQL = `
SELECT h.customer_unique_id, max(p.purchased_at) AS last_purchase_at, count(*)::int AS frequency,
       COALESCE(sum(pay.paid), 0)::text AS monetary_cents
FROM UNNEST($1::text[], $2::text[]) AS h (customer_unique_id, customer_id)
JOIN purchase p ON p.customer_id = h.customer_id AND p.purchased_at IS NOT NULL AND p.closure IS NULL
LEFT JOIN LATERAL (SELECT sum(value_cents) AS paid FROM purchase_payment pp WHERE pp.order_id = p.order_id) pay ON true
GROUP BY h.customer_unique_id`;

export interface VersionedPurchase {
  snapshot: PurchaseSnapshot;
  /** The version stored now (0: not stored yet); the row is written as `expectedVersion + 1`. */
  expectedVersion: number;
}

/** The purchase history in PostgreSQL, inside the unit of work's transaction; writes are set-based. */
export class TypeormPurchaseRepository implements PurchaseRepository {
  constructor(private readonly manager: EntityManager) {}

  async findByOrderId(orderId: string): Promise<Purchase | null> {
    const [rows] = await this.findRows([orderId]);
    return rows ? PurchaseMapper.toDomain(rows) : null;
  }

  /** The stored rows of these orders (those that exist). */
  async findRows(orderIds: readonly string[]): Promise<PurchaseRows[]> {
    if (orderIds.length === 0) return [];
    const where = { orderId: In([...new Set(orderIds)]) };
    const purchases = await this.manager.find(PurchaseOrmEntity, { where });
    if (purchases.length === 0) return [];
    const payments = await this.manager.find(PurchasePaymentOrmEntity, { where: { orderId: In(purchases.map((p) => p.orderId)) } });
    const rows = new Map<string, PurchaseRows>(purchases.map((purchase) => [purchase.orderId, { purchase, payments: [] }]));
    for (const payment of payments) rows.get(payment.orderId)!.payments.push(payment);
    return [...rows.values()];
  }

  async save(purchase: Purchase, expectedVersion: number): Promise<void> {
    await this.saveMany([{ snapshot: purchase.toSnapshot(), expectedVersion }]);
  }

  /** Writes many purchases in a few statements, each version checked; all or a ConcurrencyConflictError. */
  async saveMany(changes: readonly VersionedPurchase[]): Promise<void> {
    if (changes.length === 0) return;
    const fresh = changes.filter((change) => change.expectedVersion === 0).map((c) => PurchaseMapper.toRows(c.snapshot, 1));
    const known = changes.filter((change) => change.expectedVersion > 0).map((c) => PurchaseMapper.toRows(c.snapshot, c.expectedVersion + 1));
    if (fresh.length > 0) {
      const inserted: { order_id: string }[] = await this.manager.query(INSERT_PURCHASES_SQL, purchaseColumns(fresh));
      await this.expectAll(fresh, inserted);
    }
    if (known.length > 0) {
      const [updated] = (await this.manager.query(UPDATE_PURCHASES_SQL, purchaseColumns(known))) as [{ order_id: string }[], number];
      await this.expectAll(known, updated);
    }
    const payments = [...fresh, ...known].flatMap((rows) => rows.payments);
    if (payments.length > 0) {
      await this.manager.query(INSERT_PAYMENTS_SQL, [payments.map((p) => p.orderId), payments.map((p) => p.sequential), payments.map((p) => p.valueCents)]);
    }
  }

  async metricsOf(customerUniqueIds: readonly string[]): Promise<CustomerMetrics[]> {
    if (customerUniqueIds.length === 0) return [];
    return this.metrics(METRICS_SQL('WHERE a.customer_unique_id = ANY($1::text[])'), [[...new Set(customerUniqueIds)]]);
  }

  async metricsOfHolders(holders: readonly AccountHolder[]): Promise<CustomerMetrics[]> {
    const pairs = holders.flatMap((holder) => [...new Set(holder.customerIds)].map((account) => [holder.customerUniqueId, account] as const));
    if (pairs.length === 0) return [];
    return this.metrics(HOLDER_METRICS_SQL, [pairs.map(([person]) => person), pairs.map(([, account]) => account)]);
  }

  async metricsOfAll(): Promise<CustomerMetrics[]> {
    return this.metrics(METRICS_SQL(''), []);
  }

  private async metrics(sql: string, values: unknown[]): Promise<CustomerMetrics[]> {
    const rows: { customer_unique_id: string; last_purchase_at: Date; frequency: number; monetary_cents: string }[] = await this.manager.query(sql, values);
    return rows.map((row) => ({
      customerUniqueId: row.customer_unique_id,
      lastPurchaseAt: row.last_purchase_at,
      frequency: row.frequency,
      monetaryCents: Number(row.monetary_cents),
    }));
  }

  private async expectAll(rows: readonly PurchaseRows[], written: readonly { order_id: string }[]): Promise<void> {
    if (written.length === rows.length) return;
    const done = new Set(written.map((row) => row.order_id));
    const missed = rows.find((row) => !done.has(row.purchase.orderId))!.purchase;
    const found: { version: number }[] = await this.manager.query('SELECT version FROM purchase WHERE order_id = $1', [missed.orderId]);
    throw new ConcurrencyConflictError(missed.orderId, missed.version - 1, found[0]?.version ?? null);
  }
}

function purchaseColumns(rows: readonly PurchaseRows[]): unknown[] {
  const p = rows.map((row) => row.purchase);
  const iso = (instant: Date | null) => (instant === null ? null : instant.toISOString());
  return [
    p.map((r) => r.orderId),
    p.map((r) => r.customerId),
    p.map((r) => iso(r.purchasedAt)),
    p.map((r) => r.orderValueCents),
    p.map((r) => r.closure),
    p.map((r) => iso(r.closedAt)),
    p.map((r) => r.version),
  ];
}
