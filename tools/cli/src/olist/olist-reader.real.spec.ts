import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { readOlistFile } from './olist-reader';
import { olistKindOfFileName, type OlistFileKind } from './olist-files';
import type { OlistAcceptedRow, OlistReadResult, OlistRecordByKind } from './olist-records';

// The dataset's own rows, byte for byte: complete sellers, products and translation files, heads of the others.
const REAL = '/work/shared/olist/real';

async function readAll<K extends OlistFileKind>(file: string, kind: K): Promise<OlistReadResult<K>[]> {
  const results: OlistReadResult<K>[] = [];
  for await (const result of readOlistFile(join(REAL, file), kind)) results.push(result);
  return results;
}

const cache = new Map<string, Promise<OlistReadResult[]>>();

async function recordsOf<K extends OlistFileKind>(file: string, kind: K): Promise<OlistAcceptedRow<K>[]> {
  if (!cache.has(file)) cache.set(file, readAll(file, kind));
  const results = (await cache.get(file)!) as OlistReadResult<K>[];
  const rejects = results.filter((result) => result.kind === 'reject');
  expect(rejects).toEqual([]);
  return results as OlistAcceptedRow<K>[];
}

/** Counts records with plain csv-parse, independently of the reader. */
async function csvParseRecordCount(file: string): Promise<number> {
  let records = 0;
  for await (const _record of createReadStream(join(REAL, file)).pipe(parse({ bom: true, from_line: 2 })))
    records++;
  return records;
}

function find<K extends OlistFileKind>(
  rows: OlistAcceptedRow<K>[],
  predicate: (record: OlistRecordByKind[K]) => boolean,
): OlistAcceptedRow<K> {
  const row = rows.find((candidate) => predicate(candidate.record));
  if (row === undefined) throw new Error('expected row not found');
  return row;
}

