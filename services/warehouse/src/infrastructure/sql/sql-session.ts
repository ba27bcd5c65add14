import { quoteIdentifier } from '@mercado/postgres';

/**
 * What the warehouse's SQL needs from a connection: pg's Pool, PoolClient, and messaging's
 * SqlTransaction all fit.
 */
export interface SqlSession {
  query<R extends Record<string, unknown> = Record<string, unknown>>(
    text: string,
    values?: unknown[],
  ): Promise<{ rows: R[]; rowCount: number | null }>;
}

/** The live warehouse schema. */
export const WAREHOUSE_SCHEMA = 'dw';
/** Freshness, lag and latency: kept apart from `dw` so that a rebuild swap leaves them alone. */
export const META_SCHEMA = 'dw_meta';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export class InvalidSchemaNameError extends Error {
  override readonly name = 'InvalidSchemaNameError';
}

export function assertSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) throw new InvalidSchemaNameError(`not a valid warehouse schema name: ${schema}`);
  return schema;
}

/**
 * Binds SQL text written against `{dw}` to a schema: every statement names its tables with the schema,
 * so the same statements serve the live warehouse and a rebuild built beside it.
 */
export function inSchema(sql: string, schema: string): string {
  return sql.replaceAll('{dw}', quoteIdentifier(assertSchemaName(schema)));
}

/** Memoises inSchema per schema, for statements run on every batch. */
export class SchemaStatements<K extends string> {
  private readonly bound = new Map<string, Record<K, string>>();

  constructor(private readonly templates: Record<K, string>) {}

  for(schema: string): Record<K, string> {
    let statements = this.bound.get(schema);
    if (!statements) {
      statements = Object.fromEntries(Object.entries(this.templates).map(([k, sql]) => [k, inSchema(sql as string, schema)])) as Record<K, string>;
      this.bound.set(schema, statements);
    }
    return statements;
  }
}
