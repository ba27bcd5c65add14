// Splits CSV text into records with the quoting rules of the platform's reader (csv-parse with relax_quotes, as
// configured in ../olist/olist-record-assembler.ts), written out here so that the oracle does not share the
// reader's parser: the two must agree on every record, and the tests check that they do.
//
// The rules, as csv-parse applies them:
// - the record delimiter is discovered at the first line break outside quotes (\r\n, \n or \r) and only that
//   sequence ends a record afterwards; other break characters are data;
// - a quote opens a quoted field only when the field has no content yet; elsewhere it is a plain character;
// - inside quotes, "" is one quote; a quote followed by a comma, the record delimiter or the end of the
//   input closes the field; a quote followed by anything else gives up quoting and keeps the quotes as
//   characters (`"ab"c` is the value `"ab"c`);
// - an empty line (a record delimiter with nothing before it) is skipped;
// - an input that ends inside quotes leaves one unclosed record, handed over as such.

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;
const NEED_MORE = -1;

export interface SplitRecord {
  /** The record's text from just after the previous record's delimiter, skipped empty lines and its own
   * delimiter included: what the reader calls the raw record, used for line numbers and recovery. */
  raw: string;
  cells: string[];
  /** The input ended inside quotes: the record could not be closed (cells are meaningless). */
  unclosed: boolean;
}

export class CsvRecordSplitter {
  private buf = '';
  private pos = 0;
  private recordStart = 0;
  private runStart = 0;
  private delimiter = '';
  private inQuotes = false;
  private wasQuoting = false;
  private field = '';
  private cells: string[] = [];
  private bomChecked = false;
  private out: SplitRecord[] = [];

  /** Adds text; returns the records it completed. */
  push(chunk: string): SplitRecord[] {
    if (!this.bomChecked && chunk.length > 0) {
      this.bomChecked = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    if (this.recordStart > 0) {
      this.buf = this.buf.slice(this.recordStart);
      this.pos -= this.recordStart;
      this.runStart -= this.recordStart;
      this.recordStart = 0;
    }
    this.buf += chunk;
    this.scan(false);
    return this.take();
  }

  /** Ends the input; returns the last records. */
  end(): SplitRecord[] {
    this.bomChecked = true;
    this.scan(true);
    return this.take();
  }

  /** Splits a whole text at once (the recovery path re-reads the rest of a broken record this way). */
  static splitAll(text: string): SplitRecord[] {
    const splitter = new CsvRecordSplitter();
    splitter.bomChecked = true;
    return [...splitter.push(text), ...splitter.end()];
  }

  private take(): SplitRecord[] {
    const out = this.out;
    this.out = [];
    return out;
  }

  /** Length of the record delimiter at `at` (discovering it on first sight), 0 when there is none. */
  private delimiterAt(at: number, eof: boolean): number {
    const buf = this.buf;
    if (at >= buf.length) return 0;
    const c = buf.charCodeAt(at);
    if (c !== CR && c !== LF) return 0;
    if (this.delimiter === '') {
      if (c === LF) {
        this.delimiter = '\n';
        return 1;
      }
      if (at + 1 >= buf.length && !eof) return NEED_MORE;
      this.delimiter = buf.charCodeAt(at + 1) === LF ? '\r\n' : '\r';
      return this.delimiter.length;
    }
    if (this.delimiter === '\r\n') {
      if (c !== CR) return 0;
      if (at + 1 >= buf.length) return eof ? 0 : NEED_MORE;
      return buf.charCodeAt(at + 1) === LF ? 2 : 0;
    }
    return c === this.delimiter.charCodeAt(0) ? 1 : 0;
  }

  private flush(to: number): void {
    if (to > this.runStart) this.field += this.buf.slice(this.runStart, to);
    this.runStart = to;
  }

  private endField(at: number): void {
    this.flush(at);
    this.cells.push(this.field);
    this.field = '';
    this.wasQuoting = false;
  }

  private emit(raw: string, unclosed: boolean): void {
    this.out.push({ raw, cells: this.cells, unclosed });
    this.cells = [];
    this.field = '';
    this.wasQuoting = false;
    this.inQuotes = false;
  }

  private scan(eof: boolean): void {
    const buf = this.buf;
    const length = buf.length;
    let pos = this.pos;
    for (;;) {
      if (pos >= length) {
        if (eof) this.finish(length);
        break;
      }
      const c = buf.charCodeAt(pos);
      if (this.inQuotes) {
        if (c !== QUOTE) {
          pos++;
          continue;
        }
        if (pos + 1 >= length && !eof) break;
        const next = pos + 1 < length ? buf.charCodeAt(pos + 1) : -1;
        if (next === QUOTE) {
          this.flush(pos + 1); // keep one quote of the pair
          pos += 2;
          this.runStart = pos;
          continue;
        }
        let closes = next === -1 || next === COMMA;
        if (!closes) {
          const delimiter = this.delimiterAt(pos + 1, eof);
          if (delimiter === NEED_MORE) break;
          closes = delimiter > 0;
        }
        this.flush(pos);
        this.inQuotes = false;
        this.wasQuoting = true;
        if (closes) {
          pos++;
          this.runStart = pos;
        } else {
          // Relaxed quotes: the field was not really quoted; its quotes are characters.
          this.field = `"${this.field}`;
          this.runStart = pos;
          pos++;
        }
        continue;
      }
      if (c === QUOTE) {
        if (this.field.length === 0 && this.runStart === pos) {
          this.inQuotes = true;
          pos++;
          this.runStart = pos;
        } else pos++;
        continue;
      }
      if (c === CR || c === LF) {
        const delimiter = this.delimiterAt(pos, eof);
        if (delimiter === NEED_MORE) break;
        if (delimiter > 0) {
          const empty =
            this.cells.length === 0 && this.field.length === 0 && this.runStart === pos && !this.wasQuoting;
          if (!empty) {
            this.endField(pos);
            this.emit(buf.slice(this.recordStart, pos + delimiter), false);
            this.recordStart = pos + delimiter;
          }
          pos += delimiter;
          this.runStart = pos;
          continue;
        }
        pos++;
        continue;
      }
      if (c === COMMA) {
        this.endField(pos);
        pos++;
        this.runStart = pos;
        continue;
      }
      pos++;
    }
    this.pos = pos;
  }

  private finish(length: number): void {
    if (this.inQuotes) {
      this.emit(this.buf.slice(this.recordStart), true);
    } else if (this.cells.length > 0 || this.field.length > 0 || this.runStart < length || this.wasQuoting) {
      this.endField(length);
      this.emit(this.buf.slice(this.recordStart), false);
    }
    this.recordStart = length;
    this.runStart = length;
  }
}
