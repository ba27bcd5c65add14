import { type SqlExecutor } from '@mercado/postgres';
import {
  type LateShipmentsQuery,
  type OverdueShipmentsQuery,
  type ShipmentRepository,
} from '../../application/ports/shipment.repository.port';
import { ConcurrentModificationError } from '../../application/shared/application.errors';
import { Shipment, type ShipmentSnapshot } from '../../domain/shipment/shipment.aggregate';
import { shipmentMapper } from './shipment.mapper';
import { type ShipmentOrmEntity } from './shipment.orm-entity';

/** The columns of a shipment row under the entity's property names (the date as text: no zone shift). */
const COLUMNS = `
  order_id AS "orderId", customer_id AS "customerId", status, origin,
  purchased_at AS "purchasedAt", approved_at AS "approvedAt", created_at AS "createdAt",
  estimated_delivery_date::text AS "estimatedDeliveryDate", estimate_source AS "estimateSource",
  seller_shipping_limits AS "sellerShippingLimits", dispatched_at AS "dispatchedAt",
  delivered_at AS "deliveredAt", canceled_at AS "canceledAt", cancel_reason AS "cancelReason",
  days_late AS "daysLate", on_time AS "onTime", anomalies, imported_facts AS "importedFacts", version`;

/** The row values as UNNEST arrays, one per column, in this order (jsonb as text, cast in SQL). */
const UNNEST_ROWS = `UNNEST(
  $1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::timestamptz[],
  $8::date[], $9::text[], $10::jsonb[], $11::timestamptz[], $12::timestamptz[], $13::timestamptz[],
  $14::text[], $15::integer[], $16::boolean[], $17::jsonb[], $18::jsonb[], $19::integer[]
) AS r(order_id, customer_id, status, origin, purchased_at, approved_at, created_at,
       estimated_delivery_date, estimate_source, seller_shipping_limits, dispatched_at, delivered_at,
       canceled_at, cancel_reason, days_late, on_time, anomalies, imported_facts, expected_version)`;

const INSERT_SQL = `
INSERT INTO shipment (order_id, customer_id, status, origin, purchased_at, approved_at, created_at,
  estimated_delivery_date, estimate_source, seller_shipping_limits, dispatched_at, delivered_at,
  canceled_at, cancel_reason, days_late, on_time, anomalies, imported_facts, version)
SELECT r.order_id, r.customer_id, r.status, r.origin, r.purchased_at, r.approved_at, r.created_at,
  r.estimated_delivery_date, r.estimate_source, r.seller_shipping_limits, r.dispatched_at, r.delivered_at,
  r.canceled_at, r.cancel_reason, r.days_late, r.on_time,
  ARRAY(SELECT jsonb_array_elements_text(r.anomalies)), r.imported_facts, r.expected_version + 1
FROM ${UNNEST_ROWS}
ON CONFLICT (order_id) DO NOTHING
RETURNING order_id AS "orderId"`;

const UPDATE_SQL = `
UPDATE shipment s SET
  customer_id = r.customer_id, status = r.status, origin = r.origin, purchased_at = r.purchased_at,
  approved_at = r.approved_at, created_at = r.created_at, estimated_delivery_date = r.estimated_delivery_date,
  estimate_source = r.estimate_source, seller_shipping_limits = r.seller_shipping_limits,
  dispatched_at = r.dispatched_at, delivered_at = r.delivered_at, canceled_at = r.canceled_at,
  cancel_reason = r.cancel_reason, days_late = r.days_late, on_time = r.on_time,
  anomalies = ARRAY(SELECT jsonb_array_elements_text(r.anomalies)), imported_facts = r.imported_facts,
  version = s.version + 1
FROM ${UNNEST_ROWS}
WHERE s.order_id = r.order_id AND s.version = r.expected_version
RETURNING s.order_id AS "orderId"`;

// Mirrors isOverdue (domain/shipment/shipment-overdue.policy.ts) clause by clause.
const OVERDUE_SQL = `
SELECT ${COLUMNS} FROM shipment
WHERE status <> 'canceled'
  AND created_at <= $1
  AND estimated_delivery_date < $2::date
  AND NOT (status = 'delivered' AND delivered_at IS NULL)
  AND (delivered_at IS NULL OR delivered_at > $1)
  AND ($3::date IS NULL OR (estimated_delivery_date, order_id) > ($3::date, $4::text))
ORDER BY estimated_delivery_date, order_id
LIMIT $5`;

