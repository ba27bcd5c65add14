import { type SqlExecutor } from '@mercado/postgres';
import { type PendingOrderRepository } from '../../application/ports/pending-order.repository.port';
import { type PendingOrder } from '../../domain/pending-order/pending-order';
import { pendingOrderMapper } from './shipment.mapper';
import { type PendingOrderOrmEntity } from './pending-order.orm-entity';

const COLUMNS = `order_id AS "orderId", customer_id AS "customerId", purchased_at AS "purchasedAt", imported, lines`;

export class PgPendingOrderRepository implements PendingOrderRepository {
  constructor(private readonly db: SqlExecutor) {}

  async find(orderId: string): Promise<PendingOrder | null> {
    const [found] = await this.findMany([orderId]);
    return found ?? null;
  }

  async findMany(orderIds: readonly string[]): Promise<PendingOrder[]> {
    if (orderIds.length === 0) return [];
    const { rows } = await this.db.query<PendingOrderOrmEntity & Record<string, unknown>>(
      `SELECT ${COLUMNS} FROM pending_order WHERE order_id = ANY($1::text[])`,
      [orderIds],
    );
    return rows.map((row) => pendingOrderMapper.toDomain(row));
  }

  async save(order: PendingOrder): Promise<void> {
    const row = pendingOrderMapper.toRow(order);
    await this.db.query(
      `INSERT INTO pending_order (order_id, customer_id, purchased_at, imported, lines)
       VALUES ($1, $2, $3, $4, $5::jsonb)
       ON CONFLICT (order_id) DO UPDATE SET customer_id = EXCLUDED.customer_id,
         purchased_at = EXCLUDED.purchased_at, imported = EXCLUDED.imported, lines = EXCLUDED.lines`,
      [row.orderId, row.customerId, row.purchasedAt, row.imported, JSON.stringify(row.lines)],
    );
  }

  async delete(orderIds: readonly string[]): Promise<void> {
    if (orderIds.length === 0) return;
    await this.db.query('DELETE FROM pending_order WHERE order_id = ANY($1::text[])', [orderIds]);
  }
}
