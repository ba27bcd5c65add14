import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateOlist, type FaultsManifest, type GenerateSummary } from './generate-olist';
import { FAULTS_BY_FILE } from './fault-injector';
import { readOlistFile } from '../olist/olist-reader';
import { OLIST_FILES, OLIST_FILE_KINDS, type OlistFileKind } from '../olist/olist-files';
import type { OlistReadResult, OlistRecordByKind } from '../olist/olist-records';

const REAL = '/work/shared/olist/real';
const SCALE = 0.01;

let root: string;
let clean: GenerateSummary;
let faulty: GenerateSummary;
const records = {} as { [K in OlistFileKind]: OlistRecordByKind[K][] };

async function readAll<K extends OlistFileKind>(dir: string, kind: K): Promise<OlistReadResult<K>[]> {
  const results: OlistReadResult<K>[] = [];
  for await (const result of readOlistFile(join(dir, OLIST_FILES[kind].fileName), kind)) results.push(result);
  return results;
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function hashes(summary: GenerateSummary): Record<string, string> {
  return Object.fromEntries(OLIST_FILE_KINDS.map((kind) => [kind, sha256(summary.files[kind].path)]));
}

function share<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  return items.filter(predicate).length / items.length;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'olist-generate-'));
  clean = await generateOlist({ scale: SCALE, seed: 20_180_101, outDir: join(root, 'clean') });
  faulty = await generateOlist({
    scale: SCALE,
    seed: 20_180_101,
    outDir: join(root, 'faulty'),
    faults: true,
  });
  for (const kind of OLIST_FILE_KINDS) {
    const results = await readAll(clean.outDir, kind);
    (records as Record<OlistFileKind, unknown[]>)[kind] = results.flatMap((r) =>
      r.kind === 'record' ? [r.record] : [],
    );
  }
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('generateOlist: determinism', () => {
  it('gives the same bytes for the same seed, other bytes for another seed', async () => {
    const again = await generateOlist({ scale: SCALE, seed: 20_180_101, outDir: join(root, 'again') });
    const other = await generateOlist({ scale: SCALE, seed: 7, outDir: join(root, 'other') });
    expect(hashes(again)).toEqual(hashes(clean));
    const otherHashes = hashes(other);
    const cleanHashes = hashes(clean);
    for (const kind of OLIST_FILE_KINDS.filter((k) => k !== 'category_translation')) {
      expect(otherHashes[kind]).not.toBe(cleanHashes[kind]);
    }
    expect(again).toEqual({ ...clean, outDir: join(root, 'again'), files: expect.any(Object) as unknown });
  });

  it('removes a faults manifest left in the directory by an earlier run with faults', async () => {
    const dir = join(root, 'reused');
    const withFaults = await generateOlist({ scale: SCALE, seed: 3, outDir: dir, faults: true });
    expect(existsSync(withFaults.faultsManifest!)).toBe(true);
    const withoutFaults = await generateOlist({ scale: SCALE, seed: 3, outDir: dir });
    expect(withoutFaults.faultsManifest).toBeNull();
    expect(existsSync(withFaults.faultsManifest!)).toBe(false);
  });

  it('refuses a scale or seed it cannot honour', async () => {
    await expect(generateOlist({ scale: 0, seed: 1, outDir: join(root, 'x') })).rejects.toThrow(
      /scale must be a number in \(0, 20\]/,
    );
    await expect(generateOlist({ scale: Number.NaN, seed: 1, outDir: join(root, 'x') })).rejects.toThrow(
      RangeError,
    );
    await expect(generateOlist({ scale: 21, seed: 1, outDir: join(root, 'x') })).rejects.toThrow(RangeError);
    await expect(generateOlist({ scale: 0.01, seed: 1.5, outDir: join(root, 'x') })).rejects.toThrow(
      /seed must be an integer/,
    );
  });
});

