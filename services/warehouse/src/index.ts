// @mercado/warehouse-service: what other packages and tools use of the warehouse (the import CLI loads
// geolocation with loadGeolocation; tests and tools apply events and query the marts).

// Schema
export { migrateWarehouse, ensureMetaSchema } from './infrastructure/sql/migrator';
export { WAREHOUSE_SCHEMA, META_SCHEMA, type SqlSession } from './infrastructure/sql/sql-session';
export { WAREHOUSE_TABLE_KEYS, WAREHOUSE_NATURAL_KEYS, findKeyViolations, compareWarehouses, warehouseTables, type KeyViolation } from './infrastructure/sql/table-keys';

// Applying events
export { applyBatch, createWarehouseApplier, topicOfEventType, type WarehouseApplierOptions } from './infrastructure/warehouse-applier';
export { type AppliedBatch } from './application/commands/apply-event-batch/apply-event-batch.handler';
export { loadGeolocation, type GeolocationRow, type GeolocationLoad } from './infrastructure/sql/geolocation.loader';

// Rebuild
export { rebuildWarehouse, catalogTopics, type RebuildWarehouseOptions } from './infrastructure/rebuild-warehouse';
export { type RebuildReport } from './application/commands/rebuild-warehouse/rebuild-warehouse.handler';

// Queries
export { WarehouseQueryService } from './application/queries/warehouse-query.service';
export { InvalidQueryError, type QueryViolation } from './application/queries/invalid-query.error';
export { PgMartReader } from './infrastructure/sql/pg-mart.reader';
export type * from './application/ports/warehouse-queries.port';

// Domain
export { brazilianHolidays, easterSunday, type Holiday } from './domain/calendar/brazilian-holidays';
export { dateDimensionRows, type DateDimensionRow } from './domain/calendar/date-dimension';
export { isoWeekOf, dateKey } from './domain/calendar/calendar-date';
export { haversineKm } from './domain/geo/haversine';
export { EXECUTIVE_METRICS, type ExecutiveMetric } from './domain/metrics/executive-metrics';
