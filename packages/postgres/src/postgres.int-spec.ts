import net from 'node:net';
import { Client } from 'pg';
import { createTestDatabase, testInfrastructure, uniqueName, withDatabase } from '@mercado/testing';
import { copyRows, createPool, DatabaseUnavailableError, ensureDatabase, withTransaction } from './index';

describe('PostgreSQL helpers on the real server', () => {
  const serverUrl = () => testInfrastructure().databaseUrl;

  it('creates a missing database once and reports an existing one', async () => {
    const url = withDatabase(serverUrl(), uniqueName('t_ensure'));
    try {
      expect(await ensureDatabase(url)).toBe('created');
      expect(await ensureDatabase(url)).toBe('exists');
      const concurrent = await Promise.all([ensureDatabase(url), ensureDatabase(url)]);
      expect(concurrent).toEqual(['exists', 'exists']);
    } finally {
      const admin = new Client({ connectionString: serverUrl() });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`);
      await admin.end();
    }
  });

  it('fails fast with a clear error when the server does not answer', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const started = Date.now();
    await expect(ensureDatabase(`postgres://postgres@127.0.0.1:${port}/sales`)).rejects.toThrow(DatabaseUnavailableError);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('commits or rolls back a transaction and streams rows with COPY', async () => {
    const database = await createTestDatabase(serverUrl(), 'pgkit');
    const pool = createPool(database.url, { max: 2 });
    try {
      await pool.query('CREATE TABLE item (id int PRIMARY KEY, note text, price numeric(10,2))');
      await expect(
        withTransaction(pool, async (tx) => {
          await tx.query('INSERT INTO item VALUES (1, $1, 1.00)', ['rolled back']);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect((await pool.query('SELECT count(*)::int AS n FROM item')).rows[0].n).toBe(0);

      async function* rows() {
        for (let i = 0; i < 10_000; i++) yield [i, i % 2 ? `tab\there ${i}` : null, `${i}.99`] as const;
      }
      const copied = await withTransaction(pool, (tx) => copyRows(tx, 'item', ['id', 'note', 'price'], rows()));
      expect(copied).toBe(10_000);
      const { rows: summary } = await pool.query(
        `SELECT count(*)::int AS n, count(note)::int AS notes, sum(price)::text AS total, max(note) FILTER (WHERE id = 1) AS first FROM item`,
      );
      // sum(0..9999) + 10,000 × 0.99
      expect(summary[0]).toEqual({ n: 10_000, notes: 5_000, total: '50004900.00', first: 'tab\there 1' });
    } finally {
      await pool.end();
      await database.drop();
    }
  });
});
