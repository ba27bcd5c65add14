import { readNdjson } from '@mercado/service-kit';
import { type Request } from 'express';
import type Joi from 'joi';
import { type ImportReject, type RecordSource } from '../../application/shared/import-reject';

/** A reject as the import answer lists it. */
export interface ImportRejectView {
  file: string;
  line: number;
  id: string | null;
  field: string | null;
  code: string;
  reason: string;
}

export interface ImportReport {
  received: number;
  /** Records that changed the catalogue (the sum of the use case's change counters). */
  accepted: number;
  rejected: number;
  /** At most MAX_REJECTS_LISTED; all are counted in `rejected`. */
  rejects: ImportRejectView[];
  rejects_truncated: boolean;
  /** Transactions run (one per chunk). */
  chunks: number;
  [counter: string]: unknown;
}

export const MAX_REJECTS_LISTED = 10_000;

export interface NdjsonImport<Row> {
  req: Request;
  /** Names the source in the rejects (`?file=`). */
  file: string;
  chunkSize: number;
  /** The record's shape: Olist's columns as text or null (the domain judges the values). */
  shape: Joi.ObjectSchema;
  /** The column holding the record's id, echoed in its reject. */
  idColumn: string;
  /** The counters the use case returns besides `rejected`, e.g. listed / updated / unchanged. */
  counters: readonly string[];
  /** Those of the counters that count changes (their sum is `accepted`). */
  changeCounters: readonly string[];
  /** Applies one chunk in one transaction. */
  execute(records: { source: RecordSource; row: Row }[]): Promise<{ rejected: ImportReject[] }>;
}

/**
 * Streams an NDJSON body (one Olist row per line) into a use case, `chunkSize` records per call (one
 * transaction each), never holding the body in memory. A line that is not JSON, or not an object of
 * text columns, is rejected here with its line and column; the use case rejects the rest of what is
 * wrong; good records go on.
 */
export async function runNdjsonImport<Row>(options: NdjsonImport<Row>): Promise<ImportReport> {
  const { file } = options;
  const report: ImportReport = { received: 0, accepted: 0, rejected: 0, rejects: [], rejects_truncated: false, chunks: 0 };
  for (const counter of options.counters) report[counter] = 0;
  const reject = (view: ImportRejectView) => {
    report.rejected += 1;
    if (report.rejects.length < MAX_REJECTS_LISTED) report.rejects.push(view);
    else report.rejects_truncated = true;
  };
  let chunk: { source: RecordSource; row: Row }[] = [];
  const flush = async () => {
    if (chunk.length === 0) return;
    const records = chunk;
    chunk = [];
    const result = await options.execute(records);
    report.chunks += 1;
    for (const counter of options.counters) {
      const value = (result as Record<string, unknown>)[counter];
      if (typeof value !== 'number') continue;
      report[counter] = (report[counter] as number) + value;
      if (options.changeCounters.includes(counter)) report.accepted += value;
    }
    for (const r of result.rejected) {
      reject({ file, line: r.source?.line ?? 0, id: r.id, field: r.field, code: r.code, reason: r.reason });
    }
  };

  for await (const line of readNdjson(options.req)) {
    report.received += 1;
    if ('error' in line) {
      reject({ file, line: line.line, id: null, field: null, code: 'invalid-json', reason: line.error });
      continue;
    }
    const { error } = options.shape.validate(line.value, { abortEarly: false, convert: false });
    if (error) {
      const first = error.details[0]!;
      const value = line.value as Record<string, unknown> | null;
      const id = value !== null && typeof value === 'object' ? value[options.idColumn] : null;
      reject({
        file,
        line: line.line,
        id: typeof id === 'string' ? id : null,
        field: first.path.length > 0 ? String(first.path[0]) : null,
        code: 'invalid-record',
        reason: error.details.map((d) => d.message).join('; '),
      });
      continue;
    }
    chunk.push({ source: { file, line: line.line }, row: line.value as Row });
    if (chunk.length >= options.chunkSize) await flush();
  }
  await flush();
  return report;
}
