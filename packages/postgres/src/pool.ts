import { Client, Pool, type PoolClient, type PoolConfig } from 'pg';
import { databaseName, quoteIdentifier, withDatabaseName } from './database-url';
import { DatabaseUnavailableError } from './errors';

export type { Pool, PoolClient } from 'pg';

/** Anything that runs a parameterised query: a pool, a pooled client, a transaction. */
export interface SqlExecutor {
  query<R extends Record<string, unknown> = Record<string, unknown>>(
    text: string,
    values?: unknown[],
  ): Promise<{ rows: R[]; rowCount: number | null }>;
}

export interface PoolOptions {
  max?: number;
  applicationName?: string;
  connectionTimeoutMillis?: number;
  statementTimeoutMillis?: number;
}

export function createPool(url: string, options: PoolOptions = {}): Pool {
  const config: PoolConfig = {
    connectionString: url,
    max: options.max ?? 10,
    application_name: options.applicationName,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5_000,
    idleTimeoutMillis: 30_000,
  };
  if (options.statementTimeoutMillis) config.statement_timeout = options.statementTimeoutMillis;
  const pool = new Pool(config);
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * Creates the database named in `url` when it is missing (connecting to the server's `postgres`
 * maintenance database). Fails within the connection timeout with a DatabaseUnavailableError.
 */
export async function ensureDatabase(url: string, connectionTimeoutMillis = 5_000): Promise<'created' | 'exists'> {
  const name = databaseName(url);
  const admin = new Client({ connectionString: withDatabaseName(url, 'postgres'), connectionTimeoutMillis });
  try {
    await admin.connect();
  } catch (error) {
    throw new DatabaseUnavailableError(url, error);
  }
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return 'exists';
    try {
      await admin.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
      return 'created';
    } catch (error) {
      // Two processes racing to create it: the loser sees duplicate_database.
      if ((error as { code?: string }).code === '42P04') return 'exists';
      throw error;
    }
  } finally {
    await admin.end();
  }
}

/** Runs `work` in a transaction on one pooled client: COMMIT when it resolves, ROLLBACK when it throws. */
export async function withTransaction<T>(pool: Pool, work: (tx: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Resolves when `SELECT 1` answers; used by readiness checks. */
export async function ping(executor: SqlExecutor): Promise<void> {
  await executor.query('SELECT 1');
}