describe('reading the real Olist files', () => {
  jest.setTimeout(60_000);

  it.each([
    ['olist_products_dataset.csv', 'products', 32_951],
    ['olist_sellers_dataset.csv', 'sellers', 3_095],
    ['product_category_name_translation.csv', 'category_translation', 71],
    ['olist_customers_dataset.head.csv', 'customers', 200],
    ['olist_geolocation_dataset.head.csv', 'geolocation', 88],
    ['olist_orders_dataset.head.csv', 'orders', 4_071],
    ['olist_order_items_dataset.head.csv', 'order_items', 5_154],
    ['olist_order_payments_dataset.head.csv', 'order_payments', 4_733],
    ['olist_order_reviews_dataset.head.csv', 'order_reviews', 6_123],
  ] as const)('%s: all %s records accepted, as many as csv-parse counts', async (file, kind, count) => {
    const records = await recordsOf(file, kind as OlistFileKind);
    expect(records).toHaveLength(count);
    const lines = records.map((record) => record.line);
    expect(lines.every((line, i) => i === 0 || line > lines[i - 1]!)).toBe(true);
    expect(await csvParseRecordCount(file)).toBe(count);
    expect(olistKindOfFileName(file.replace('.head.csv', '.csv'))).toBe(kind);
    expect(olistKindOfFileName(file.replace('.csv', '.txt'))).toBeUndefined();
  });

  it('keeps zip prefixes as text with their leading zeros, and a seller city that is a number', async () => {
    const sellers = await recordsOf('olist_sellers_dataset.csv', 'sellers');
    expect(find(sellers, (s) => s.sellerId === 'c0f3eea2e14555b6faeea3dd58c1b1c3')).toEqual({
      kind: 'record',
      file: join(REAL, 'olist_sellers_dataset.csv'),
      line: 5,
      record: {
        sellerId: 'c0f3eea2e14555b6faeea3dd58c1b1c3',
        zipCodePrefix: '04195',
        city: 'sao paulo',
        state: 'SP',
      },
    });
    const numberCity = find(sellers, (s) => s.sellerId === 'ceb7b4fb9401cd378de7886317ad1b47');
    expect(numberCity.line).toBe(519);
    expect(numberCity.record.city).toBe('04482255');
    expect(find(sellers, (s) => s.city === 'santa barbara d´oeste').record.zipCodePrefix).toBe('13450');
    expect(sellers.filter((s) => s.record.zipCodePrefix.startsWith('0')).length).toBeGreaterThan(100);
  });

  it('keeps the decomposed-accent (NFD) city exactly as given', async () => {
    const sellers = await recordsOf('olist_sellers_dataset.csv', 'sellers');
    const nfd = find(sellers, (s) => s.sellerId === 'a3fa18b3f688ec0fca3eb8bfcbd2d5b3');
    expect(nfd.line).toBe(362);
    expect(nfd.record.city).toBe('sa\u0303o paulo');
    expect(nfd.record.city).not.toBe('são paulo');
    expect(nfd.record.city.normalize('NFC')).toBe('são paulo');
  });

  it('strips the BOM of the translation file and reads its CRLF rows up to the last one without a newline', async () => {
    const translations = await recordsOf('product_category_name_translation.csv', 'category_translation');
    expect(translations[0]).toMatchObject({
      line: 2,
      record: { categoryName: 'beleza_saude', categoryNameEnglish: 'health_beauty' },
    });
    expect(translations.at(-1)).toMatchObject({
      line: 72,
      record: { categoryName: 'seguros_e_servicos', categoryNameEnglish: 'security_and_services' },
    });
    const names = translations.map((t) => t.record.categoryName);
    expect(names).not.toContain('pc_gamer');
    expect(names).not.toContain('portateis_cozinha_e_preparadores_de_alimentos');
  });

  it('keeps multi-line CRLF review messages intact and numbers the records after them by physical line', async () => {
    const reviews = await recordsOf('olist_order_reviews_dataset.head.csv', 'order_reviews');
    const oneBreak = find(reviews, (r) => r.reviewId === '4b49719c8a200003f700d3d986ea1a19');
    expect(oneBreak.line).toBe(14);
    expect(oneBreak.record.commentMessage).toBe('Mas um pouco ,travando...pelo valor ta Boa.\r\n');
    expect(find(reviews, (r) => r.reviewId === '23f75a37effc35d9a915b4e1ad483793').line).toBe(16);
    const threeBreaks = find(reviews, (r) => r.reviewId === 'fe3db7c069d694bab50cc43463f91608');
    expect(threeBreaks.line).toBe(30);
    expect(threeBreaks.record).toEqual({
      reviewId: 'fe3db7c069d694bab50cc43463f91608',
      orderId: '2ca73e2ff9e3a186ad1e1ffb9b1d9c10',
      score: 5,
      commentTitle: null,
      commentMessage:
        'A compra foi realizada facilmente.\r\nA entrega foi efetuada muito antes do prazo dado.\r\n' +
        'O produto já começou a ser usado e até o presente,\r\nsem problemas.',
      creationDate: '2018-03-23 00:00:00',
      answerTimestamp: '2018-04-01 00:27:51',
    });
    expect(find(reviews, (r) => r.reviewId === 'e07eee7ad7666276bd8b27fbd83fd1ff').line).toBe(34);
    expect(reviews.at(-1)!.line).toBe(6481);
  });

  it('reads products without category or measures as nulls, and zero weights as 0', async () => {
    const products = await recordsOf('olist_products_dataset.csv', 'products');
    expect(find(products, (p) => p.productId === 'a41e356c76fab66334f36de622ecbd3a')).toMatchObject({
      line: 107,
      record: {
        categoryName: null,
        nameLength: null,
        descriptionLength: null,
        photosQty: null,
        weightG: 650,
      },
    });
    expect(find(products, (p) => p.productId === '09ff539a621711667c43eba6a3bd8466').record).toMatchObject({
      categoryName: 'bebes',
      weightG: null,
      lengthCm: null,
      heightCm: null,
      widthCm: null,
    });
    expect(find(products, (p) => p.productId === '81781c0fed9fe1ad6e8c81fca1e1cb08').record.weightG).toBe(0);
    expect(products.filter((p) => p.record.categoryName === null)).toHaveLength(610);
    expect(products.filter((p) => p.record.categoryName === 'pc_gamer')).toHaveLength(3);
  });

  it('types orders, lines and payments: empty timestamps as null, money as integer cents', async () => {
    const orders = await recordsOf('olist_orders_dataset.head.csv', 'orders');
    expect(orders[0]).toMatchObject({
      line: 2,
      record: {
        orderId: 'e481f51cbdc54678b7cc49136f2d6af7',
        customerId: '9ef432eb6251297304e76186b10a928d',
        status: 'delivered',
        purchaseTimestamp: '2017-10-02 10:56:33',
        estimatedDeliveryDate: '2017-10-18 00:00:00',
      },
    });
    expect(
      orders.filter((o) => o.record.status === 'canceled' && o.record.approvedAt === null).length,
    ).toBeGreaterThan(0);
    const items = await recordsOf('olist_order_items_dataset.head.csv', 'order_items');
    expect(items[0]!.record).toEqual({
      orderId: '00010242fe8c5a6d1ba2dd792cb16214',
      orderItemId: 1,
      productId: '4244733e06e7ecb4970a6e2683c13e61',
      sellerId: '48436dade18ac8b2bce089ec2a041202',
      shippingLimitDate: '2017-09-19 09:45:35',
      priceCents: 5890,
      freightValueCents: 1329,
    });
    const payments = await recordsOf('olist_order_payments_dataset.head.csv', 'order_payments');
    expect(payments[0]!.record).toEqual({
      orderId: 'b81ef226f3fe1789b1e8b2acac839d17',
      paymentSequential: 1,
      paymentType: 'credit_card',
      paymentInstallments: 8,
      paymentValueCents: 9933,
    });
  });
});
