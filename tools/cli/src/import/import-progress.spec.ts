import { ImportProgress } from './import-progress';

const output = (isTTY: boolean) => {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) };
};

describe('ImportProgress', () => {
  it('writes every report as a plain line when the output is not a terminal', () => {
    const out = output(false);
    const progress = new ImportProgress(out);
    progress.report('a.csv → sales: 10 sent');
    progress.report('a.csv → sales: 20 sent');
    expect(out.written).toEqual(['a.csv → sales: 10 sent\n', 'a.csv → sales: 20 sent\n']);
  });

  it('keeps one line per file on a terminal, redrawn in place', () => {
    const out = output(true);
    const progress = new ImportProgress(out);
    progress.report('a.csv → sales: 10 sent');
    progress.report('b.csv → customer: 5 sent');
    progress.report('a.csv → sales: 20 sent');
    expect(out.written).toEqual([
      '\x1b[2Ka.csv → sales: 10 sent\n',
      '\x1b[1F\x1b[2Ka.csv → sales: 10 sent\n\x1b[2Kb.csv → customer: 5 sent\n',
      '\x1b[2F\x1b[2Ka.csv → sales: 20 sent\n\x1b[2Kb.csv → customer: 5 sent\n',
    ]);
  });
});
