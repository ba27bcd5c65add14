import { readNdjson } from '@mercado/service-kit';
import { type Request } from 'express';
import Joi from 'joi';
import { type ImportRejection } from '../../application/commands/shared/import-rejection';
import { checkRecord, type RecordShape } from './flat-record';

/** One record an import did not take, by its line in the body. */
export interface ImportReject {
  line: number;
  /** The record's id as far as it could be read (customer_id, review_id). */
  id: string | null;
  /** `invalid-json`, `invalid-record`, or the domain's code (`invalid-field`, `review-conflict`...). */
  code: string;
  field: string | null;
  reason: string;
}

export interface ImportSummary {
  /** Non-blank lines read. */
  received: number;
  /** Records that changed something. */
  accepted: number;
  /** Records repeating what is stored (or came earlier in the body): idempotent no-ops. */
  duplicates: number;
  rejected: ImportReject[];
}

export const importSummarySchema = Joi.object({
  received: Joi.number().integer(),
  accepted: Joi.number().integer(),
  duplicates: Joi.number().integer(),
  rejected: Joi.array().items(
    Joi.object({ line: Joi.number().integer(), id: Joi.string().allow(null), code: Joi.string(), field: Joi.string().allow(null), reason: Joi.string() }),
  ),
});

export interface ChunkOutcome {
  accepted: number;
  /** Indexes (in the chunk) of the records that changed nothing. */
  unchanged: readonly number[];
  rejected: readonly ImportRejection[];
}

/**
 * Streams an NDJSON body line by line, checks each line's shape, and hands the good records to
 * `importChunk` `chunkSize` at a time (one transaction each), so that the body is never held whole.
 * Bad lines are reported with their line number while the others go on.
 */
export async function importNdjson<R>(
  req: Request,
  options: { shape: RecordShape; idField: string; chunkSize: number; importChunk: (records: R[]) => Promise<ChunkOutcome> },
): Promise<ImportSummary> {
  const summary: ImportSummary = { received: 0, accepted: 0, duplicates: 0, rejected: [] };
  let chunk: { line: number; record: R }[] = [];
  const flush = async (): Promise<void> => {
    if (chunk.length === 0) return;
    const batch = chunk;
    chunk = [];
    const outcome = await options.importChunk(batch.map((entry) => entry.record));
    summary.accepted += outcome.accepted;
    summary.duplicates += outcome.unchanged.length;
    for (const rejection of outcome.rejected) {
      summary.rejected.push({ line: batch[rejection.index]!.line, id: rejection.id, code: rejection.code, field: rejection.field, reason: rejection.reason });
    }
  };
  for await (const entry of readNdjson(req)) {
    summary.received++;
    if ('error' in entry) {
      summary.rejected.push({ line: entry.line, id: null, code: 'invalid-json', field: null, reason: entry.error });
      continue;
    }
    const faults = checkRecord(options.shape, entry.value);
    if (faults.length > 0) {
      const id = (entry.value as Record<string, unknown> | null)?.[options.idField];
      for (const fault of faults) {
        summary.rejected.push({ line: entry.line, id: typeof id === 'string' ? id : null, code: 'invalid-record', field: fault.field, reason: fault.reason });
      }
      continue;
    }
    chunk.push({ line: entry.line, record: entry.value as R });
    if (chunk.length >= options.chunkSize) await flush();
  }
  await flush();
  summary.rejected.sort((a, b) => a.line - b.line);
  return summary;
}