describe('generateOlist: the files', () => {
  it('writes the nine files with the published headers, byte for byte', () => {
    const realFile: Record<OlistFileKind, string> = {
      customers: 'olist_customers_dataset.head.csv',
      orders: 'olist_orders_dataset.head.csv',
      order_items: 'olist_order_items_dataset.head.csv',
      order_payments: 'olist_order_payments_dataset.head.csv',
      order_reviews: 'olist_order_reviews_dataset.head.csv',
      products: 'olist_products_dataset.csv',
      sellers: 'olist_sellers_dataset.csv',
      geolocation: 'olist_geolocation_dataset.head.csv',
      category_translation: 'product_category_name_translation.csv',
    };
    for (const kind of OLIST_FILE_KINDS) {
      const firstLine = (text: string) => text.slice(0, text.indexOf('\n') + 1);
      expect(firstLine(readFileSync(clean.files[kind].path, 'utf8'))).toBe(
        firstLine(readFileSync(join(REAL, realFile[kind]), 'utf8')),
      );
    }
  });

  it('writes the real translation file: its 71 categories, BOM, CRLF and no final newline', () => {
    expect(readFileSync(clean.files.category_translation.path)).toEqual(
      readFileSync(join(REAL, 'product_category_name_translation.csv')),
    );
    expect(clean.files.category_translation.rows).toBe(71);
  });

  it('has rows of the expected volume at this scale, and every file reads back with no reject', async () => {
    expect(clean.files.orders.rows).toBe(Math.round(99_441 * SCALE));
    expect(clean.files.customers.rows).toBe(clean.files.orders.rows);
    expect(clean.files.products.rows).toBe(Math.round(32_951 * SCALE));
    expect(clean.files.sellers.rows).toBe(Math.round(3_095 * SCALE));
    expect(clean.files.order_items.rows / clean.files.orders.rows).toBeGreaterThan(1.08);
    expect(clean.files.order_items.rows / clean.files.orders.rows).toBeLessThan(1.2);
    expect(clean.files.order_payments.rows / clean.files.orders.rows).toBeGreaterThan(1.01);
    expect(clean.files.order_reviews.rows / clean.files.orders.rows).toBeGreaterThan(0.97);
    expect(clean.files.geolocation.rows).toBeLessThanOrEqual(150);
    for (const kind of OLIST_FILE_KINDS) {
      const results = await readAll(clean.outDir, kind);
      expect(results.filter((r) => r.kind === 'reject')).toEqual([]);
      expect(results).toHaveLength(clean.files[kind].rows);
    }
    expect(clean.rows).toBe(OLIST_FILE_KINDS.reduce((sum, kind) => sum + clean.files[kind].rows, 0));
    expect(clean.faultsManifest).toBeNull();
    expect(clean.faultCount).toBe(0);
  });

  it('keeps the keys consistent across files', () => {
    const orderIds = new Set(records.orders.map((o) => o.orderId));
    const customerIds = new Set(records.customers.map((c) => c.customerId));
    const productIds = new Set(records.products.map((p) => p.productId));
    const sellerIds = new Set(records.sellers.map((s) => s.sellerId));
    const zipPrefixes = new Set(records.geolocation.map((g) => g.zipCodePrefix));
    expect(orderIds.size).toBe(records.orders.length);
    expect(customerIds.size).toBe(records.customers.length);
    expect(productIds.size).toBe(records.products.length);
    expect(sellerIds.size).toBe(records.sellers.length);
    expect(records.orders.filter((o) => !customerIds.has(o.customerId))).toEqual([]);
    expect(
      records.order_items.filter(
        (i) => !orderIds.has(i.orderId) || !productIds.has(i.productId) || !sellerIds.has(i.sellerId),
      ),
    ).toEqual([]);
    expect(records.order_payments.filter((p) => !orderIds.has(p.orderId))).toEqual([]);
    expect(records.order_reviews.filter((r) => !orderIds.has(r.orderId))).toEqual([]);
    expect(
      [...records.customers, ...records.sellers].filter((c) => !zipPrefixes.has(c.zipCodePrefix)),
    ).toEqual([]);
    // As in the real data, every product and every seller has sold something.
    expect(new Set(records.order_items.map((i) => i.productId)).size).toBe(productIds.size);
    expect(new Set(records.order_items.map((i) => i.sellerId)).size).toBe(sellerIds.size);
    // Lines are numbered 1..n inside each order.
    const lines = new Map<string, number[]>();
    for (const item of records.order_items)
      lines.set(item.orderId, [...(lines.get(item.orderId) ?? []), item.orderItemId]);
    expect([...lines.values()].filter((numbers) => numbers.some((n, i) => n !== i + 1))).toEqual([]);
    const categories = new Set(records.category_translation.map((t) => t.categoryName));
    const untranslated = new Set(
      records.products.flatMap((p) =>
        p.categoryName !== null && !categories.has(p.categoryName) ? [p.categoryName] : [],
      ),
    );
    expect([...untranslated].sort()).toEqual(['pc_gamer', 'portateis_cozinha_e_preparadores_de_alimentos']);
  });

  it('follows the real shares of statuses, payment types, lines, scores, states and repeat buyers', () => {
    const orders = records.orders;
    expect(share(orders, (o) => o.status === 'delivered')).toBeCloseTo(0.97, 1);
    expect(share(orders, (o) => o.status === 'delivered')).toBeGreaterThan(0.95);
    expect(
      share(orders, (o) =>
        ['shipped', 'canceled', 'unavailable', 'invoiced', 'processing'].includes(o.status),
      ),
    ).toBeGreaterThan(0.01);
    expect(
      share(orders, (o) =>
        ['shipped', 'canceled', 'unavailable', 'invoiced', 'processing'].includes(o.status),
      ),
    ).toBeLessThan(0.05);
    const payments = records.order_payments;
    expect(share(payments, (p) => p.paymentType === 'credit_card')).toBeGreaterThan(0.69);
    expect(share(payments, (p) => p.paymentType === 'credit_card')).toBeLessThan(0.79);
    expect(share(payments, (p) => p.paymentType === 'boleto')).toBeGreaterThan(0.15);
    expect(share(payments, (p) => p.paymentType === 'boleto')).toBeLessThan(0.23);
    expect(share(payments, (p) => p.paymentType === 'voucher')).toBeGreaterThan(0.025);
    expect(share(payments, (p) => p.paymentType === 'voucher')).toBeLessThan(0.085);
    expect(share(payments, (p) => p.paymentType === 'debit_card')).toBeLessThan(0.035);
    const cards = payments.filter((p) => p.paymentType === 'credit_card');
    expect(share(cards, (p) => p.paymentInstallments >= 1 && p.paymentInstallments <= 10)).toBeGreaterThan(
      0.98,
    );
    expect(share(cards, (p) => p.paymentInstallments === 1)).toBeGreaterThan(0.25);
    expect(
      share(
        payments.filter((p) => p.paymentType !== 'credit_card'),
        (p) => p.paymentInstallments === 1,
      ),
    ).toBe(1);
    const linesPerOrder = new Map<string, number>();
    for (const item of records.order_items)
      linesPerOrder.set(item.orderId, (linesPerOrder.get(item.orderId) ?? 0) + 1);
    const multiLine = share([...linesPerOrder.values()], (n) => n > 1);
    expect(multiLine).toBeGreaterThan(0.06);
    expect(multiLine).toBeLessThan(0.14);
    const paymentsPerOrder = new Map<string, number>();
    for (const payment of payments)
      paymentsPerOrder.set(payment.orderId, (paymentsPerOrder.get(payment.orderId) ?? 0) + 1);
    expect([...paymentsPerOrder.values()].some((n) => n > 1)).toBe(true);
    const reviews = records.order_reviews;
    expect(share(reviews, (r) => r.score === 5)).toBeGreaterThan(0.53);
    expect(share(reviews, (r) => r.score === 5)).toBeLessThan(0.63);
    expect(share(reviews, (r) => r.score === 4)).toBeGreaterThan(0.15);
    expect(share(reviews, (r) => r.score === 4)).toBeLessThan(0.23);
    expect(share(reviews, (r) => r.score === 1)).toBeGreaterThan(0.08);
    expect(share(reviews, (r) => r.score === 1)).toBeLessThan(0.15);
    expect(share(reviews, (r) => r.score === 3)).toBeGreaterThan(0.05);
    expect(share(reviews, (r) => r.score === 3)).toBeLessThan(0.11);
    expect(share(reviews, (r) => r.score === 2)).toBeLessThan(0.06);
    const customers = records.customers;
    expect(share(customers, (c) => c.state === 'SP')).toBeGreaterThan(0.37);
    expect(share(customers, (c) => c.state === 'SP')).toBeLessThan(0.47);
    expect(share(customers, (c) => c.state === 'RJ' || c.state === 'MG')).toBeGreaterThan(0.19);
    const persons = new Set(customers.map((c) => c.customerUniqueId)).size;
    expect(persons).toBe(clean.persons);
    expect(1 - persons / customers.length).toBeGreaterThan(0.015);
    expect(1 - persons / customers.length).toBeLessThan(0.055);
  });

  it('writes timelines that match the status, with a late share near 8% and growth over 2016-09..2018-10', () => {
    const orders = records.orders;
    expect(orders.every((o) => o.estimatedDeliveryDate.endsWith(' 00:00:00'))).toBe(true);
    expect(
      orders.every((o) => o.purchaseTimestamp >= '2016-09-01' && o.purchaseTimestamp < '2018-11-01'),
    ).toBe(true);
    const of = (status: string) => orders.filter((o) => o.status === status);
    expect(of('created').every((o) => o.approvedAt === null && o.deliveredCarrierDate === null)).toBe(true);
    expect(
      of('shipped').every((o) => o.deliveredCarrierDate !== null && o.deliveredCustomerDate === null),
    ).toBe(true);
    for (const status of ['invoiced', 'processing', 'unavailable', 'approved']) {
      expect(
        of(status).every(
          (o) => o.approvedAt !== null && o.deliveredCarrierDate === null && o.deliveredCustomerDate === null,
        ),
      ).toBe(true);
    }
    const delivered = of('delivered');
    expect(
      share(delivered, (o) => o.deliveredCustomerDate !== null && o.deliveredCarrierDate !== null),
    ).toBeGreaterThan(0.99);
    expect(
      delivered.every(
        (o) => o.deliveredCustomerDate === null || o.deliveredCustomerDate > o.purchaseTimestamp,
      ),
    ).toBe(true);
    expect(delivered.every((o) => o.approvedAt === null || o.approvedAt >= o.purchaseTimestamp)).toBe(true);
    const late = share(
      delivered.filter((o) => o.deliveredCustomerDate !== null),
      (o) => o.deliveredCustomerDate! > o.estimatedDeliveryDate,
    );
    expect(late).toBeGreaterThan(0.045);
    expect(late).toBeLessThan(0.115);
    const inHalf = (prefix: string[]) =>
      orders.filter((o) => prefix.some((p) => o.purchaseTimestamp.startsWith(p))).length;
    expect(inHalf(['2018-01', '2018-02', '2018-03', '2018-04', '2018-05', '2018-06'])).toBeGreaterThan(
      1.5 * inHalf(['2017-01', '2017-02', '2017-03', '2017-04', '2017-05', '2017-06']),
    );
    expect(records.order_items.every((i) => i.shippingLimitDate > '2016-09')).toBe(true);
  });

  it('makes payments add up to lines plus freight, apart from occasional interest and vouchers', () => {
    const totals = new Map<string, number>();
    for (const item of records.order_items)
      totals.set(item.orderId, (totals.get(item.orderId) ?? 0) + item.priceCents + item.freightValueCents);
    const paid = new Map<string, number>();
    for (const payment of records.order_payments)
      paid.set(payment.orderId, (paid.get(payment.orderId) ?? 0) + payment.paymentValueCents);
    const orders = [...totals.keys()];
    expect(share(orders, (order) => paid.get(order) === totals.get(order))).toBeGreaterThan(0.95);
    expect(share(orders, (order) => paid.get(order)! >= totals.get(order)!)).toBeGreaterThan(0.99);
  });

  it('reproduces the published quirks', () => {
    const customersText = readFileSync(clean.files.customers.path, 'utf8');
    expect(customersText).toMatch(/^[0-9a-f]{32},/m); // ids starting with a letter are bare
    expect(customersText).toMatch(/^"[0-9][0-9a-f]{31}",/m); // ids starting with a digit are quoted
    expect(customersText).toMatch(/,"0\d{4}",/); // zip prefixes quoted, leading zeros kept
    const sellerCities = records.sellers.map((s) => s.city);
    expect(sellerCities).toContain('sa\u0303o paulo');
    expect(sellerCities).toContain('sao paulo / sp');
    expect(sellerCities.some((city) => /^\d{8}$/.test(city))).toBe(true);
    const reviewsText = readFileSync(clean.files.order_reviews.path, 'utf8');
    expect(
      reviewsText
        .split('\n')
        .every((line, i, all) => line.endsWith('\r') || (i === all.length - 1 && line === '')),
    ).toBe(true);
    const multiLine = records.order_reviews.filter((r) => r.commentMessage?.includes('\r\n'));
    expect(multiLine.length).toBeGreaterThan(0);
    expect(share(records.order_reviews, (r) => r.commentMessage !== null)).toBeGreaterThan(0.3);
    expect(
      records.products.some((p) => p.categoryName === null && p.nameLength === null && p.photosQty === null),
    ).toBe(true);
    expect(records.products.some((p) => p.weightG === null && p.lengthCm === null)).toBe(true);
    expect(records.products.some((p) => p.weightG === 0)).toBe(true);
    expect(records.order_payments.some((p) => p.paymentType === 'voucher')).toBe(true);
    expect(records.orders.some((o) => o.status === 'canceled' && o.approvedAt === null)).toBe(true);
  });
});

