import { type SqlTransaction } from '../../application/ports/inbox.port';
import { type PooledSession, type SessionPool } from '../inbox/pg.inbox';

/**
 * The part of a typeorm QueryRunner the consumers need (declared here so that messaging does not
 * depend on typeorm): one connection, raw queries with structured results, release.
 */
export interface QueryRunnerLike {
  connect(): Promise<unknown>;
  query(text: string, parameters: unknown[] | undefined, useStructuredResult: true): Promise<{ records: unknown[]; affected?: number | null }>;
  release(): Promise<void>;
  /** typeorm's PostgreSQL runner: releases with an error so that the pool drops the connection. */
  releasePostgresConnection?(error?: Error): Promise<void>;
}

const runners = new WeakMap<object, QueryRunnerLike>();

/**
 * A SessionPool over a typeorm DataSource, so that a consumer's inbox rows and its effects share one
 * typeorm transaction: the batch handler gets the session as `tx` and finds its QueryRunner with
 * `queryRunnerOf(tx)`, whose EntityManager the service's repositories use.
 */
export function queryRunnerSessionPool(source: { createQueryRunner(): QueryRunnerLike }): SessionPool {
  return {
    async connect(): Promise<PooledSession> {
      const runner = source.createQueryRunner();
      await runner.connect();
      const session: PooledSession = {
        query: async <R extends Record<string, unknown>>(text: string, values?: unknown[]) => {
          const result = await runner.query(text, values, true);
          return { rows: result.records as R[], rowCount: result.affected ?? null };
        },
        // A connection the inbox found broken (its ROLLBACK failed) must not go back to the pool.
        release: (destroy?: Error | boolean) => {
          const broken = destroy instanceof Error ? destroy : destroy ? new Error('connection discarded') : undefined;
          const released = broken && runner.releasePostgresConnection ? runner.releasePostgresConnection(broken) : runner.release();
          void released.catch(() => undefined);
        },
      };
      runners.set(session, runner);
      return session;
    },
  };
}

/** The QueryRunner behind a session of queryRunnerSessionPool; throws for any other transaction. */
export function queryRunnerOf<T extends QueryRunnerLike = QueryRunnerLike>(tx: SqlTransaction): T {
  const runner = runners.get(tx);
  if (!runner) throw new Error('this transaction does not come from queryRunnerSessionPool');
  return runner as T;
}
