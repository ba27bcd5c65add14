// Between csv-parse and the caller: numbers each record by the physical line where it starts, checks the
// header, validates rows, and recovers from broken quoting. csv-parse (with relax_quotes) lets an unclosed
// quote swallow the following lines into one record; when a record spans lines it should not, or has the
// wrong number of fields across lines, its first physical line is rejected and the rest is parsed again,
// so one bad line costs one line.
import { parse as parseSync, type CsvError, type Options } from 'csv-parse/sync';
import { OLIST_FILES, type OlistFileKind, type OlistFileSpec } from './olist-files';
import type { OlistReadResult, OlistReject } from './olist-records';
import { OlistRowValidator } from './olist-row-validator';

/** The whole file is unusable: its header is not the one published for its kind (or it has none). */
export class OlistHeaderError extends Error {
  constructor(
    readonly file: string,
    readonly fileKind: OlistFileKind,
    readonly expected: readonly string[],
    readonly actual: readonly string[] | null,
  ) {
    super(OlistHeaderError.describe(file, fileKind, expected, actual));
    this.name = 'OlistHeaderError';
  }

  private static describe(
    file: string,
    kind: OlistFileKind,
    expected: readonly string[],
    actual: readonly string[] | null,
  ): string {
    const what = `${file}: not a ${OLIST_FILES[kind].fileName} file`;
    if (actual === null) return `${what}: the file is empty, expected the header ${expected.join(',')}`;
    const at = expected.findIndex((column, i) => actual[i] !== column);
    const index = at === -1 ? expected.length : at;
    const difference =
      index < actual.length
        ? `column ${index + 1} is ${JSON.stringify(actual[index])}, expected ${JSON.stringify(expected[index] ?? '(none)')}`
        : `column ${index + 1} ${JSON.stringify(expected[index])} is missing`;
    return `${what}: unexpected header (${difference}); expected ${expected.join(',')}, found ${actual.join(',')}`;
  }
}

/** What csv-parse yields with `raw: true`: the cells and the record's raw text. */
export interface RawCsvRecord {
  record: string[];
  raw: string;
}

/**
 * The csv-parse options every Olist read uses (stream and recovery alike): BOM stripped, raw text kept for
 * line numbers, lenient quotes and field counts (we judge them ourselves), records csv-parse cannot close
 * (an unterminated quote at the end of the input) handed to onSkip. No on_record hook: csv-parse builds an
 * info object per record for it, which costs more than the parsing.
 */
export function csvParseOptions(onSkip: (error: CsvError | undefined, raw: string) => void): Options {
  return {
    bom: true,
    raw: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined, raw: string | undefined) => {
      onSkip(error, raw ?? '');
      return undefined;
    },
  };
}

const MAX_VALUE_IN_REJECT = 300;
const RUNS_OVER_LINE = 'broken quoting: a quoted field opened on this line runs over its end';
const NEVER_CLOSED = 'broken quoting: a quote opened on this line is never closed';

interface LineSpan {
  /** Line breaks before the record (skipped empty lines). */
  leading: number;
  /** All line breaks in the raw text, leading and terminating ones included. */
  total: number;
  /** Whether the raw text ends with its record delimiter. */
  terminated: boolean;
}

function lineSpan(raw: string): LineSpan {
  let leading = 0;
  let total = 0;
  let onlyBreaksSoFar = true;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code === 13 || code === 10) {
      total++;
      if (onlyBreaksSoFar) leading++;
      if (code === 13 && raw.charCodeAt(i + 1) === 10) i++;
    } else onlyBreaksSoFar = false;
  }
  const last = raw.charCodeAt(raw.length - 1);
  return { leading, total, terminated: last === 13 || last === 10 };
}

function truncate(value: string): string {
  return value.length > MAX_VALUE_IN_REJECT ? `${value.slice(0, MAX_VALUE_IN_REJECT)}…` : value;
}

function countQuotes(text: string): number {
  let quotes = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) quotes++;
  return quotes;
}

/** The first physical line of `text` (without its break) and everything after that break. */
function splitFirstLine(text: string): { first: string; rest: string } {
  const cr = text.indexOf('\r');
  const lf = text.indexOf('\n');
  const end = cr === -1 ? lf : lf === -1 ? cr : Math.min(cr, lf);
  if (end === -1) return { first: text, rest: '' };
  const breakLength = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1;
  return { first: text.slice(0, end), rest: text.slice(end + breakLength) };
}

export type AssembledOutput = OlistReadResult | OlistReadResult[] | null;

export class OlistRecordAssembler<K extends OlistFileKind> {
  private readonly spec: OlistFileSpec;
  private readonly expectedFields: number;
  private nextLine: number;
  private headerSeen: boolean;

