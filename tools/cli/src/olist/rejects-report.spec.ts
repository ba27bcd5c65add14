import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { readOlistFile } from './olist-reader';
import { RejectsReport, formatReject } from './rejects-report';
import type { OlistReject } from './olist-records';

const ID = 'c'.repeat(32);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'olist-rejects-'));
  writeFileSync(
    join(dir, 'sellers.csv'),
    [
      'seller_id,seller_zip_code_prefix,seller_city,seller_state',
      `${ID},"01037",sao paulo,SP`,
      `${ID},1037,"sao paulo, sp",SP`,
      `${ID},"01037",campinas,SP`,
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'payments.csv'),
    [
      'order_id,payment_sequential,payment_type,payment_installments,payment_value',
      `${ID},1,pix,1,"10,00"`,
    ].join('\n'),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function reportAll(path: string): Promise<RejectsReport> {
  const report = await RejectsReport.open(path);
  for (const [file, kind] of [
    ['sellers.csv', 'sellers'],
    ['payments.csv', 'order_payments'],
  ] as const) {
    for await (const result of readOlistFile(join(dir, file), kind, { label: file }))
      await report.add(result);
  }
  await report.close();
  return report;
}

describe('RejectsReport', () => {
  it('streams rejects as NDJSON and counts read, accepted and rejected rows per file', async () => {
    const report = await reportAll(join(dir, 'rejects.ndjson'));
    expect(report.format).toBe('ndjson');
    const lines = readFileSync(join(dir, 'rejects.ndjson'), 'utf8').trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
      {
        file: 'sellers.csv',
        line: 3,
        column: 'seller_zip_code_prefix',
        value: '1037',
        reason:
          'zip code prefix has 4 digits: its leading zero was lost (e.g. by a spreadsheet); expected 5 digits as text',
      },
      {
        file: 'payments.csv',
        line: 2,
        column: 'payment_type',
        value: 'pix',
        reason: 'unknown payment type: expected one of credit_card, boleto, voucher, debit_card, not_defined',
      },
    ]);
    expect([...report.counters]).toEqual([
      ['sellers.csv', { read: 3, accepted: 2, rejected: 1 }],
      ['payments.csv', { read: 1, accepted: 0, rejected: 1 }],
    ]);
    expect(report.totalRejected).toBe(2);
  });

  it('writes a CSV report (chosen by extension) that quotes values with commas, quotes and line breaks', async () => {
    await reportAll(join(dir, 'rejects.csv'));
    const rows = parse(readFileSync(join(dir, 'rejects.csv')), { columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      expect.objectContaining({
        file: 'sellers.csv',
        line: '3',
        column: 'seller_zip_code_prefix',
        value: '1037',
      }),
      expect.objectContaining({ file: 'payments.csv', line: '2', column: 'payment_type', value: 'pix' }),
    ]);
    const reject: OlistReject = {
      kind: 'reject',
      file: 'a.csv',
      line: 9,
      column: null,
      value: 'x,"y"\r\nz',
      reason: 'r',
    };
    expect(formatReject(reject, 'csv')).toBe('a.csv,9,,"x,""y""\r\nz",r\n');
    expect(parse(formatReject(reject, 'csv'))).toEqual([['a.csv', '9', '', 'x,"y"\r\nz', 'r']]);
  });

  it('fails to open a report in a missing directory', async () => {
    await expect(RejectsReport.open(join(dir, 'missing', 'rejects.ndjson'))).rejects.toThrow(/ENOENT/);
  });
});
