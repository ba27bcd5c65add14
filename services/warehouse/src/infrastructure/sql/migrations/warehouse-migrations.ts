import { type SqlSession, inSchema } from '../sql-session';
import { STAR_SCHEMA_SQL } from './001-star-schema';
import { loadDateDimension } from './002-dim-date';
import { GEOLOCATION_SAMPLES_SQL } from './003-geolocation-samples';
import { RECORDED_DELIVERY_TIME_SQL } from './004-recorded-delivery-time';

/** One step of the warehouse schema; applied once per schema, in version order. */
export interface WarehouseMigration {
  readonly version: number;
  readonly name: string;
  up(session: SqlSession, schema: string): Promise<void>;
}

const sqlMigration = (version: number, name: string, sql: string): WarehouseMigration => ({
  version,
  name,
  up: async (session, schema) => {
    await session.query(inSchema(sql, schema));
  },
});

/** Append only: a released migration never changes; a change is a new one. */
export const WAREHOUSE_MIGRATIONS: readonly WarehouseMigration[] = [
  sqlMigration(1, 'star schema', STAR_SCHEMA_SQL),
  { version: 2, name: 'dim_date 2016-2030', up: loadDateDimension },
  sqlMigration(3, 'geolocation samples', GEOLOCATION_SAMPLES_SQL),
  sqlMigration(4, 'recorded delivery time', RECORDED_DELIVERY_TIME_SQL),
];
