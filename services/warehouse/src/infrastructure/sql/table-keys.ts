import { quoteIdentifier } from '@mercado/postgres';
import { assertSchemaName, type SqlSession } from './sql-session';

/** Every table of the warehouse schema and the columns that identify a row: its grain. */
export const WAREHOUSE_TABLE_KEYS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  dim_date: ['date_key'],
  dim_customer: ['customer_key'],
  customer_account: ['customer_id'],
  dim_product: ['product_key'],
  dim_seller: ['seller_key'],
  dim_geolocation: ['zip_prefix'],
  stg_order_placed: ['order_id'],
  stg_order_status: ['order_id'],
  stg_payment: ['order_id', 'sequential'],
  stg_customer_change: ['event_id'],
  stg_review: ['review_id', 'order_id'],
  stg_shipment: ['order_id'],
  stg_product: ['product_id'],
  stg_seller: ['seller_id'],
  fact_orders: ['order_id'],
  fact_order_items: ['order_id', 'line_number'],
  fact_payments: ['order_id', 'sequential'],
  fact_deliveries: ['order_id'],
  fact_reviews: ['review_id', 'order_id'],
  customer_summary: ['buyer_key'],
  mart_executive_dashboard: ['purchase_date_key'],
  mart_seller_performance: ['seller_id', 'month_key'],
  mart_customer_segments: ['segment'],
  mart_delivery_performance: ['seller_state', 'customer_state', 'month_key'],
});

/** Natural keys that must be unique too, besides the grain (a person's versions, a product's id). */
export const WAREHOUSE_NATURAL_KEYS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  dim_customer: ['customer_unique_id', 'version'],
  dim_product: ['product_id'],
  dim_seller: ['seller_id'],
  dim_date: ['date'],
});

export interface KeyViolation {
  table: string;
  columns: readonly string[];
  /** Rows with a null in a key column. */
  nullKeys: number;
  /** Key values held by more than one row. */
  duplicateKeys: number;
}

/**
 * Checks that every declared key is unique and (for grains) never null; returns the violations (none
 * when the warehouse is sound). A data-quality check, run by the tests after every scenario.
 */
export async function findKeyViolations(session: SqlSession, schema: string): Promise<KeyViolation[]> {
  const checks = [
    ...Object.entries(WAREHOUSE_TABLE_KEYS).map(([table, columns]) => ({ table, columns, nullable: false })),
    // A natural key may be null on some rows (an inferred customer has no person yet).
    ...Object.entries(WAREHOUSE_NATURAL_KEYS).map(([table, columns]) => ({ table, columns, nullable: true })),
  ];
  const violations: KeyViolation[] = [];
  for (const { table, columns, nullable } of checks) {
    const qualified = `${quoteIdentifier(assertSchemaName(schema))}.${quoteIdentifier(table)}`;
    const list = columns.map(quoteIdentifier).join(', ');
    const anyNull = columns.map((c) => `${quoteIdentifier(c)} IS NULL`).join(' OR ');
    const { rows } = await session.query<{ null_keys: number; duplicate_keys: number }>(
      `SELECT (SELECT count(*) FROM ${qualified} WHERE ${anyNull})::integer AS null_keys,
              (SELECT count(*) FROM (SELECT 1 FROM ${qualified} WHERE NOT (${anyNull}) GROUP BY ${list} HAVING count(*) > 1) d)::integer AS duplicate_keys`,
    );
    const { null_keys: nullKeys, duplicate_keys: duplicateKeys } = rows[0]!;
    if (duplicateKeys > 0 || (!nullable && nullKeys > 0)) violations.push({ table, columns, nullKeys: nullable ? 0 : nullKeys, duplicateKeys });
  }
  return violations;
}

/** The tables of a warehouse schema (its migrations' bookkeeping aside). */
export async function warehouseTables(session: SqlSession, schema: string): Promise<string[]> {
  const { rows } = await session.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations' ORDER BY table_name`,
    [schema],
  );
  return rows.map((r) => r.table_name);
}

/**
 * Rows in one schema's table and not in the other's, both ways, per table (EXCEPT ALL): an empty
 * result means the two warehouses hold exactly the same data.
 */
export async function compareWarehouses(session: SqlSession, left: string, right: string): Promise<Record<string, { onlyLeft: number; onlyRight: number }>> {
  const differences: Record<string, { onlyLeft: number; onlyRight: number }> = {};
  const leftTables = await warehouseTables(session, left);
  const rightTables = new Set(await warehouseTables(session, right));
  for (const table of leftTables) {
    if (!rightTables.has(table)) {
      differences[table] = { onlyLeft: -1, onlyRight: -1 };
      continue;
    }
    const a = `${quoteIdentifier(assertSchemaName(left))}.${quoteIdentifier(table)}`;
    const b = `${quoteIdentifier(assertSchemaName(right))}.${quoteIdentifier(table)}`;
    const { rows } = await session.query<{ only_left: number; only_right: number }>(
      `SELECT (SELECT count(*) FROM (SELECT * FROM ${a} EXCEPT ALL SELECT * FROM ${b}) x)::integer AS only_left,
              (SELECT count(*) FROM (SELECT * FROM ${b} EXCEPT ALL SELECT * FROM ${a}) x)::integer AS only_right`,
    );
    const { only_left: onlyLeft, only_right: onlyRight } = rows[0]!;
    if (onlyLeft > 0 || onlyRight > 0) differences[table] = { onlyLeft, onlyRight };
  }
  return differences;
}
