// Writes one CSV file from pre-built row strings: buffers ~64 KiB before each write, honours the stream's
// backpressure (the caller awaits drain() when `blocked`), and counts physical lines so that a row's line
// number is known when it is written (the fault manifest needs it).
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

const FLUSH_AT = 64 * 1024;

export class CsvFileWriter {
  /** The physical line the next row starts on (the header is line 1). */
  line = 1;
  /** Data rows written (header excluded). */
  rows = 0;
  /** The last good data row written (kept when asked), for faults that repeat it. */
  lastRow = '';
  private buffer = '';
  private needsDrain = false;
  private readonly out: WriteStream;
  private failure: Error | undefined;

  constructor(
    readonly path: string,
    private readonly keepLastRow = false,
  ) {
    this.out = createWriteStream(path);
    this.out.on('error', (error) => {
      this.failure = error;
    });
  }

  /** True when the stream asked to wait: await drain() before writing much more. */
  get blocked(): boolean {
    return this.needsDrain;
  }

  /** Writes text that is not a data row (BOM, header). */
  raw(text: string, lineBreaks: number): void {
    this.buffer += text;
    this.line += lineBreaks;
    if (this.buffer.length >= FLUSH_AT) this.flush();
  }

  /** Writes one data row, its line end included; `lineBreaks` counts them all (multi-line fields too). */
  row(text: string, lineBreaks = 1): void {
    this.buffer += text;
    this.line += lineBreaks;
    this.rows++;
    if (this.keepLastRow) this.lastRow = text;
    if (this.buffer.length >= FLUSH_AT) this.flush();
  }

  /** Writes a row that is not part of the data proper (an injected fault): one line, not kept as lastRow. */
  extraRow(text: string): void {
    this.buffer += text;
    this.line += 1;
    this.rows++;
    if (this.buffer.length >= FLUSH_AT) this.flush();
  }

  async drain(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.needsDrain) {
      await once(this.out, 'drain');
      this.needsDrain = false;
    }
  }

  async close(): Promise<void> {
    this.flush();
    this.out.end();
    if (!this.out.writableFinished && this.failure === undefined) await once(this.out, 'finish');
    if (this.failure) throw this.failure;
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    if (!this.out.write(this.buffer)) this.needsDrain = true;
    this.buffer = '';
  }
}

/** Waits until none of the writers is blocked. */
export async function drainAll(writers: readonly CsvFileWriter[]): Promise<void> {
  for (const writer of writers) if (writer.blocked) await writer.drain();
}
