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
  it('sends an order with the first of its repeated lines and payments, and rejects the repeats (rule R1)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'olist-import-'));
    cpSync(path.join(__dirname, '..', 'oracle', 'fixtures', 'tiny'), dir, { recursive: true });
    // Line 2 of each file again, at the end: the same (order_id, order_item_id) and (order_id, payment_sequential).
    const repeat = (file: string) => appendFileSync(path.join(dir, file), readFileSync(path.join(dir, file), 'utf8').split('\n')[1] + '\n');
    repeat('olist_order_items_dataset.csv');
    repeat('olist_order_payments_dataset.csv');
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
      await importOlist({
        dir,
        endpoints: { sales: url, customer: url, fulfillment: url, marketplace: url, warehouse: url },
        token: 't',
        rejectsPath,
      });
      const order = received.get('/imports/orders')!.find((o) => o.order_id === '0a000000000000000000000000000001')!;
      expect((order.items as Array<{ order_item_id: string }>).map((i) => i.order_item_id)).toEqual(['1', '2']);
      expect((order.payments as Array<{ payment_sequential: string }>).map((p) => p.payment_sequential)).toEqual(['1', '2']);
      const rejects = readFileSync(rejectsPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
      const items = readFileSync(path.join(dir, 'olist_order_items_dataset.csv'), 'utf8').trimEnd().split('\n').length;
      const payments = readFileSync(path.join(dir, 'olist_order_payments_dataset.csv'), 'utf8').trimEnd().split('\n').length;
      expect(rejects.filter((r) => String(r.reason).startsWith('duplicate'))).toEqual([
        {
          file: 'olist_order_items_dataset.csv',
          line: items,
          column: 'order_id,order_item_id',
          value: '0a000000000000000000000000000001,1',
          reason: 'duplicate order_id, order_item_id: first seen on line 2',
        },
        {
          file: 'olist_order_payments_dataset.csv',
          line: payments,
          column: 'order_id,payment_sequential',
          value: '0a000000000000000000000000000001,1',
          reason: 'duplicate order_id, payment_sequential: first seen on line 2',
        },
      ]);
    } finally {
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
