// Benchmark of the oracle: load the nine files and compute the marts in a throwaway database, print the figures.
//   pnpm --filter @mercado/cli bench:oracle -- --dir <olist dir>
//   pnpm --filter @mercado/cli bench:oracle -- --scale 1 [--seed 42]     (generates a synthetic set first)
// DATABASE_URL names the server (default postgres://postgres@127.0.0.1:5432/postgres).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client } from 'pg';
import { createPool, quoteIdentifier, withDatabaseName } from '@mercado/postgres';
import { computeOracleMarts } from './compute-oracle-marts';
import { loadRawOlist } from './load-raw-olist';

interface Generator {
  generateOlist(options: { scale: number; seed: number; outDir: string }): Promise<{ rows: number }>;
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
}

async function main(): Promise<void> {
  const server = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  let dir = argument('dir');
  let generated: string | undefined;
  if (dir === undefined) {
    const scale = Number(argument('scale') ?? '1');
    const seed = Number(argument('seed') ?? '42');
    generated = await mkdtemp(join(tmpdir(), 'oracle-bench-'));
    // Loaded at run time: the generator is another module of this package, not a dependency of the oracle.
    const generatorModule = pathToFileURL(join(__dirname, '..', 'generate', 'index.js')).href;
    const { generateOlist } = (await import(generatorModule)) as Generator;
    const started = Date.now();
    const summary = await generateOlist({ scale, seed, outDir: generated });
    console.log(`generated scale ${scale} seed ${seed}: ${summary.rows} rows in ${Date.now() - started} ms`);
    dir = generated;
  }
  const database = `oracle_bench_${Date.now()}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${quoteIdentifier(database)}`);
  const pool = createPool(withDatabaseName(server, database), { max: 4 });
  try {
    const load = await loadRawOlist(pool, dir, 'oracle_bench');
    for (const file of load.files) {
      console.log(`  ${file.file.padEnd(42)} ${String(file.staged).padStart(9)} rows  ${String(file.rejected).padStart(5)} rejected  ${String(file.millis).padStart(6)} ms`);
    }
    console.log(`typed tables: ${load.typedMillis} ms`);
    console.log(`load (read, validate, COPY two files at a time, typed tables): ${load.millis} ms, ${load.rejects} rejects`);
    const marts = await computeOracleMarts(pool, 'oracle_bench');
    for (const step of marts.steps) console.log(`  ${step.step.padEnd(28)} ${String(step.millis).padStart(7)} ms`);
    console.log(`marts: ${marts.millis} ms; rows ${JSON.stringify(marts.rows)}`);
    console.log(`oracle total: ${load.millis + marts.millis} ms`);
  } finally {
    await pool.end();
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`);
    await admin.end();
    if (generated) await rm(generated, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
