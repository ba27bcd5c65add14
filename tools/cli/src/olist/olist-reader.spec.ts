import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readOlistFile } from './olist-reader';
import { OlistHeaderError } from './olist-record-assembler';
import { OLIST_FILES, type OlistFileKind } from './olist-files';
import type { OlistReadResult } from './olist-records';

const ID = 'a'.repeat(32);
const ID2 = 'b'.repeat(32);
const HEADERS: Record<OlistFileKind, string> = Object.fromEntries(
  Object.values(OLIST_FILES).map((spec) => [spec.kind, spec.columns.map((c) => `"${c}"`).join(',')]),
) as Record<OlistFileKind, string>;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'olist-reader-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileNumber = 0;
async function read<K extends OlistFileKind>(
  kind: K,
  body: string,
  header = HEADERS[kind],
): Promise<OlistReadResult<K>[]> {
  const path = join(dir, `file-${++fileNumber}.csv`);
  writeFileSync(path, `${header}\n${body}`);
  const results: OlistReadResult<K>[] = [];
  for await (const result of readOlistFile(path, kind, { label: 'test.csv' })) results.push(result);
  return results;
}

function rejects(
  results: OlistReadResult[],
): Omit<Extract<OlistReadResult, { kind: 'reject' }>, 'file' | 'kind'>[] {
  return results.flatMap((r) =>
    r.kind === 'reject' ? [{ line: r.line, column: r.column, value: r.value, reason: r.reason }] : [],
  );
}

function acceptedLines(results: OlistReadResult[]): number[] {
  return results.flatMap((r) => (r.kind === 'record' ? [r.line] : []));
}

describe('readOlistFile: the header', () => {
  it('refuses a file whose header is not the published one, naming the first differing column', async () => {
    await expect(
      read('customers', `${ID},${ID2},"01037",sao paulo,SP\n`, 'customer_id,customer_uid,zip,city,state'),
    ).rejects.toThrow(
      /not a olist_customers_dataset.csv file: unexpected header \(column 2 is "customer_uid", expected "customer_unique_id"\)/,
    );
  });

  it('refuses a header with a missing column and an empty file', async () => {
    const error = await read('sellers', '', 'seller_id,seller_zip_code_prefix,seller_city').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OlistHeaderError);
    expect((error as OlistHeaderError).message).toMatch(/column 4 "seller_state" is missing/);
    await expect(read('sellers', '', '')).rejects.toThrow(
      /the file is empty, expected the header seller_id,/,
    );
  });

  it('accepts the header quoted or bare, after a BOM, with CRLF', async () => {
    const results = await read(
      'category_translation',
      'beleza_saude,health_beauty\r\nartes,art',
      '\uFEFFproduct_category_name,product_category_name_english\r',
    );
    expect(results).toEqual([
      {
        kind: 'record',
        file: 'test.csv',
        line: 2,
        record: { categoryName: 'beleza_saude', categoryNameEnglish: 'health_beauty' },
      },
      {
        kind: 'record',
        file: 'test.csv',
        line: 3,
        record: { categoryName: 'artes', categoryNameEnglish: 'art' },
      },
    ]);
  });

  it('fails with the file system error for a missing file', async () => {
    const iteration = (async () => {
      for await (const _ of readOlistFile(join(dir, 'missing.csv'), 'orders')) void _;
    })();
    await expect(iteration).rejects.toThrow(/ENOENT/);
  });
});

