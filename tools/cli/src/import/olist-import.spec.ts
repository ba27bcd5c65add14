import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readImportAnswer } from './ndjson-upload';
import { importOlist } from './olist-import';
import { centsToText, toOlistText } from './olist-text';

describe('Olist text for the bulk import endpoints', () => {
  it('writes cents back as Olist decimal text', () => {
    expect(centsToText(2999)).toBe('29.99');
    expect(centsToText(5)).toBe('0.05');
    expect(centsToText(0)).toBe('0.00');
    expect(centsToText(-1250)).toBe('-12.50');
    expect(centsToText(123456789)).toBe('1234567.89');
  });

  it('restores the published column names, empty text for missing values', () => {
    expect(
      toOlistText.products({
        productId: '1e9e8ef04dbcff4541ed26657ea517e5',
        categoryName: null,
        nameLength: null,
        descriptionLength: null,
        photosQty: null,
        weightG: 0,
        lengthCm: 16,
        heightCm: 10,
        widthCm: 14,
      }),
    ).toEqual({
      product_id: '1e9e8ef04dbcff4541ed26657ea517e5',
      product_category_name: '',
      product_name_lenght: '',
      product_description_lenght: '',
      product_photos_qty: '',
      product_weight_g: '0',
      product_length_cm: '16',
      product_height_cm: '10',
      product_width_cm: '14',
    });
    expect(
      toOlistText.order_items({
        orderId: 'o',
        orderItemId: 2,
        productId: 'p',
        sellerId: 's',
        shippingLimitDate: '2017-09-19 09:45:35',
        priceCents: 5890,
        freightValueCents: 1329,
      }),
    ).toEqual({
      order_id: 'o',
      order_item_id: '2',
      product_id: 'p',
      seller_id: 's',
      shipping_limit_date: '2017-09-19 09:45:35',
      price: '58.90',
      freight_value: '13.29',
    });
  });
});

describe('reading a service import answer', () => {
  it('understands the wordings of the services', () => {
    expect(readImportAnswer({ imported: 3, unchanged: 1, rejected: [{ index: 0, reason: 'x' }] })).toEqual({
      accepted: 3,
      unchanged: 1,
      rejected: [{ index: 0, reason: 'x' }],
    });
    expect(readImportAnswer({ accepted: [1, 2], duplicates: 4, rejects: [] })).toEqual({ accepted: 2, unchanged: 4, rejected: [] });
    expect(readImportAnswer({})).toEqual({ accepted: 0, unchanged: 0, rejected: [] });
  });
});

