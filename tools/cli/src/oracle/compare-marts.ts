// Compares the oracle's marts with the warehouse's, row by row and column by column, with a FULL OUTER JOIN on
// each mart's key. Both schemas must be in the same database: run the oracle in the warehouse's database (its
// scratch schema sits beside `dw`). Counts and money compare exactly; ratios and means within a tolerance.
import { quoteIdentifier, type Pool } from '@mercado/postgres';

/** exact: counts, money and sums of whole seconds; measure: ratios, means and float-derived sums. */
export type ColumnKind = 'exact' | 'measure';

export interface MartColumn {
  oracle: string;
  warehouse: string;
  kind: ColumnKind;
}

export interface MartMapping {
  mart: string;
  oracleTable: string;
  warehouseTable: string;
  keys: readonly { oracle: string; warehouse: string }[];
  columns: readonly MartColumn[];
}

const same = (names: string[], kind: ColumnKind): MartColumn[] => names.map((name) => ({ oracle: name, warehouse: name, kind }));
const keys = (...names: string[]) => names.map((name) => ({ oracle: name, warehouse: name }));

/**
 * The one place that says which oracle column answers which warehouse column (the warehouse's names are those
 * of services/warehouse/src/infrastructure/sql/migrations/001-star-schema.ts). Warehouse-only columns
 * (seller_key) are not compared; mart_customer_segments is not computed by the oracle.
 */
export const MART_MAPPINGS: readonly MartMapping[] = [
  {
    mart: 'mart_executive_dashboard',
    oracleTable: 'mart_executive_dashboard',
    warehouseTable: 'mart_executive_dashboard',
    keys: keys('purchase_date_key'),
    columns: [
      ...same(
        ['purchase_date', 'orders', 'canceled_orders', 'kept_orders', 'gmv', 'freight', 'payments', 'aov', 'new_customers'],
        'exact',
      ),
      ...same(['delivered_orders', 'late_orders', 'delivery_seconds', 'review_count', 'review_score_sum'], 'exact'),
      ...same(['on_time_rate', 'avg_delivery_days', 'avg_review_score'], 'measure'),
    ],
  },
  {
    mart: 'mart_seller_performance',
    oracleTable: 'mart_seller_performance',
    warehouseTable: 'mart_seller_performance',
    keys: keys('seller_id', 'month_key'),
    columns: [
      ...same(['orders', 'canceled_orders', 'lines', 'revenue', 'freight', 'review_count', 'review_score_sum'], 'exact'),
      ...same(['delivered_orders', 'late_orders', 'handoff_orders', 'handoff_seconds', 'handoff_lines', 'late_handoff_lines'], 'exact'),
      ...same(['avg_review_score', 'late_delivery_rate', 'avg_handoff_hours', 'late_handoff_share'], 'measure'),
    ],
  },
  {
    mart: 'mart_delivery_performance',
    oracleTable: 'mart_delivery_performance',
    warehouseTable: 'mart_delivery_performance',
    keys: keys('seller_state', 'customer_state', 'month_key'),
    columns: [
      ...same(['deliveries', 'delivery_seconds', 'late_deliveries', 'distance_deliveries'], 'exact'),
      ...same(['avg_delivery_days', 'late_rate', 'distance_km_sum', 'avg_distance_km'], 'measure'),
    ],
  },
];

export interface CompareMartsOptions {
  oracleSchema: string;
  warehouseSchema: string;
  /**
   * Largest accepted difference of a measure column, relative to the larger magnitude with a floor of 1:
   * |oracle − warehouse| ≤ tolerance × max(1, |oracle|, |warehouse|). Both sides round ratios and means to 4
   * places, so the default 1e-9 asks for equality; a rounding flip on a boundary needs 1e-4.
   */
  tolerance?: number;
  /** Per-column overrides, keyed `mart.column` (e.g. `mart_delivery_performance.distance_km_sum`). */
  columnTolerance?: Readonly<Record<string, number>>;
  /** Defaults to MART_MAPPINGS. */
  mappings?: readonly MartMapping[];
}