describe('readOlistFile: row validation', () => {
  it('rejects bad ids, zip prefixes, states and encodings with line, column and reason; good rows go on', async () => {
    const results = await read(
      'customers',
      [
        `,${ID2},"01037",sao paulo,SP`,
        `${ID.toUpperCase()},${ID2},"01037",sao paulo,SP`,
        `${ID.slice(1)},${ID2},"01037",sao paulo,SP`,
        `${ID},${ID2},1037,sao paulo,SP`,
        `${ID},${ID2},"0103A",sao paulo,SP`,
        `${ID},${ID2},"01037",sÃ£o paulo,SP`,
        `${ID},${ID2},"01037",s\uFFFDo paulo,SP`,
        `${ID},${ID2},"01037",sao paulo,XX`,
        `${ID},${ID2},"01037",,SP`,
        `"${ID}","${ID2}","01037",sa\u0303o paulo,SP`,
      ].join('\n') + '\n',
    );
    expect(rejects(results)).toEqual([
      { line: 2, column: 'customer_id', value: '', reason: 'required id is empty' },
      {
        line: 3,
        column: 'customer_id',
        value: ID.toUpperCase(),
        reason: 'not an Olist id: expected 32 lowercase hexadecimal characters',
      },
      {
        line: 4,
        column: 'customer_id',
        value: ID.slice(1),
        reason: 'not an Olist id: expected 32 hexadecimal characters',
      },
      {
        line: 5,
        column: 'customer_zip_code_prefix',
        value: '1037',
        reason:
          'zip code prefix has 4 digits: its leading zero was lost (e.g. by a spreadsheet); expected 5 digits as text',
      },
      {
        line: 6,
        column: 'customer_zip_code_prefix',
        value: '0103A',
        reason: 'not a zip code prefix: expected 5 digits',
      },
      {
        line: 7,
        column: 'customer_city',
        value: 'sÃ£o paulo',
        reason: "mojibake: UTF-8 text decoded as Latin-1 (e.g. 'Ã£' for 'ã')",
      },
      {
        line: 8,
        column: 'customer_city',
        value: 's\uFFFDo paulo',
        reason: 'invalid UTF-8: the text holds replacement characters (U+FFFD)',
      },
      {
        line: 9,
        column: 'customer_state',
        value: 'XX',
        reason: 'not a Brazilian state: expected one of the 27 UF codes (SP, RJ, ...)',
      },
      { line: 10, column: 'customer_city', value: '', reason: 'required value is empty' },
    ]);
    expect(results.at(-1)).toEqual({
      kind: 'record',
      file: 'test.csv',
      line: 11,
      record: {
        customerId: ID,
        customerUniqueId: ID2,
        zipCodePrefix: '01037',
        city: 'sa\u0303o paulo',
        state: 'SP',
      },
    });
  });

  it('accepts Portuguese capitals that look like mojibake only to a careless eye', async () => {
    const results = await read('customers', `${ID},${ID2},"01037",SÃO PAULO,SP\n`);
    expect(rejects(results)).toEqual([]);
  });

  it('rejects spreadsheet dates, impossible calendar times, unknown statuses; reports the first bad column', async () => {
    const order = (status: string, purchase: string, approved = '', estimated = '2017-10-18 00:00:00') =>
      `${ID},${ID2},${status},${purchase},${approved},,,${estimated}`;
    const results = await read(
      'orders',
      [
        order('delivered', '10/2/2017 10:56'),
        order('delivered', '2017-10-02T10:56:33'),
        order('delivered', '2017-02-29 10:00:00'),
        order('delivered', '2016-02-29 10:00:00', '2017-13-01 00:00:00'),
        order('delivered', '2017-10-02 24:00:00'),
        order('delivered', '2017-10-02 10:56:33', '', ''),
        order('entregue', '10/2/2017 10:56'),
        order('', '2017-10-02 10:56:33'),
        order('canceled', '2000-02-29 23:59:59', '1900-02-29 00:00:00'),
        order('shipped', '2017-04-31 10:00:00'),
        order('invoiced', '2017-10-02 10:56:33'),
      ].join('\n'),
    );
    expect(rejects(results)).toEqual([
      {
        line: 2,
        column: 'order_purchase_timestamp',
        value: '10/2/2017 10:56',
        reason: 'spreadsheet date format (as re-saved by Excel); expected YYYY-MM-DD HH:MM:SS',
      },
      {
        line: 3,
        column: 'order_purchase_timestamp',
        value: '2017-10-02T10:56:33',
        reason: 'not a timestamp: expected YYYY-MM-DD HH:MM:SS',
      },
      {
        line: 4,
        column: 'order_purchase_timestamp',
        value: '2017-02-29 10:00:00',
        reason: 'not a calendar time: 2017-02 has no day 29',
      },
      {
        line: 5,
        column: 'order_approved_at',
        value: '2017-13-01 00:00:00',
        reason: 'not a calendar time: there is no month 13',
      },
      {
        line: 6,
        column: 'order_purchase_timestamp',
        value: '2017-10-02 24:00:00',
        reason: 'not a clock time: 24:00:00',
      },
      { line: 7, column: 'order_estimated_delivery_date', value: '', reason: 'required timestamp is empty' },
      {
        line: 8,
        column: 'order_status',
        value: 'entregue',
        reason:
          'unknown order status: expected one of created, approved, invoiced, processing, shipped, delivered, canceled, unavailable',
      },
      { line: 9, column: 'order_status', value: '', reason: 'required order status is empty' },
      {
        line: 10,
        column: 'order_approved_at',
        value: '1900-02-29 00:00:00',
        reason: 'not a calendar time: 1900-02 has no day 29',
      },
      {
        line: 11,
        column: 'order_purchase_timestamp',
        value: '2017-04-31 10:00:00',
        reason: 'not a calendar time: 2017-04 has no day 31',
      },
    ]);
    expect(results.at(-1)).toMatchObject({
      kind: 'record',
      line: 12,
      record: { status: 'invoiced', approvedAt: null },
    });
  });

  it('reads amounts with up to two decimals as cents and rejects negative, over-precise and comma amounts', async () => {
    const item = (price: string, freight = '13.29', itemId = '1') =>
      `${ID},${itemId},${ID2},${ID},2017-09-19 09:45:35,${price},${freight}`;
    const results = await read(
      'order_items',
      [
        item('58.90'),
        item('58.9', '0'),
        item('-58.90'),
        item('58.901'),
        item('"58,90"'),
        item('abc'),
        item(''),
        item('1.00', '1', '0'),
        item('1.00', '1', 'x'),
      ].join('\n'),
    );
    expect(
      results
        .slice(0, 2)
        .map((r) => (r.kind === 'record' ? [r.record.priceCents, r.record.freightValueCents] : r)),
    ).toEqual([
      [5890, 1329],
      [5890, 0],
    ]);
    expect(rejects(results)).toEqual([
      { line: 4, column: 'price', value: '-58.90', reason: 'negative amount' },
      { line: 5, column: 'price', value: '58.901', reason: 'amount with more than 2 decimals' },
      { line: 6, column: 'price', value: '58,90', reason: 'decimal comma: expected a dot, e.g. 58.90' },
      {
        line: 7,
        column: 'price',
        value: 'abc',
        reason: 'not an amount: expected digits with at most 2 decimals, e.g. 58.90',
      },
      { line: 8, column: 'price', value: '', reason: 'required amount is empty' },
      { line: 9, column: 'order_item_id', value: '0', reason: 'out of range: expected 1..10000' },
      { line: 10, column: 'order_item_id', value: 'x', reason: 'not a whole number' },
    ]);
  });

  it('checks payment types, installments, review scores, coordinates, measures and categories', async () => {
    const payments = await read(
      'order_payments',
      [
        `${ID},1,pix,1,10.00`,
        `${ID},1,credit_card,1.5,10.00`,
        `${ID},2,voucher,-1,0.00`,
        `${ID},1,not_defined,0,0.00`,
      ].join('\n'),
    );
    expect(rejects(payments)).toEqual([
      {
        line: 2,
        column: 'payment_type',
        value: 'pix',
        reason: 'unknown payment type: expected one of credit_card, boleto, voucher, debit_card, not_defined',
      },
      { line: 3, column: 'payment_installments', value: '1.5', reason: 'not a whole number' },
      { line: 4, column: 'payment_installments', value: '-1', reason: 'negative number' },
    ]);
    expect(payments.at(-1)).toMatchObject({
      kind: 'record',
      record: { paymentType: 'not_defined', paymentValueCents: 0 },
    });

    const reviews = await read(
      'order_reviews',
      [
        `"${ID}","${ID2}",0,,,2018-01-18 00:00:00,2018-01-18 21:46:59`,
        `"${ID}","${ID2}",6,,,2018-01-18 00:00:00,2018-01-18 21:46:59`,
        `"${ID}","${ID2}",5,,"Ã³timo",2018-01-18 00:00:00,2018-01-18 21:46:59`,
      ].join('\r\n'),
    );
    expect(rejects(reviews)).toEqual([
      { line: 2, column: 'review_score', value: '0', reason: 'out of range: expected 1..5' },
      { line: 3, column: 'review_score', value: '6', reason: 'out of range: expected 1..5' },
      {
        line: 4,
        column: 'review_comment_message',
        value: 'Ã³timo',
        reason: "mojibake: UTF-8 text decoded as Latin-1 (e.g. 'Ã£' for 'ã')",
      },
    ]);

    const geolocation = await read(
      'geolocation',
      [
        '"01037",-93.5,-46.6,sao paulo,SP',
        '"01037",north,-46.6,sao paulo,SP',
        '"01037",-23.5,,sao paulo,SP',
        '"01037",-23.54562128115268,-46.63929204800168,sao paulo,SP',
      ].join('\n'),
    );
    expect(rejects(geolocation)).toEqual([
      {
        line: 2,
        column: 'geolocation_lat',
        value: '-93.5',
        reason: 'coordinate out of range: expected -90..90',
      },
      { line: 3, column: 'geolocation_lat', value: 'north', reason: 'not a decimal coordinate' },
      { line: 4, column: 'geolocation_lng', value: '', reason: 'required coordinate is empty' },
    ]);
    expect(geolocation.at(-1)).toMatchObject({
      record: { lat: -23.54562128115268, lng: -46.63929204800168 },
    });

    const products = await read(
      'products',
      [
        `${ID},bebes,60,865,3,-5,1,1,1`,
        `${ID},Bebês,60,865,3,5,1,1,1`,
        `${ID},bebÃªs,60,865,3,5,1,1,1`,
        `${ID},,,,,,,,`,
      ].join('\n'),
    );
    expect(rejects(products)).toEqual([
      { line: 2, column: 'product_weight_g', value: '-5', reason: 'negative number' },
      {
        line: 3,
        column: 'product_category_name',
        value: 'Bebês',
        reason: 'not a category name: expected lowercase letters, digits and _',
      },
      {
        line: 4,
        column: 'product_category_name',
        value: 'bebÃªs',
        reason: "mojibake: UTF-8 text decoded as Latin-1 (e.g. 'Ã£' for 'ã')",
      },
    ]);

    const translations = await read(
      'category_translation',
      'artes,\r\n,art\r\nartes,art',
      `${HEADERS.category_translation}\r`,
    );
    expect(rejects(translations)).toEqual([
      {
        line: 2,
        column: 'product_category_name_english',
        value: '',
        reason: 'required category name is empty',
      },
      { line: 3, column: 'product_category_name', value: '', reason: 'required category name is empty' },
    ]);
  });

  it('rejects a line break inside a one-line field', async () => {
    const results = await read('sellers', `${ID},"01037","sao\tpaulo",SP\n`);
    expect(rejects(results)).toEqual([
      {
        line: 2,
        column: 'seller_city',
        value: 'sao\tpaulo',
        reason: 'line break or control character in a one-line field',
      },
    ]);
  });
});

