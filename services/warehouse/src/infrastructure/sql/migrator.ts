import { withTransaction, type Pool } from '@mercado/postgres';
import { META_SCHEMA_SQL } from './migrations/000-meta';
import { WAREHOUSE_MIGRATIONS, type WarehouseMigration } from './migrations/warehouse-migrations';
import { inSchema, WAREHOUSE_SCHEMA } from './sql-session';

/**
 * A small ordered migration runner (the warehouse's schema name is a parameter, which typeorm's
 * migrations do not support). Each migration runs in its own transaction with its row in
 * `<schema>.schema_migrations`; an advisory lock keeps two processes from migrating one schema at
 * once. The table lives inside the schema, so a rebuilt schema swapped in carries its own history.
 */
export async function migrateWarehouse(
  pool: Pool,
  schema: string = WAREHOUSE_SCHEMA,
  migrations: readonly WarehouseMigration[] = WAREHOUSE_MIGRATIONS,
): Promise<string[]> {
  await ensureMetaSchema(pool);
  const applied: string[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    const ran = await withTransaction(pool, async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`mercado.warehouse.migrate:${schema}`]);
      await tx.query(
        inSchema(
          `CREATE SCHEMA IF NOT EXISTS {dw};
           CREATE TABLE IF NOT EXISTS {dw}.schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
          schema,
        ),
      );
      const done = await tx.query(inSchema('SELECT 1 FROM {dw}.schema_migrations WHERE version = $1', schema), [migration.version]);
      if (done.rowCount) return false;
      await migration.up(tx, schema);
      await tx.query(inSchema('INSERT INTO {dw}.schema_migrations (version, name) VALUES ($1, $2)', schema), [migration.version, migration.name]);
      return true;
    });
    if (ran) applied.push(`${migration.version} ${migration.name}`);
  }
  return applied;
}

/** Creates dw_meta's tables when missing (idempotent). */
export async function ensureMetaSchema(pool: Pool): Promise<void> {
  await withTransaction(pool, async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('mercado.warehouse.meta'))`);
    await tx.query(META_SCHEMA_SQL);
  });
}
