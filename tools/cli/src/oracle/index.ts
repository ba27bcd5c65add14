// The reconciliation oracle: an independent batch path from the raw Olist files to the warehouse's marts, and
// the comparison that lists every row where the warehouse disagrees. README.md gives the rules.
export {
  loadRawOlist,
  dropOracleSchema,
  resolveOlistFiles,
  oracleSchemaName,
  OracleInputError,
  type OracleFileLoad,
  type OracleLoadResult,
} from './load-raw-olist';
export { computeOracleMarts, type OracleMartsResult, type OracleStepTiming } from './compute-oracle-marts';
export {
  oracleMartSteps,
  ORACLE_MARTS,
  WAREHOUSE_GEOLOCATION,
  type GeolocationRule,
  type OracleMart,
  type OracleMartOptions,
  type OracleStep,
} from './oracle-marts.sql';
export {
  compareMarts,
  formatReport,
  MART_MAPPINGS,
  DEFAULT_TOLERANCE,
  type ColumnKind,
  type CompareMartsOptions,
  type ComparisonReport,
  type MartColumn,
  type MartComparison,
  type MartDifference,
  type MartKey,
  type MartMapping,
} from './compare-marts';
export { readOracleRows, type OracleReadResult, type OracleReject, type OracleRow } from './oracle-row-reader';
