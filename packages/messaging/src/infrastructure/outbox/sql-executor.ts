import { type PoolClient } from 'pg';

/**
 * Anything that runs a parameterised query: a pg Pool, a PoolClient inside a transaction, a
 * typeorm QueryRunner or EntityManager. The outbox writer needs nothing more.
 */
export interface SqlExecutor {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

interface MaybeConnection {
  query?: unknown;
  /** pg's Client: its wire-protocol Connection (which has a socket stream). */
  connection?: { stream?: unknown } | null;
  /** typeorm's PostgresQueryRunner: the pg client it holds. */
  databaseConnection?: unknown;
  /** typeorm's EntityManager: the query runner it is bound to (inside a transaction). */
  queryRunner?: MaybeConnection | null;
}

/**
 * The single pg connection behind an executor, when there is one that COPY can stream into: a pg
 * Client or PoolClient, a typeorm QueryRunner, or an EntityManager bound to one (inside a typeorm
 * transaction). A Pool, an unbound EntityManager or anything else answers undefined: they have no
 * one connection, so the caller keeps to plain statements. Duck-typed on purpose: messaging depends
 * on neither typeorm nor a particular copy of pg.
 */
export function copyConnectionOf(executor: SqlExecutor): PoolClient | undefined {
  const candidate = executor as MaybeConnection;
  if (isPgClient(candidate)) return candidate as unknown as PoolClient;
  const runner = candidate.queryRunner ?? candidate;
  const connection = runner.databaseConnection as MaybeConnection | undefined;
  return connection && isPgClient(connection) ? (connection as unknown as PoolClient) : undefined;
}

function isPgClient(candidate: MaybeConnection): boolean {
  return typeof candidate.query === 'function' && typeof candidate.connection?.stream === 'object' && candidate.connection.stream !== null;
}
