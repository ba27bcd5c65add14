// The rejects report: every rejected row with file, line, column, value and reason, streamed to a CSV or
// NDJSON file as it comes, plus read/accepted/rejected counters per file.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { OlistReadResult, OlistReject } from './olist-records';
import type { OlistFileCounters } from './olist-reader';

export type RejectsReportFormat = 'csv' | 'ndjson';

const CSV_HEADER = 'file,line,column,value,reason\n';

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function formatReject(reject: OlistReject, format: RejectsReportFormat): string {
  if (format === 'ndjson') {
    const { file, line, column, value, reason } = reject;
    return `${JSON.stringify({ file, line, column, value, reason })}\n`;
  }
  return `${[reject.file, String(reject.line), reject.column ?? '', reject.value, reject.reason].map(csvCell).join(',')}\n`;
}

export class RejectsReport {
  private readonly perFile = new Map<string, OlistFileCounters>();
  private failure: Error | undefined;

  private constructor(
    readonly path: string,
    readonly format: RejectsReportFormat,
    private readonly out: WriteStream,
  ) {
    out.on('error', (error) => {
      this.failure = error;
    });
  }

  /** Opens (truncates) the report; the format follows the extension (.csv, else NDJSON) unless given. */
  static async open(path: string, format?: RejectsReportFormat): Promise<RejectsReport> {
    const chosen = format ?? (path.toLowerCase().endsWith('.csv') ? 'csv' : 'ndjson');
    const out = createWriteStream(path, { encoding: 'utf8' });
    await once(out, 'open');
    const report = new RejectsReport(path, chosen, out);
    if (chosen === 'csv') await report.write(CSV_HEADER);
    return report;
  }

  /** Counts a result for its file and writes it down when it is a reject. */
  async add(result: OlistReadResult): Promise<void> {
    const counters = this.countersOf(result.file);
    counters.read++;
    if (result.kind === 'record') {
      counters.accepted++;
      return;
    }
    counters.rejected++;
    await this.write(formatReject(result, this.format));
  }

  /** Counters per file, in the order files were first seen. */
  get counters(): ReadonlyMap<string, Readonly<OlistFileCounters>> {
    return this.perFile;
  }

  get totalRejected(): number {
    let total = 0;
    for (const counters of this.perFile.values()) total += counters.rejected;
    return total;
  }

  async close(): Promise<void> {
    this.out.end();
    if (!this.out.writableFinished && this.failure === undefined) await once(this.out, 'finish');
    if (this.failure) throw this.failure;
  }

  private countersOf(file: string): OlistFileCounters {
    let counters = this.perFile.get(file);
    if (counters === undefined) {
      counters = { read: 0, accepted: 0, rejected: 0 };
      this.perFile.set(file, counters);
    }
    return counters;
  }

  private async write(text: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.out.write(text)) await once(this.out, 'drain');
  }
}
