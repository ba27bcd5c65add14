import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CsvFileWriter, drainAll } from './csv-file-writer';
import { formatCents, formatCoordinate, olistId, olistText, quoted, quotedHeader } from './olist-csv-style';
import { formatLocal, localSeconds, startOfDay } from './olist-time';

describe('Olist local timestamps', () => {
  it('formats zone-less seconds as YYYY-MM-DD HH:MM:SS', () => {
    expect(formatLocal(localSeconds(2017, 10, 2, 10, 56, 33))).toBe('2017-10-02 10:56:33');
    expect(formatLocal(localSeconds(2016, 2, 29))).toBe('2016-02-29 00:00:00');
    expect(formatLocal(localSeconds(2018, 12, 31, 23, 59, 59))).toBe('2018-12-31 23:59:59');
    // No daylight saving on this clock: 2017-10-15 00:30 exists (it did not in São Paulo).
    expect(formatLocal(localSeconds(2017, 10, 15, 0, 30))).toBe('2017-10-15 00:30:00');
    expect(formatLocal(startOfDay(localSeconds(2017, 10, 2, 10, 56, 33)))).toBe('2017-10-02 00:00:00');
  });

  it('refuses dates outside the generated years', () => {
    expect(() => formatLocal(localSeconds(2015, 12, 31))).toThrow(/out of the generator's range/);
    expect(() => formatLocal(localSeconds(2022, 1, 1))).toThrow(RangeError);
  });
});

describe('Olist quoting style', () => {
  it('quotes ids and zip prefixes starting with a digit and leaves the others bare', () => {
    expect(olistId('06b8999e2fba1a1fbc88172c00ba8bc7')).toBe('"06b8999e2fba1a1fbc88172c00ba8bc7"');
    expect(olistId('b2b6027bc5c5109e529d4dc6358b12c3')).toBe('b2b6027bc5c5109e529d4dc6358b12c3');
    expect(olistId('01037')).toBe('"01037"');
  });

  it('quotes text only when it starts with a digit or holds a comma, a quote or a line break', () => {
    expect(olistText('sao paulo')).toBe('sao paulo');
    expect(olistText('')).toBe('');
    expect(olistText('04482255')).toBe('"04482255"');
    expect(olistText('Vendedor confiável, produto ok')).toBe('"Vendedor confiável, produto ok"');
    expect(olistText('não é "original"')).toBe('"não é ""original"""');
    expect(olistText('linha 1\r\nlinha 2')).toBe('"linha 1\r\nlinha 2"');
    expect(quoted('a')).toBe('"a"');
    expect(quotedHeader(['seller_id', 'seller_state'])).toBe('"seller_id","seller_state"');
  });

  it('formats cents and coordinates as the published file does', () => {
    expect(formatCents(5890)).toBe('58.90');
    expect(formatCents(5)).toBe('0.05');
    expect(formatCents(0)).toBe('0.00');
    expect(formatCents(-1329)).toBe('-13.29');
    expect(formatCoordinate(-23.54562128115268)).toBe('-23.54562128115268');
    expect(formatCoordinate(-46.6)).toBe('-46.6');
  });
});

describe('CsvFileWriter', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'olist-writer-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts rows and physical lines, keeps the last good row, and honours backpressure', async () => {
    const writer = new CsvFileWriter(join(dir, 'rows.csv'), true);
    writer.raw('"h"\n', 1);
    const row = `${'x'.repeat(1_000)}\n`;
    let waited = 0;
    for (let i = 0; i < 2_000; i++) {
      writer.row(row);
      if (writer.blocked) {
        waited++;
        await drainAll([writer]);
      }
    }
    writer.row('"a\r\nb"\r\n', 2);
    writer.extraRow('bad\n');
    expect(writer.line).toBe(1 + 1 + 2_000 + 2 + 1);
    expect(writer.rows).toBe(2_002);
    expect(writer.lastRow).toBe('"a\r\nb"\r\n');
    expect(waited).toBeGreaterThan(0);
    await writer.close();
    const text = readFileSync(join(dir, 'rows.csv'), 'utf8');
    expect(text.length).toBe(4 + 2_000 * row.length + 8 + 4);
    expect(text.endsWith('"a\r\nb"\r\nbad\n')).toBe(true);
  });

  it('reports a file it cannot write', async () => {
    const writer = new CsvFileWriter(join(dir, 'missing', 'x.csv'));
    writer.row('a\n');
    await expect(writer.close()).rejects.toThrow(/ENOENT/);
    await expect(writer.drain()).rejects.toThrow(/ENOENT/);
  });
});