export type MartKey = Record<string, string>;

export interface MartDifference {
  key: MartKey;
  column: string;
  oracle: string | null;
  warehouse: string | null;
}

export interface MartComparison {
  mart: string;
  /** A table that does not exist (the comparison of this mart was not possible). */
  missingTable?: 'oracle' | 'warehouse';
  oracleRows: number;
  warehouseRows: number;
  missingInWarehouse: MartKey[];
  extraInWarehouse: MartKey[];
  differences: MartDifference[];
}

export interface ComparisonReport {
  oracleSchema: string;
  warehouseSchema: string;
  tolerance: number;
  marts: MartComparison[];
  equal: boolean;
}

export const DEFAULT_TOLERANCE = 1e-9;

function toleranceLiteral(value: number): string {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`tolerance must be a finite number ≥ 0, got ${value}`);
  return `${value.toExponential()}::numeric`;
}

async function tableRows(pool: Pool, schema: string, table: string): Promise<number | undefined> {
  const qualified = `${quoteIdentifier(schema)}.${quoteIdentifier(table)}`;
  const { rows } = await pool.query<{ exists: string | null }>('SELECT to_regclass($1)::text AS exists', [qualified]);
  if (rows[0]!.exists === null) return undefined;
  const count = await pool.query<{ count: string }>(`SELECT count(*) FROM ${qualified}`);
  return Number(count.rows[0]!.count);
}

function differsSql(column: MartColumn, tolerance: string): string {
  const o = `o.${quoteIdentifier(column.oracle)}`;
  const w = `w.${quoteIdentifier(column.warehouse)}`;
  if (column.kind === 'exact') return `(${o} IS DISTINCT FROM ${w})`;
  return `coalesce((${o} IS NULL) <> (${w} IS NULL) OR abs(${o} - ${w}) > ${tolerance} * greatest(1, abs(${o}), abs(${w})), false)`;
}

async function compareMart(pool: Pool, mapping: MartMapping, options: Required<Omit<CompareMartsOptions, 'mappings'>>): Promise<MartComparison> {
  const comparison: MartComparison = {
    mart: mapping.mart,
    oracleRows: 0,
    warehouseRows: 0,
    missingInWarehouse: [],
    extraInWarehouse: [],
    differences: [],
  };
  const oracleRows = await tableRows(pool, options.oracleSchema, mapping.oracleTable);
  const warehouseRows = await tableRows(pool, options.warehouseSchema, mapping.warehouseTable);
  comparison.oracleRows = oracleRows ?? 0;
  comparison.warehouseRows = warehouseRows ?? 0;
  if (oracleRows === undefined || warehouseRows === undefined) {
    comparison.missingTable = oracleRows === undefined ? 'oracle' : 'warehouse';
    return comparison;
  }
  const on = mapping.keys.map((k) => `o.${quoteIdentifier(k.oracle)} = w.${quoteIdentifier(k.warehouse)}`).join(' AND ');
  const firstKey = mapping.keys[0]!;
  const select = [
    ...mapping.keys.map((k, i) => `coalesce(o.${quoteIdentifier(k.oracle)}, w.${quoteIdentifier(k.warehouse)})::text AS k${i}`),
    `o.${quoteIdentifier(firstKey.oracle)} IS NOT NULL AS in_oracle`,
    `w.${quoteIdentifier(firstKey.warehouse)} IS NOT NULL AS in_warehouse`,
    ...mapping.columns.flatMap((column, i) => {
      const tolerance = toleranceLiteral(options.columnTolerance[`${mapping.mart}.${column.oracle}`] ?? options.tolerance);
      return [
        `o.${quoteIdentifier(column.oracle)}::text AS o${i}`,
        `w.${quoteIdentifier(column.warehouse)}::text AS w${i}`,
        `${differsSql(column, tolerance)} AS d${i}`,
      ];
    }),
  ];
  const sql = `
    SELECT * FROM (
      SELECT ${select.join(',\n             ')}
      FROM ${quoteIdentifier(options.oracleSchema)}.${quoteIdentifier(mapping.oracleTable)} o
      FULL OUTER JOIN ${quoteIdentifier(options.warehouseSchema)}.${quoteIdentifier(mapping.warehouseTable)} w ON ${on}
    ) AS joined
    WHERE NOT in_oracle OR NOT in_warehouse ${mapping.columns.map((_, i) => `OR d${i}`).join(' ')}
    ORDER BY ${mapping.keys.map((_, i) => `k${i}`).join(', ')}`;
  const { rows } = await pool.query<Record<string, string | boolean | null>>(sql);
  for (const row of rows) {
    const key: MartKey = {};
    mapping.keys.forEach((k, i) => (key[k.oracle] = row[`k${i}`] as string));
    if (!row.in_warehouse) comparison.missingInWarehouse.push(key);
    else if (!row.in_oracle) comparison.extraInWarehouse.push(key);
    else {
      mapping.columns.forEach((column, i) => {
        if (row[`d${i}`] === true) {
          comparison.differences.push({
            key,
            column: column.oracle,
            oracle: row[`o${i}`] as string | null,
            warehouse: row[`w${i}`] as string | null,
          });
        }
      });
    }
  }
  return comparison;
}

