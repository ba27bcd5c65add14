// Progress of `mercado import` on stderr. On a terminal each file keeps one line, redrawn in place as
// its chunks are answered; anywhere else (a pipe, a log file, CI) every report is a plain line of its own.

/** What the progress needs of a stream: tty streams have isTTY true. */
export interface ProgressOutput {
  isTTY?: boolean;
  write(text: string): unknown;
}

export class ImportProgress {
  /** One line per file and target, in the order they first reported. */
  private readonly lines = new Map<string, string>();
  private drawn = 0;

  constructor(private readonly out: ProgressOutput) {}

  /** A report `<file> → <service>: <figures>`; the part before the first ': ' names its line. */
  report(line: string): void {
    if (!this.out.isTTY) {
      this.out.write(`${line}\n`);
      return;
    }
    const split = line.indexOf(': ');
    const label = split === -1 ? line : line.slice(0, split);
    this.lines.set(label, line);
    // Back to the first line drawn, then every line again, each cleared to its end.
    const up = this.drawn > 0 ? `\x1b[${this.drawn}F` : '';
    this.out.write(`${up}${[...this.lines.values()].map((l) => `\x1b[2K${l}\n`).join('')}`);
    this.drawn = this.lines.size;
  }
}
