// Streams one Olist CSV file through csv-parse and yields validated typed records and rejects, in file order.
// Nothing is held but the records in flight: the file is read in chunks with the stream's backpressure.
import { createReadStream } from 'node:fs';
import { parse, type CsvError } from 'csv-parse';
import type { OlistFileKind } from './olist-files';
import type { OlistReadResult } from './olist-records';
import { csvParseOptions, OlistRecordAssembler, type RawCsvRecord } from './olist-record-assembler';

export interface OlistFileCounters {
  /** Data records seen (header excluded): accepted + rejected. */
  read: number;
  accepted: number;
  rejected: number;
}

export interface ReadOlistFileOptions {
  /** What results name as `file`; defaults to the path given. */
  label?: string;
  /** Read chunk size in bytes. */
  highWaterMark?: number;
}

/** An async iterable of one file's results, with running counters. */
export interface OlistFileRead<K extends OlistFileKind> extends AsyncIterable<OlistReadResult<K>> {
  readonly file: string;
  readonly fileKind: K;
  readonly counters: Readonly<OlistFileCounters>;
}

/**
 * Reads `path` as the Olist file of the given kind. Yields `{ kind: 'record', line, record }` for good rows and
 * `{ kind: 'reject', line, column, value, reason }` for bad ones, in file order. Throws OlistHeaderError when
 * the header is not exactly the published one (the whole file is then refused).
 */
export function readOlistFile<K extends OlistFileKind>(
  path: string,
  kind: K,
  options: ReadOlistFileOptions = {},
): OlistFileRead<K> {
  const file = options.label ?? path;
  const counters: OlistFileCounters = { read: 0, accepted: 0, rejected: 0 };
  return {
    file,
    fileKind: kind,
    counters,
    [Symbol.asyncIterator]: () => iterate(path, kind, file, counters, options.highWaterMark ?? 256 * 1024),
  };
}

async function* iterate<K extends OlistFileKind>(
  path: string,
  kind: K,
  file: string,
  counters: OlistFileCounters,
  highWaterMark: number,
): AsyncGenerator<OlistReadResult<K>> {
  const assembler = new OlistRecordAssembler(file, kind);
  // Records csv-parse gave up on arrive through a callback, ahead of the records still buffered in the
  // stream; each remembers how many records came before it so that it is handled in file order.
  const skipped: { afterRecords: number; error: CsvError | undefined; raw: string }[] = [];
  const parser = parse(
    csvParseOptions((error, raw) => skipped.push({ afterRecords: parser.info.records, error, raw })),
  );
  const source = createReadStream(path, { highWaterMark });
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  const count = (result: OlistReadResult): OlistReadResult<K> => {
    counters.read++;
    if (result.kind === 'record') counters.accepted++;
    else counters.rejected++;
    return result as OlistReadResult<K>;
  };
  let records = 0;
  try {
    for await (const { record, raw } of parser as AsyncIterable<RawCsvRecord>) {
      while (skipped.length > 0 && skipped[0]!.afterRecords <= records) {
        const skip = skipped.shift()!;
        for (const result of assembler.onSkip(skip.error, skip.raw)) yield count(result);
      }
      records++;
      const output = assembler.onRecord(record, raw);
      if (output === null) continue;
      if (Array.isArray(output)) {
        for (const result of output) yield count(result);
      } else yield count(output);
    }
    for (const skip of skipped) {
      for (const result of assembler.onSkip(skip.error, skip.raw)) yield count(result);
    }
    assembler.finish();
  } finally {
    source.unpipe(parser);
    source.destroy();
    parser.destroy();
  }
}
