/**
 * SQL identifiers named by suite definitions (schemas, tables, columns). Suites are code, but they are
 * also meant to be edited by hand and perhaps loaded from files one day: a name is accepted only when
 * it is a plain lower-case PostgreSQL identifier, so nothing in a definition can change a query's
 * shape. Compilers quote the names as well (belt and braces).
 */
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const MAX_IDENTIFIER_LENGTH = 63;

export class InvalidIdentifierError extends Error {
  constructor(
    readonly identifier: unknown,
    readonly role: string,
  ) {
    super(`invalid ${role} ${JSON.stringify(identifier)}: expected a lower-case SQL identifier (a-z, 0-9, _; not starting with a digit; at most ${MAX_IDENTIFIER_LENGTH} characters)`);
    this.name = 'InvalidIdentifierError';
  }
}

export function isIdentifier(name: unknown): name is string {
  return typeof name === 'string' && name.length <= MAX_IDENTIFIER_LENGTH && IDENTIFIER.test(name);
}

/** Returns `name` when it is a valid identifier; throws InvalidIdentifierError naming `role` otherwise. */
export function assertIdentifier(name: unknown, role = 'identifier'): string {
  if (!isIdentifier(name)) throw new InvalidIdentifierError(name, role);
  return name;
}

export interface TableName {
  schema: string;
  table: string;
}

/** `schema.table` or a bare `table` (in `defaultSchema`), both parts validated. */
export function parseTableName(reference: unknown, defaultSchema?: string): TableName {
  if (typeof reference !== 'string') throw new InvalidIdentifierError(reference, 'table');
  const parts = reference.split('.');
  if (parts.length === 2) return { schema: assertIdentifier(parts[0], 'schema'), table: assertIdentifier(parts[1], 'table') };
  if (parts.length === 1) {
    if (defaultSchema === undefined) throw new InvalidIdentifierError(reference, 'table (no schema given and no default schema)');
    return { schema: assertIdentifier(defaultSchema, 'schema'), table: assertIdentifier(parts[0], 'table') };
  }
  throw new InvalidIdentifierError(reference, 'table');
}

export function formatTableName(name: TableName): string {
  return `${name.schema}.${name.table}`;
}

/** The name in double quotes, after validation: safe to splice into SQL text. */
export function quoteIdentifier(name: string, role = 'identifier'): string {
  return `"${assertIdentifier(name, role)}"`;
}

export function quoteTable(reference: string): string {
  const { schema, table } = parseTableName(reference);
  return `${quoteIdentifier(schema, 'schema')}.${quoteIdentifier(table, 'table')}`;
}