describe('readOlistFile: structure and broken quoting', () => {
  const good = (n: number) => `${n.toString(16).padStart(32, '0')},"01037",sao paulo,SP`;

  it('rejects a row with the wrong number of fields and goes on', async () => {
    const results = await read(
      'sellers',
      [good(1), `${ID},"01037",sao paulo,SP,extra`, good(2), `${ID},"01037"`, good(3)].join('\n') + '\n',
    );
    expect(rejects(results)).toEqual([
      {
        line: 3,
        column: null,
        value: `${ID},"01037",sao paulo,SP,extra`,
        reason: 'expected 4 fields, found 5',
      },
      { line: 5, column: null, value: `${ID},"01037"`, reason: 'expected 4 fields, found 2' },
    ]);
    expect(acceptedLines(results)).toEqual([2, 4, 6]);
  });

  it('rejects an id whose closing quote is missing, on its own line', async () => {
    const results = await read('sellers', [good(1), `"${ID},"01037",sao paulo,SP`, good(2)].join('\n'));
    expect(rejects(results)).toEqual([
      {
        line: 3,
        column: null,
        value: `"${ID},"01037",sao paulo,SP`,
        reason: 'broken quoting: unbalanced quotes (expected 4 fields, found 3)',
      },
    ]);
    expect(acceptedLines(results)).toEqual([2, 4]);
  });

  it('recovers when an unclosed quote swallows the following lines: one bad line costs one line', async () => {
    const results = await read(
      'sellers',
      [good(1), `${ID},"01037","sao paulo,SP`, good(2), good(3), `"${ID},"01037",sao paulo,SP`, good(5)].join(
        '\n',
      ) + '\n',
    );
    expect(rejects(results)).toEqual([
      {
        line: 3,
        column: null,
        value: `${ID},"01037","sao paulo,SP`,
        reason: 'broken quoting: a quoted field opened on this line runs over its end',
      },
      {
        line: 6,
        column: null,
        value: `"${ID},"01037",sao paulo,SP`,
        reason: 'broken quoting: unbalanced quotes (expected 4 fields, found 3)',
      },
    ]);
    expect(acceptedLines(results)).toEqual([2, 4, 5, 7]);
  });

  it('recovers when an unclosed quote runs to the end of the file', async () => {
    const unquoted = (n: number) => `${n.toString(16).padStart(32, '0')},01037,sao paulo,SP`;
    const results = await read(
      'sellers',
      [good(1), `${ID},"01037",sao paulo,"SP`, unquoted(2), '', unquoted(3)].join('\n') + '\n',
    );
    expect(rejects(results)).toEqual([
      {
        line: 3,
        column: null,
        value: `${ID},"01037",sao paulo,"SP`,
        reason: 'broken quoting: a quote opened on this line is never closed',
      },
    ]);
    expect(acceptedLines(results)).toEqual([2, 4, 6]);
    const last = await read('sellers', [good(1), `${ID},"01037",sao paulo,"SP`].join('\n'));
    expect(rejects(last)).toEqual([
      {
        line: 3,
        column: null,
        value: `${ID},"01037",sao paulo,"SP`,
        reason: 'broken quoting: a quote opened on this line is never closed',
      },
    ]);
  });

  it('rejects a quoted one-line field that runs over a line break, then reads on', async () => {
    const results = await read('sellers', [good(1), `${ID},"01037","sao`, `paulo",SP`, good(2)].join('\n'));
    expect(rejects(results)).toEqual([
      {
        line: 3,
        column: null,
        value: `${ID},"01037","sao`,
        reason: 'broken quoting: a quoted field opened on this line runs over its end',
      },
      {
        line: 4,
        column: null,
        value: 'paulo",SP',
        reason: 'broken quoting: unbalanced quotes (expected 4 fields, found 2)',
      },
    ]);
    expect(acceptedLines(results)).toEqual([2, 5]);
  });

  it('recovers in a CRLF file with multi-line messages: the messages stay whole, the broken line goes', async () => {
    const review = (n: number, message: string) =>
      `"${n.toString(16).padStart(32, '0')}","${ID}",5,,${message},2018-01-18 00:00:00,2018-01-18 21:46:59`;
    const body = [
      review(1, '"linha 1\r\nlinha 2"'),
      `"${ID}","${ID2}",4,,,2018-01-18 00:00:00,"2018-01-18 21:46:59`,
      review(2, 'ok'),
      review(3, '"a\r\nb\r\nc"'),
      `"${ID}","${ID2}",4,,"sem fim,2018-01-18 00:00:00,2018-01-18 21:46:59`,
      review(4, 'fim'),
    ].join('\r\n');
    const results = await read('order_reviews', body, HEADERS.order_reviews + '\r');
    expect(rejects(results)).toEqual([
      {
        line: 4,
        column: null,
        value: `"${ID}","${ID2}",4,,,2018-01-18 00:00:00,"2018-01-18 21:46:59`,
        reason: 'broken quoting: a quoted field opened on this line runs over its end',
      },
      {
        line: 9,
        column: null,
        value: `"${ID}","${ID2}",4,,"sem fim,2018-01-18 00:00:00,2018-01-18 21:46:59`,
        reason: 'broken quoting: a quoted field opened on this line runs over its end',
      },
    ]);
    const accepted = results.filter((r) => r.kind === 'record');
    expect(accepted.map((r) => [r.line, r.record.commentMessage])).toEqual([
      [2, 'linha 1\r\nlinha 2'],
      [5, 'ok'],
      [6, 'a\r\nb\r\nc'],
      [10, 'fim'],
    ]);
  });

  it('skips empty lines and keeps counting physical lines', async () => {
    const read1 = await read('sellers', ['', good(1), '', '', good(2), ''].join('\n'));
    expect(acceptedLines(read1)).toEqual([3, 6]);
  });

  it('keeps running counters and stops cleanly when the caller breaks off', async () => {
    const path = join(dir, 'counters.csv');
    writeFileSync(path, `${HEADERS.sellers}\n${good(1)}\n${ID},"1037",x,SP\n${good(2)}\n${good(3)}\n`);
    const read1 = readOlistFile(path, 'sellers');
    for await (const _ of read1) void _;
    expect(read1.counters).toEqual({ read: 4, accepted: 3, rejected: 1 });
    expect(read1.file).toBe(path);
    expect(read1.fileKind).toBe('sellers');
    const read2 = readOlistFile(path, 'sellers', { highWaterMark: 16 });
    for await (const result of read2) if (result.kind === 'reject') break;
    expect(read2.counters).toEqual({ read: 2, accepted: 1, rejected: 1 });
  });

  it('truncates very long rejected values', async () => {
    const results = await read('sellers', `${ID},"01037",${'x'.repeat(1000)}\n`);
    const [reject] = rejects(results);
    expect(reject!.value).toHaveLength(301);
    expect(reject!.value.endsWith('…')).toBe(true);
  });
});
