/**
 * Anything that runs a parameterised query: a pg Pool, a PoolClient inside a transaction, a
 * typeorm QueryRunner or EntityManager. The outbox writer needs nothing more.
 */
export interface SqlExecutor {
  query(text: string, values?: unknown[]): Promise<unknown>;
}