  constructor(
    readonly file: string,
    readonly kind: K,
    private readonly validator: OlistRowValidator<K> = new OlistRowValidator(kind),
    firstLine = 1,
    headerSeen = false,
  ) {
    this.spec = OLIST_FILES[kind];
    this.expectedFields = this.spec.columns.length;
    this.nextLine = firstLine;
    this.headerSeen = headerSeen;
  }

  get sawHeader(): boolean {
    return this.headerSeen;
  }

  /** Throws when the file never had a header at all. */
  finish(): void {
    if (!this.headerSeen) throw new OlistHeaderError(this.file, this.kind, this.spec.columns, null);
  }

  /** One record from csv-parse: its cells and raw text. Returns what to hand to the caller, or null. */
  onRecord(cells: string[], raw: string): AssembledOutput {
    const span = lineSpan(raw);
    const line = this.nextLine + span.leading;
    this.nextLine += span.total;
    if (!this.headerSeen) {
      this.headerSeen = true;
      this.checkHeader(cells);
      return null;
    }
    const breaksInside = span.total - span.leading - (span.terminated ? 1 : 0);
    const fieldCountOk = cells.length === this.expectedFields;
    if (breaksInside > 0 && (!fieldCountOk || !this.spec.multiLineFields)) {
      return this.recover(raw, line, RUNS_OVER_LINE);
    }
    if (!fieldCountOk)
      return this.reject(line, null, this.body(raw, span), this.fieldCountReason(cells.length, raw, span));
    const validation = this.validator.validate(cells);
    if (validation.ok) return { kind: 'record', file: this.file, line, record: validation.record };
    const { problem } = validation;
    return this.reject(line, this.spec.columns[problem.index] ?? null, problem.value, problem.reason);
  }

  /** A record csv-parse gave up on (an unclosed quote at the end of the file). */
  onSkip(error: CsvError | undefined, raw: string): OlistReadResult[] {
    const span = lineSpan(raw);
    const line = this.nextLine + span.leading;
    this.nextLine += span.total;
    const reason =
      error?.code === 'CSV_QUOTE_NOT_CLOSED'
        ? NEVER_CLOSED
        : `unreadable record: ${error?.message ?? 'unknown CSV error'}`;
    const output = this.recover(raw, line, reason);
    return Array.isArray(output) ? output : [output];
  }

  private checkHeader(cells: string[]): void {
    const expected = this.spec.columns;
    if (cells.length !== expected.length || expected.some((column, i) => cells[i] !== column)) {
      throw new OlistHeaderError(this.file, this.kind, expected, cells);
    }
  }

  private body(raw: string, span: LineSpan): string {
    let text = raw;
    while (text.charCodeAt(0) === 13 || text.charCodeAt(0) === 10) text = text.slice(1);
    if (span.terminated) text = text.replace(/\r?\n$|\r$/, '');
    return text;
  }

  private fieldCountReason(found: number, raw: string, span: LineSpan): string {
    const count = `expected ${this.expectedFields} fields, found ${found}`;
    const firstLine = splitFirstLine(this.body(raw, span)).first;
    return countQuotes(firstLine) % 2 === 1 ? `broken quoting: unbalanced quotes (${count})` : count;
  }

  /** Rejects the record's first physical line and parses the lines after it again. */
  private recover(raw: string, line: number, reason: string): OlistReadResult | OlistReadResult[] {
    let text = raw;
    while (text.charCodeAt(0) === 13 || text.charCodeAt(0) === 10) text = text.slice(1);
    const { first, rest } = splitFirstLine(text);
    const rejected = this.reject(line, null, first, reason);
    if (rest === '') return rejected;
    // csv-parse keeps only the first byte of a CRLF delimiter in the raw text: restore the line end.
    const restored = rest.endsWith('\r') ? `${rest}\n` : rest;
    const again = new OlistRecordAssembler(this.file, this.kind, this.validator, line + 1, true);
    const results: OlistReadResult[] = [rejected];
    const skipped: { error: CsvError | undefined; raw: string }[] = [];
    const records = parseSync(
      restored,
      csvParseOptions((error, skippedRaw) => skipped.push({ error, raw: skippedRaw })),
    ) as unknown as RawCsvRecord[];
    for (const { record, raw: recordRaw } of records) {
      const output = again.onRecord(record, recordRaw);
      if (Array.isArray(output)) results.push(...output);
      else if (output !== null) results.push(output);
    }
    // With relaxed quotes and field counts, csv-parse only skips an unclosed quote at the end of its input.
    for (const skip of skipped) results.push(...again.onSkip(skip.error, skip.raw));
    return results;
  }

  private reject(line: number, column: string | null, value: string, reason: string): OlistReject {
    return { kind: 'reject', file: this.file, line, column, value: truncate(value), reason };
  }
}