describe('generateOlist: faults', () => {
  let manifest: FaultsManifest;
  beforeAll(() => {
    manifest = JSON.parse(readFileSync(faulty.faultsManifest!, 'utf8')) as FaultsManifest;
  });

  it('lists every injected fault in faults.json, at least one of each kind per file', () => {
    expect(faulty.faultCount).toBe(manifest.faults.length);
    expect(manifest).toMatchObject({ seed: 20_180_101, scale: SCALE, rate: 0.0003 });
    for (const kind of OLIST_FILE_KINDS) {
      const kinds = new Set(
        manifest.faults.filter((f) => f.file === OLIST_FILES[kind].fileName).map((f) => f.kind),
      );
      expect([...kinds].sort()).toEqual([...FAULTS_BY_FILE[kind]].sort());
      expect(faulty.files[kind].faultRows).toBe(
        manifest.faults.filter((f) => f.file === OLIST_FILES[kind].fileName).length,
      );
    }
    expect(
      manifest.faults.every(
        (f) => (f.layer === 'later') === (f.kind === 'orphan_line' || f.kind === 'duplicate_id'),
      ),
    ).toBe(true);
  });

  it('adds the faults as extra lines: without them each file is the clean one, byte for byte', () => {
    for (const kind of OLIST_FILE_KINDS) {
      const faultLines = new Set(
        manifest.faults.filter((f) => f.file === OLIST_FILES[kind].fileName).map((f) => f.line),
      );
      const lines = readFileSync(faulty.files[kind].path, 'utf8').split('\n');
      const kept = lines.filter((_, i) => !faultLines.has(i + 1));
      expect(kept.join('\n')).toBe(readFileSync(clean.files[kind].path, 'utf8'));
      expect(faulty.files[kind].rows).toBe(clean.files[kind].rows);
    }
  });

  it('has the reader reject every row-level fault at its line and column, and nothing else', async () => {
    const accepted = {} as { [K in OlistFileKind]: OlistRecordByKind[K][] };
    for (const kind of OLIST_FILE_KINDS) {
      const results = await readAll(faulty.outDir, kind);
      const rejects = results.flatMap((r) =>
        r.kind === 'reject' ? [{ line: r.line, column: r.column }] : [],
      );
      const expected = manifest.faults
        .filter((f) => f.file === OLIST_FILES[kind].fileName && f.layer === 'reader')
        .map((f) => ({ line: f.line, column: f.column }));
      expect(rejects).toEqual(expected);
      (accepted as Record<OlistFileKind, unknown[]>)[kind] = results.flatMap((r) =>
        r.kind === 'record' ? [r.record] : [],
      );
      const later = manifest.faults.filter(
        (f) => f.file === OLIST_FILES[kind].fileName && f.layer === 'later',
      ).length;
      expect(accepted[kind]).toHaveLength(faulty.files[kind].rows + later);
    }
    // The other faults pass the reader and are for cross-file checks: orphan lines and duplicate ids.
    const orderIds = new Set(accepted.orders.map((o) => o.orderId));
    const orphans = manifest.faults.filter((f) => f.kind === 'orphan_line');
    expect(orphans.length).toBeGreaterThan(0);
    for (const orphan of orphans) {
      expect(orderIds.has(orphan.key)).toBe(false);
      expect(accepted.order_items.some((i) => i.orderId === orphan.key)).toBe(true);
    }
    const keyOf: Partial<Record<OlistFileKind, (record: never) => string>> = {
      customers: (c: OlistRecordByKind['customers']) => c.customerId,
      orders: (o: OlistRecordByKind['orders']) => o.orderId,
      order_items: (i: OlistRecordByKind['order_items']) => `${i.orderId}#${i.orderItemId}`,
      products: (p: OlistRecordByKind['products']) => p.productId,
      sellers: (s: OlistRecordByKind['sellers']) => s.sellerId,
    };
    const duplicates = manifest.faults.filter((f) => f.kind === 'duplicate_id');
    expect(duplicates.length).toBeGreaterThanOrEqual(5);
    for (const duplicate of duplicates) {
      const kind = OLIST_FILE_KINDS.find((k) => OLIST_FILES[k].fileName === duplicate.file)!;
      const keys = (accepted[kind] as never[]).map(keyOf[kind]!);
      const ofRow =
        kind === 'order_items'
          ? keys.filter((k) => k.startsWith(`${duplicate.key}#`))
          : keys.filter((k) => k === duplicate.key);
      expect(new Set(ofRow).size).toBeLessThan(ofRow.length);
    }
  });
});
