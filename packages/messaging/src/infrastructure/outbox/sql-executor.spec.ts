import { copyConnectionOf } from './sql-executor';

/** Shaped like pg's Client: query() and a wire Connection with its socket stream. */
const pgClient = () => ({ query: async () => undefined, connection: { stream: {} } });

describe('copyConnectionOf', () => {
  it('takes a pg Client or PoolClient itself', () => {
    const client = pgClient();
    expect(copyConnectionOf(client)).toBe(client);
  });

  it("takes the pg client of a typeorm QueryRunner, or of the runner an EntityManager is bound to", () => {
    const client = pgClient();
    const runner = { query: async () => undefined, connection: { name: 'a DataSource' }, databaseConnection: client };
    expect(copyConnectionOf(runner)).toBe(client);
    const manager = { query: async () => undefined, queryRunner: runner };
    expect(copyConnectionOf(manager)).toBe(client);
  });

  it('has nothing for a Pool, an unbound EntityManager or a runner not connected yet', () => {
    expect(copyConnectionOf({ query: async () => undefined, totalCount: 0 } as never)).toBeUndefined();
    expect(copyConnectionOf({ query: async () => undefined, queryRunner: undefined } as never)).toBeUndefined();
    expect(copyConnectionOf({ query: async () => undefined, databaseConnection: undefined } as never)).toBeUndefined();
    expect(copyConnectionOf({ query: async () => undefined, connection: { stream: null } } as never)).toBeUndefined();
  });
});