// days_late is the domain's lateness, stored at save: > 0 is isLateDelivery.
const LATE_SQL = `
SELECT ${COLUMNS} FROM shipment
WHERE days_late > 0 AND delivered_at IS NOT NULL
  AND ($1::timestamptz IS NULL OR delivered_at >= $1)
  AND ($2::timestamptz IS NULL OR delivered_at < $2)
  AND ($3::timestamptz IS NULL OR (delivered_at, order_id) > ($3::timestamptz, $4::text))
ORDER BY delivered_at, order_id
LIMIT $5`;

/** ShipmentRepository on PostgreSQL, through whatever executor the unit of work hands it. */
export class PgShipmentRepository implements ShipmentRepository {
  constructor(private readonly db: SqlExecutor) {}

  async findByOrderId(orderId: string): Promise<Shipment | null> {
    const [found] = await this.findByOrderIds([orderId]);
    return found ?? null;
  }

  async findByOrderIds(orderIds: readonly string[]): Promise<Shipment[]> {
    if (orderIds.length === 0) return [];
    const { rows } = await this.db.query<ShipmentOrmEntity & Record<string, unknown>>(
      `SELECT ${COLUMNS} FROM shipment WHERE order_id = ANY($1::text[])`,
      [orderIds],
    );
    return rows.map((row) => Shipment.restore(shipmentMapper.toSnapshot(row)));
  }

  async save(shipments: readonly Shipment[]): Promise<void> {
    const fresh = shipments.filter((shipment) => shipment.version === 0);
    const known = shipments.filter((shipment) => shipment.version !== 0);
    for (const [sql, batch] of [
      [INSERT_SQL, fresh],
      [UPDATE_SQL, known],
    ] as const) {
      if (batch.length === 0) continue;
      const { rows } = await this.db.query<{ orderId: string }>(sql, columnsOf(batch));
      if (rows.length !== batch.length) {
        const written = new Set(rows.map((row) => row.orderId));
        const lost = batch.find((shipment) => !written.has(shipment.orderId))!;
        throw new ConcurrentModificationError(lost.orderId);
      }
    }
  }

  async findOverdue(query: OverdueShipmentsQuery): Promise<ShipmentSnapshot[]> {
    const { rows } = await this.db.query<ShipmentOrmEntity & Record<string, unknown>>(OVERDUE_SQL, [
      query.asOf,
      query.asOfDate,
      query.after?.estimatedDeliveryDate ?? null,
      query.after?.orderId ?? null,
      query.limit,
    ]);
    return rows.map((row) => shipmentMapper.toSnapshot(row));
  }

  async findLate(query: LateShipmentsQuery): Promise<ShipmentSnapshot[]> {
    const { rows } = await this.db.query<ShipmentOrmEntity & Record<string, unknown>>(LATE_SQL, [
      query.deliveredFrom,
      query.deliveredTo,
      query.after?.deliveredAt ?? null,
      query.after?.orderId ?? null,
      query.limit,
    ]);
    return rows.map((row) => shipmentMapper.toSnapshot(row));
  }
}

/** The UNNEST parameters of a batch: one array per column. */
function columnsOf(shipments: readonly Shipment[]): unknown[][] {
  const columns: unknown[][] = Array.from({ length: 19 }, () => []);
  for (const shipment of shipments) {
    const row = shipmentMapper.toRow(shipment.toSnapshot());
    const values = [
      row.orderId,
      row.customerId,
      row.status,
      row.origin,
      row.purchasedAt,
      row.approvedAt,
      row.createdAt,
      row.estimatedDeliveryDate,
      row.estimateSource,
      JSON.stringify(row.sellerShippingLimits),
      row.dispatchedAt,
      row.deliveredAt,
      row.canceledAt,
      row.cancelReason,
      row.daysLate,
      row.onTime,
      JSON.stringify(row.anomalies),
      row.importedFacts === null ? null : JSON.stringify(row.importedFacts),
      shipment.version,
    ];
    values.forEach((value, index) => columns[index]!.push(value));
  }
  return columns;
}
