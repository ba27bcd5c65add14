import { createPool, withTransaction, type Pool } from '@mercado/postgres';
import { createTestDatabase, testInfrastructure, type TestDatabase } from '@mercado/testing';
import { type EventEnvelope } from '@mercado/contracts';
import { loadGeolocation } from '../infrastructure/sql/geolocation.loader';
import { migrateWarehouse } from '../infrastructure/sql/migrator';
import { createWarehouseApplier, type WarehouseApplierOptions } from '../infrastructure/warehouse-applier';
import { SCENARIO_GEOLOCATION } from './warehouse-scenario.fixture';

export interface WarehouseTestDatabase {
  database: TestDatabase;
  pool: Pool;
  /** Applies each batch in its own transaction. */
  apply(batches: readonly (readonly EventEnvelope[])[], options?: WarehouseApplierOptions): Promise<void>;
  rows<R extends Record<string, unknown> = Record<string, unknown>>(sql: string, values?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

/** A throwaway database with the warehouse schema migrated and the scenario's geolocation loaded. */
export async function warehouseTestDatabase(prefix = 'warehouse'): Promise<WarehouseTestDatabase> {
  const database = await createTestDatabase(testInfrastructure().databaseUrl, prefix);
  const pool = createPool(database.url, { max: 4 });
  await migrateWarehouse(pool);
  await loadGeolocation(
    pool,
    SCENARIO_GEOLOCATION.map(([zip_prefix, latitude, longitude, city, state]) => ({ zip_prefix, latitude, longitude, city, state })),
  );
  return {
    database,
    pool,
    async apply(batches, options) {
      const applier = createWarehouseApplier(options);
      for (const batch of batches) await withTransaction(pool, (tx) => applier.execute(tx, batch));
    },
    async rows(sql, values) {
      return (await pool.query(sql, values)).rows;
    },
    async close() {
      await pool.end();
      await database.drop();
    },
  };
}
