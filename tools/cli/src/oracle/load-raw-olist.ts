// Loads the nine raw Olist files into a scratch schema: each file streams through the oracle's record reader
// (BOM, CRLF, quoting, line numbers, the reader's row validation) into a text staging table with COPY; rejects
// go to oracle_rejects; typed tables are then made in SQL. Nothing but the records in flight is held in memory.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { quoteIdentifier, type Pool } from '@mercado/postgres';
import { OLIST_FILES, OLIST_FILE_KINDS, type OlistFileKind } from '../olist';
import { REJECTS_TABLE, stagingDdl, stagingTable, typedSql } from './oracle-load.sql';
import { readOracleRows, type OracleReject } from './oracle-row-reader';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const REJECT_BATCH = 5_000;
const COPY_CHUNK = 256 * 1024;
const NEEDS_ESCAPE = /[\\\t\n\r]/;

/** One text field in COPY's text format; most Olist fields need no escaping, so test before replacing. */
function copyField(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

export class OracleInputError extends Error {
  override readonly name = 'OracleInputError';
}

export interface OracleFileLoad {
  kind: OlistFileKind;
  /** The file name as found (`olist_orders_dataset.csv`, or its `.head.csv` excerpt). */
  file: string;
  /** Records read (header excluded): staged + rejected by row rules. */
  read: number;
  staged: number;
  rejected: number;
  /** Reading, validating and COPY of this file. */
  millis: number;
}

export interface OracleLoadResult {
  schema: string;
  files: OracleFileLoad[];
  /** Rows rejected: by row rules while reading, plus duplicate keys found in SQL. */
  rejects: number;
  /** Making the typed tables from staging (casts, duplicate keys, indexes). */
  typedMillis: number;
  millis: number;
}

/** A fresh scratch schema name, `oracle_<epoch ms>`. */
export function oracleSchemaName(now = Date.now()): string {
  return `oracle_${now}`;
}

/** Replaces `{s}` by the quoted schema. */
export function inSchema(sql: string, schema: string): string {
  return sql.replaceAll('{s}', quoteIdentifier(schema));
}

/**
 * Finds each of the nine files in `dir`: the published name, or the `.head.csv` excerpt of it (as in
 * /work/shared/olist/real). Throws OracleInputError naming every file missing.
 */
export function resolveOlistFiles(dir: string): Record<OlistFileKind, string> {
  const found: Partial<Record<OlistFileKind, string>> = {};
  const missing: string[] = [];
  for (const kind of OLIST_FILE_KINDS) {
    const name = OLIST_FILES[kind].fileName;
    const candidate = [name, name.replace(/\.csv$/, '.head.csv')].find((file) => existsSync(join(dir, file)));
    if (candidate === undefined) missing.push(name);
    else found[kind] = candidate;
  }
  if (missing.length > 0) throw new OracleInputError(`${dir}: missing Olist files: ${missing.join(', ')}`);
  return found as Record<OlistFileKind, string>;
}

async function insertRejects(pool: Pool, schema: string, rejects: OracleReject[]): Promise<void> {
  if (rejects.length === 0) return;
  await pool.query(
    inSchema(
      `INSERT INTO {s}.${REJECTS_TABLE} (file, line, column_name, value, reason)
       SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[])`,
      schema,
    ),
    [
      rejects.map((r) => r.file),
      rejects.map((r) => r.line),
      rejects.map((r) => r.column),
      rejects.map((r) => r.value),
      rejects.map((r) => r.reason),
    ],
  );
}

async function loadFile(pool: Pool, schema: string, dir: string, kind: OlistFileKind, file: string): Promise<OracleFileLoad> {
  const started = Date.now();
  const load: OracleFileLoad = { kind, file, read: 0, staged: 0, rejected: 0, millis: 0 };
  let pending: OracleReject[] = [];
  // COPY text format, built in chunks: line number, then the cells, tab-separated.
  async function* copyText(): AsyncGenerator<string> {
    let chunk = '';
    for await (const batch of readOracleRows(join(dir, file), kind, file)) {
      for (const result of batch) {
        load.read++;
        if (result.kind === 'row') {
          load.staged++;
          chunk += `${result.line}`;
          for (const cell of result.cells) chunk += `\t${copyField(cell)}`;
          chunk += '\n';
        } else {
          load.rejected++;
          pending.push(result);
        }
      }
      if (chunk.length >= COPY_CHUNK) {
        yield chunk;
        chunk = '';
      }
      if (pending.length >= REJECT_BATCH) {
        // Another connection: this one is busy with the COPY.
        await insertRejects(pool, schema, pending);
        pending = [];
      }
    }
    if (chunk !== '') yield chunk;
  }
  const columns = ['line', ...OLIST_FILES[kind].columns].map(quoteIdentifier).join(', ');
  const client = await pool.connect();
  try {
    const copy = `COPY ${quoteIdentifier(schema)}.${quoteIdentifier(stagingTable(kind))} (${columns}) FROM STDIN`;
    await pipeline(Readable.from(copyText()), client.query(copyFrom(copy)));
  } finally {
    client.release();
  }
  await insertRejects(pool, schema, pending);
  load.millis = Date.now() - started;
  return load;
}

/** Drops an oracle schema and everything in it. */
export async function dropOracleSchema(pool: Pool, schema: string): Promise<void> {
  await pool.query(inSchema('DROP SCHEMA IF EXISTS {s} CASCADE', schema));
}

/**
 * Creates `schema` (it must not exist) and loads the nine Olist files of `dir` into it: staging tables
 * raw_<kind> (text), typed tables (customers, orders, order_items, order_payments, order_reviews, products,
 * sellers, geolocation, category_translation) and oracle_rejects (file, line, column_name, value, reason).
 * Throws OracleInputError for a missing file and OlistHeaderError for a file whose header is not Olist's (the
 * schema is then dropped again).
 */
export async function loadRawOlist(pool: Pool, dir: string, schema: string = oracleSchemaName()): Promise<OracleLoadResult> {
  if (!SCHEMA_NAME.test(schema)) {
    throw new OracleInputError(`not a plain schema name (lowercase letters, digits, _): ${JSON.stringify(schema)}`);
  }
  const started = Date.now();
  const files = resolveOlistFiles(dir);
  await pool.query(inSchema(`CREATE SCHEMA {s};\n${stagingDdl()}`, schema));
  const loads: OracleFileLoad[] = [];
  let typedMillis: number;
  try {
    // Two files at a time: the reading (this process) and the COPY (the server) overlap on two cores.
    // On a failure the other worker finishes its file and takes no other, so nothing runs when the schema is dropped.
    const queue = [...OLIST_FILE_KINDS];
    const workers = await Promise.allSettled(
      [0, 1].map(async () => {
        for (let kind = queue.shift(); kind !== undefined; kind = queue.shift()) {
          try {
            loads.push(await loadFile(pool, schema, dir, kind, files[kind]));
          } catch (error) {
            queue.length = 0;
            throw error;
          }
        }
      }),
    );
    const failure = workers.find((worker) => worker.status === 'rejected');
    if (failure) throw failure.reason;
    const typedStarted = Date.now();
    await pool.query(inSchema(typedSql(files), schema));
    typedMillis = Date.now() - typedStarted;
  } catch (error) {
    // A refused file (e.g. a foreign header) leaves no half-loaded schema behind.
    await dropOracleSchema(pool, schema).catch(() => undefined);
    throw error;
  }
  const { rows } = await pool.query<{ count: string }>(inSchema(`SELECT count(*) FROM {s}.${REJECTS_TABLE}`, schema));
  loads.sort((a, b) => OLIST_FILE_KINDS.indexOf(a.kind) - OLIST_FILE_KINDS.indexOf(b.kind));
  return { schema, files: loads, rejects: Number(rows[0]!.count), typedMillis, millis: Date.now() - started };
}