/**
 * Compares every mart of `mappings` between the oracle's schema and the warehouse's: keys missing from the
 * warehouse, keys only the warehouse has, and for shared keys every column that differs (both values as text).
 */
export async function compareMarts(pool: Pool, options: CompareMartsOptions): Promise<ComparisonReport> {
  const settings = {
    oracleSchema: options.oracleSchema,
    warehouseSchema: options.warehouseSchema,
    tolerance: options.tolerance ?? DEFAULT_TOLERANCE,
    columnTolerance: options.columnTolerance ?? {},
  };
  toleranceLiteral(settings.tolerance);
  const marts: MartComparison[] = [];
  for (const mapping of options.mappings ?? MART_MAPPINGS) marts.push(await compareMart(pool, mapping, settings));
  const equal = marts.every(
    (m) => !m.missingTable && m.missingInWarehouse.length === 0 && m.extraInWarehouse.length === 0 && m.differences.length === 0,
  );
  return { oracleSchema: settings.oracleSchema, warehouseSchema: settings.warehouseSchema, tolerance: settings.tolerance, marts, equal };
}

function formatKey(key: MartKey): string {
  return Object.entries(key)
    .map(([name, value]) => `${name}=${value}`)
    .join(' ');
}

const show = (value: string | null) => (value === null ? 'null' : value);

/** The report for people: one block per mart, one line per missing or extra key and per differing value. */
export function formatReport(report: ComparisonReport): string {
  const lines = [
    `Oracle ${report.oracleSchema} vs warehouse ${report.warehouseSchema} (measures within ${report.tolerance} relative)`,
  ];
  let problems = 0;
  for (const mart of report.marts) {
    if (mart.missingTable) {
      problems++;
      lines.push(`${mart.mart}: not compared, the ${mart.missingTable} table is missing`);
      continue;
    }
    const count = mart.missingInWarehouse.length + mart.extraInWarehouse.length + mart.differences.length;
    problems += count;
    lines.push(
      `${mart.mart}: ${mart.oracleRows} oracle rows, ${mart.warehouseRows} warehouse rows; ` +
        (count === 0
          ? 'identical'
          : `${mart.differences.length} differing values, ${mart.missingInWarehouse.length} rows missing in the warehouse, ${mart.extraInWarehouse.length} extra rows in the warehouse`),
    );
    for (const key of mart.missingInWarehouse) lines.push(`  missing in warehouse  ${formatKey(key)}`);
    for (const key of mart.extraInWarehouse) lines.push(`  extra in warehouse    ${formatKey(key)}`);
    for (const d of mart.differences) {
      lines.push(`  differs  ${formatKey(d.key)}  ${d.column}: oracle ${show(d.oracle)}, warehouse ${show(d.warehouse)}`);
    }
  }
  lines.push(report.equal ? 'Result: the warehouse agrees with the oracle.' : `Result: ${problems} discrepancies.`);
  return lines.join('\n');
}