describe('importOlist', () => {
  /** Imports `dir` into one stub server taking every row; answers what each route received and the rejects. */
  async function importInto(dir: string) {
    const received = new Map<string, Array<Record<string, unknown>>>();
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        const lines = body.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
        received.set(req.url!, [...(received.get(req.url!) ?? []), ...lines]);
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ imported: lines.length }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const rejectsPath = path.join(dir, 'rejects.ndjson');
      const summary = await importOlist({
        dir,
        endpoints: { sales: url, customer: url, fulfillment: url, marketplace: url, warehouse: url },
        token: 't',
        rejectsPath,
      });
      const rejects = readFileSync(rejectsPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
      return { received, rejects, summary };
    } finally {
      server.close();
    }
  }

  const linesOf = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8').trimEnd().split(/\r?\n/);
  /** Line 2 of the file again, at the end, with the file's own line ends; answers its line number. */
  const repeatSecondLine = (dir: string, file: string) => {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const end = text.includes('\r\n') ? '\r\n' : '\n';
    appendFileSync(path.join(dir, file), `${text.endsWith('\n') ? '' : end}${linesOf(dir, file)[1]}${end}`);
    return linesOf(dir, file).length;
  };

  it('sends an order with the first of its repeated lines and payments, and rejects the repeats (rule R1)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'olist-import-'));
    cpSync(path.join(__dirname, '..', 'oracle', 'fixtures', 'tiny'), dir, { recursive: true });
    try {
      // The same (order_id, order_item_id) and (order_id, payment_sequential) as line 2.
      const items = repeatSecondLine(dir, 'olist_order_items_dataset.csv');
      const payments = repeatSecondLine(dir, 'olist_order_payments_dataset.csv');
      const { received, rejects } = await importInto(dir);
      const order = received.get('/imports/orders')!.find((o) => o.order_id === '0a000000000000000000000000000001')!;
      expect((order.items as Array<{ order_item_id: string }>).map((i) => i.order_item_id)).toEqual(['1', '2']);
      expect((order.payments as Array<{ payment_sequential: string }>).map((p) => p.payment_sequential)).toEqual(['1', '2']);
      expect(rejects.filter((r) => String(r.file).includes('order_') && String(r.reason).startsWith('duplicate'))).toEqual([
        {
          file: 'olist_order_items_dataset.csv',
          line: items,
          column: 'order_id,order_item_id',
          value: '0a000000000000000000000000000001,1',
          reason: 'duplicate order_id, order_item_id: repeats the key of line 2',
        },
        {
          file: 'olist_order_payments_dataset.csv',
          line: payments,
          column: 'order_id,payment_sequential',
          value: '0a000000000000000000000000000001,1',
          reason: 'duplicate order_id, payment_sequential: repeats the key of line 2',
        },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a repeated natural key in every file but geolocation, sends the first row only, and counts the repeats', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'olist-import-keys-'));
    cpSync(path.join(__dirname, '..', 'oracle', 'fixtures', 'tiny'), dir, { recursive: true });
    try {
      const files = [
        ['olist_orders_dataset.csv', 'order_id', '/imports/orders'],
        ['olist_order_reviews_dataset.csv', 'review_id,order_id', '/imports/reviews'],
        ['olist_products_dataset.csv', 'product_id', '/imports/products'],
        ['olist_sellers_dataset.csv', 'seller_id', '/imports/sellers'],
        ['product_category_name_translation.csv', 'product_category_name', '/imports/translations'],
        ['olist_geolocation_dataset.csv', null, '/imports/geolocation'],
      ] as const;
      const repeated = new Map(files.map(([file]) => [file, repeatSecondLine(dir, file)]));
      const { received, rejects, summary } = await importInto(dir);
      const duplicates = rejects.filter((r) => String(r.reason).startsWith('duplicate'));
      // The tiny customers file has its own repeat (line 6 repeats line 2's customer_id, another person).
      expect(duplicates.find((r) => r.file === 'olist_customers_dataset.csv')).toEqual({
        file: 'olist_customers_dataset.csv',
        line: 6,
        column: 'customer_id',
        value: 'c0000000000000000000000000000a01',
        reason: 'duplicate customer_id: repeats the key of line 2',
      });
      expect(received.get('/imports/customers')!.filter((c) => c.customer_id === 'c0000000000000000000000000000a01')).toHaveLength(1);
      for (const [file, column, route] of files) {
        const line = repeated.get(file)!;
        const of = duplicates.filter((r) => r.file === file);
        if (column === null) {
          // Geolocation has no key: the repeated sample is sent like any other.
          expect(of).toEqual([]);
          expect(received.get(route)).toHaveLength(linesOf(dir, file).length - 1);
          continue;
        }
        // The orders file is read twice (sales and fulfillment): each read reports the repeat.
        expect({ file, rejects: of.length }).toEqual({ file, rejects: file === 'olist_orders_dataset.csv' ? 2 : 1 });
        for (const reject of of) expect(reject).toMatchObject({ line, column, reason: `duplicate ${column.replace(',', ', ')}: repeats the key of line 2` });
        // The first row went to its service, once.
        const keyColumns = column.split(',');
        const first = received.get(route)!.filter((row) => keyColumns.map((c) => row[c]).join(',') === of[0]!.value);
        expect(first).toHaveLength(1);
      }
      const products = summary.files.find((f) => f.file === 'olist_products_dataset.csv')!;
      expect(products).toMatchObject({ read: linesOf(dir, 'olist_products_dataset.csv').length - 1, rejectedByReader: 1 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
