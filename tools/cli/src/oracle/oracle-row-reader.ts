// Reads one Olist file for the oracle: splits records (csv-record-splitter), numbers them by physical line,
// checks the header, rejects records of the wrong shape with the reader's recovery for broken quoting, and
// validates each row with the reader's own row validator (exported by ../olist), so that a row is rejected
// here exactly when the platform's import rejects it. Yields rows as text cells: typing is left to SQL.
import { createReadStream } from 'node:fs';
import {
  OLIST_FILES,
  OlistHeaderError,
  OlistRowValidator,
  type OlistFileKind,
  type OlistFileSpec,
} from '../olist';
import { CsvRecordSplitter, type SplitRecord } from './csv-record-splitter';

export interface OracleRow {
  kind: 'row';
  line: number;
  cells: string[];
}

export interface OracleReject {
  kind: 'reject';
  file: string;
  line: number;
  column: string | null;
  value: string;
  reason: string;
}

export type OracleReadResult = OracleRow | OracleReject;

// The reader's wording, so that rejects compare equal across the two paths.
const RUNS_OVER_LINE = 'broken quoting: a quoted field opened on this line runs over its end';
const NEVER_CLOSED = 'broken quoting: a quote opened on this line is never closed';
const MAX_VALUE_IN_REJECT = 300;

interface LineSpan {
  leading: number;
  total: number;
  terminated: boolean;
}

function lineSpan(raw: string): LineSpan {
  let leading = 0;
  let total = 0;
  let onlyBreaks = true;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code === 13 || code === 10) {
      total++;
      if (onlyBreaks) leading++;
      if (code === 13 && raw.charCodeAt(i + 1) === 10) i++;
    } else onlyBreaks = false;
  }
  const last = raw.charCodeAt(raw.length - 1);
  return { leading, total, terminated: last === 13 || last === 10 };
}

function stripLeadingBreaks(raw: string): string {
  let start = 0;
  while (raw.charCodeAt(start) === 13 || raw.charCodeAt(start) === 10) start++;
  return raw.slice(start);
}

function withoutTerminator(text: string): string {
  return text.replace(/\r?\n$|\r$/, '');
}

function splitFirstLine(text: string): { first: string; rest: string } {
  const match = /\r\n|\r|\n/.exec(text);
  if (match === null) return { first: text, rest: '' };
  return { first: text.slice(0, match.index), rest: text.slice(match.index + match[0].length) };
}

function truncate(value: string): string {
  return value.length > MAX_VALUE_IN_REJECT ? `${value.slice(0, MAX_VALUE_IN_REJECT)}…` : value;
}

function oddQuotes(text: string): boolean {
  let quotes = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) quotes++;
  return quotes % 2 === 1;
}

/** Turns split records into rows and rejects, in file order. */
export class OracleRowAssembler {
  private readonly spec: OlistFileSpec;
  private readonly validator: OlistRowValidator<OlistFileKind>;
  private nextLine: number;
  private headerSeen: boolean;

  constructor(
    readonly file: string,
    readonly kind: OlistFileKind,
    firstLine = 1,
    headerSeen = false,
    validator?: OlistRowValidator<OlistFileKind>,
  ) {
    this.spec = OLIST_FILES[kind];
    this.validator = validator ?? new OlistRowValidator(kind);
    this.nextLine = firstLine;
    this.headerSeen = headerSeen;
  }

  /** Throws OlistHeaderError when the input never had a header. */
  finish(): void {
    if (!this.headerSeen) throw new OlistHeaderError(this.file, this.kind, this.spec.columns, null);
  }

  accept(record: SplitRecord, out: OracleReadResult[]): void {
    const span = lineSpan(record.raw);
    const line = this.nextLine + span.leading;
    this.nextLine += span.total;
    if (record.unclosed) {
      this.recover(record.raw, line, NEVER_CLOSED, out);
      return;
    }
    if (!this.headerSeen) {
      this.headerSeen = true;
      const expected = this.spec.columns;
      const cells = record.cells;
      if (cells.length !== expected.length || expected.some((column, i) => cells[i] !== column)) {
        throw new OlistHeaderError(this.file, this.kind, expected, cells);
      }
      return;
    }
    const expectedFields = this.spec.columns.length;
    const fieldCountOk = record.cells.length === expectedFields;
    const breaksInside = span.total - span.leading - (span.terminated ? 1 : 0);
    if (breaksInside > 0 && (!fieldCountOk || !this.spec.multiLineFields)) {
      this.recover(record.raw, line, RUNS_OVER_LINE, out);
      return;
    }
    if (!fieldCountOk) {
      const body = withoutTerminator(stripLeadingBreaks(record.raw));
      const count = `expected ${expectedFields} fields, found ${record.cells.length}`;
      const reason = oddQuotes(splitFirstLine(body).first) ? `broken quoting: unbalanced quotes (${count})` : count;
      out.push(this.reject(line, null, body, reason));
      return;
    }
    const validation = this.validator.validate(record.cells);
    if (validation.ok) out.push({ kind: 'row', line, cells: record.cells });
    else {
      const { problem } = validation;
      out.push(this.reject(line, this.spec.columns[problem.index] ?? null, problem.value, problem.reason));
    }
  }

  /** Rejects the record's first physical line and reads the lines after it again, as the reader does. */
  private recover(raw: string, line: number, reason: string, out: OracleReadResult[]): void {
    const { first, rest } = splitFirstLine(stripLeadingBreaks(raw));
    out.push(this.reject(line, null, first, reason));
    if (rest === '') return;
    const again = new OracleRowAssembler(this.file, this.kind, line + 1, true, this.validator);
    for (const record of CsvRecordSplitter.splitAll(rest)) again.accept(record, out);
  }

  private reject(line: number, column: string | null, value: string, reason: string): OracleReject {
    return { kind: 'reject', file: this.file, line, column, value: truncate(value), reason };
  }
}

/**
 * Streams `path` as the Olist file of `kind`: yields batches of rows and rejects in file order. Throws
 * OlistHeaderError when the header is not the published one.
 */
export async function* readOracleRows(
  path: string,
  kind: OlistFileKind,
  file: string = path,
  highWaterMark = 256 * 1024,
): AsyncGenerator<OracleReadResult[]> {
  const splitter = new CsvRecordSplitter();
  const assembler = new OracleRowAssembler(file, kind);
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark });
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      const out: OracleReadResult[] = [];
      for (const record of splitter.push(chunk)) assembler.accept(record, out);
      if (out.length > 0) yield out;
    }
    const out: OracleReadResult[] = [];
    for (const record of splitter.end()) assembler.accept(record, out);
    assembler.finish();
    if (out.length > 0) yield out;
  } finally {
    stream.destroy();
  }
}
