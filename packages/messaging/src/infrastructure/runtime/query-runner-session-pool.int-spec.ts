import { createPool, type Pool, type PoolClient } from '@mercado/postgres';
import { createTestDatabase, testInfrastructure, type TestDatabase } from '@mercado/testing';
import { EFFECT_TABLE_SQL, effectCounts, recordEffects } from '../../test-support/effect-table';
import { orderApproved } from '../../test-support/sample-events';
import { PgInbox } from '../inbox/pg.inbox';
import { ensureMessagingSchema } from '../outbox/messaging-schema';
import { queryRunnerOf, queryRunnerSessionPool, type QueryRunnerLike } from './query-runner-session-pool';

/** A QueryRunner of the typeorm shape over one pg connection (typeorm's own is used by the services). */
class PgQueryRunner implements QueryRunnerLike {
  client: PoolClient | undefined;
  released = false;
  constructor(private readonly pool: Pool) {}
  async connect(): Promise<void> {
    this.client = await this.pool.connect();
  }
  async query(text: string, parameters: unknown[] | undefined): Promise<{ records: unknown[]; affected: number | null }> {
    const result = await this.client!.query(text, parameters);
    return { records: result.rows, affected: result.rowCount };
  }
  async release(): Promise<void> {
    this.released = true;
    this.client!.release();
  }
}

describe('queryRunnerSessionPool (real PostgreSQL)', () => {
  const infra = testInfrastructure();
  let database: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    database = await createTestDatabase(infra.databaseUrl, 'qrpool');
    pool = createPool(database.url, { max: 2 });
    await ensureMessagingSchema(pool);
    await pool.query(EFFECT_TABLE_SQL);
  });

  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  it('runs the inbox and the effects on the runner the handler finds, committed together or not at all', async () => {
    const runners: PgQueryRunner[] = [];
    const sessions = queryRunnerSessionPool({
      createQueryRunner: () => {
        const runner = new PgQueryRunner(pool);
        runners.push(runner);
        return runner;
      },
    });
    const inbox = new PgInbox(sessions, 'qr-consumer');
    const first = orderApproved('qr-order-1');

    await inbox.applyOnce([first], async (tx, fresh) => {
      expect(queryRunnerOf<PgQueryRunner>(tx)).toBe(runners[0]);
      await recordEffects(tx, fresh);
    });
    expect(await effectCounts(pool)).toEqual({ total: 1, distinct: 1 });

    const second = orderApproved('qr-order-2');
    await expect(
      inbox.applyOnce([first, second], async (tx, fresh) => {
        expect(fresh.map((e) => e.id)).toEqual([second.id]);
        await recordEffects(tx, fresh);
        throw new Error('the effect failed after writing');
      }),
    ).rejects.toThrow('the effect failed after writing');
    expect(await effectCounts(pool)).toEqual({ total: 1, distinct: 1 });
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM messaging_inbox');
    expect(rows[0]!.n).toBe(1);
    expect(runners.every((runner) => runner.released)).toBe(true);
    expect(() => queryRunnerOf(pool as never)).toThrow('does not come from queryRunnerSessionPool');
  });
});
