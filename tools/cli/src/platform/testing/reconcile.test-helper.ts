import { createPool, quoteIdentifier } from '@mercado/postgres';
import { compareMarts, computeOracleMarts, loadRawOlist, type ComparisonReport } from '../../oracle';
import { platformServices } from '../service-catalog';
import type { TestPlatform } from './platform.test-harness';

export interface Reconciliation {
  report: ComparisonReport;
  oracleSchema: string;
  /** Rows the oracle staged and rejected, by file. */
  files: Array<{ file: string; staged: number; rejected: number }>;
}

/** Runs the oracle over `dir` inside the platform's warehouse database and compares its marts with `dw`. */
export async function reconcile(platform: TestPlatform, dir: string, oracleSchema?: string): Promise<Reconciliation> {
  const warehouse = platform.services.find((s) => s.service.name === 'warehouse')!;
  const pool = createPool(warehouse.databaseUrl, { max: 4 });
  try {
    const load = await loadRawOlist(pool, dir, oracleSchema);
    await computeOracleMarts(pool, load.schema);
    const report = await compareMarts(pool, { oracleSchema: load.schema, warehouseSchema: 'dw' });
    return { report, oracleSchema: load.schema, files: load.files.map((f) => ({ file: f.file, staged: f.staged, rejected: f.rejected })) };
  } finally {
    await pool.end();
  }
}

/**
 * What an import leaves in the platform: the rows of every table of every service's database (the
 * oracle's scratch schemas aside), every sequence's last value, a digest of each warehouse mart's
 * contents, and the messages on every topic. The warehouse's `quality` schema is left out too: its runs
 * are observations of the data, appended after every applied batch (a re-import's duplicates included),
 * not data an import writes.
 */
export interface PlatformSnapshot {
  rows: Record<string, number>;
  sequences: Record<string, string | null>;
  martDigests: Record<string, string>;
  topicMessages: Record<string, number>;
}

export async function snapshotPlatform(platform: TestPlatform): Promise<PlatformSnapshot> {
  const rows: Record<string, number> = {};
  const sequences: Record<string, string | null> = {};
  const martDigests: Record<string, string> = {};
  for (const { name } of platformServices) {
    const tables = await platform.query<{ schema: string; table: string }>(
      name,
      `SELECT table_schema AS schema, table_name AS table FROM information_schema.tables
       WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
         AND table_schema NOT LIKE 'oracle%' AND table_schema <> 'quality' ORDER BY 1, 2`,
    );
    for (const { schema, table } of tables) {
      const [count] = await platform.query<{ n: number }>(
        name,
        `SELECT count(*)::int AS n FROM ${quoteIdentifier(schema)}.${quoteIdentifier(table)}`,
      );
      rows[`${name}:${schema}.${table}`] = count!.n;
      if (name === 'warehouse' && schema === 'dw' && table.startsWith('mart_')) {
        const [digest] = await platform.query<{ md5: string | null }>(
          name,
          `SELECT md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS md5 FROM ${quoteIdentifier(schema)}.${quoteIdentifier(table)} t`,
        );
        martDigests[table] = digest!.md5 ?? 'empty';
      }
    }
    for (const sequence of await platform.query<{ name: string; last: string | null }>(
      name,
      `SELECT schemaname || '.' || sequencename AS name, last_value::text AS last FROM pg_sequences
       WHERE schemaname NOT LIKE 'oracle%' AND schemaname <> 'quality' ORDER BY 1`,
    )) {
      sequences[`${name}:${sequence.name}`] = sequence.last;
    }
  }
  return { rows, sequences, martDigests, topicMessages: await platform.topicMessages() };
}
