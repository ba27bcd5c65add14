import { mintToken } from '@mercado/service-kit';
import request from 'supertest';
import { type MarketplaceHarness, startMarketplaceHarness } from './testing/marketplace-harness.test-helper';
import { TopicTap } from '@mercado/testing';

const PRODUCT = '1e9e8ef04dbcff4541ed26657ea517e5';
const SELLER = '3442f8959a84dea7ee197c632cb2df15';

describe('marketplace API on PostgreSQL and Kafka', () => {
  let harness: MarketplaceHarness;
  let products: TopicTap;
  let sellers: TopicTap;
  const auth = () => ({ Authorization: `Bearer ${harness.token}` });

  beforeAll(async () => {
    harness = await startMarketplaceHarness({ importChunkSize: 2 });
    products = await TopicTap.start(harness.brokers, harness.topics.product);
    sellers = await TopicTap.start(harness.brokers, harness.topics.seller);
    await request(harness.app).put('/category-translations/perfumaria').set(auth()).send({ english_name: 'perfumery' }).expect(200);
  });
  afterAll(async () => {
    await products?.stop();
    await sellers?.stop();
    await harness?.stop();
  });

  it('lists, repeats, updates and shows a product, publishing listed then updated', async () => {
    const body = {
      product_id: PRODUCT,
      category_name: 'perfumaria',
      name_length: 40,
      description_length: 287,
      photos_qty: 1,
      weight_g: 225,
      length_cm: 16,
      height_cm: 10,
      width_cm: 14,
    };
    const listed = await request(harness.app).post('/products').set(auth()).send(body).expect(201);
    expect(listed.body).toMatchObject({ outcome: 'listed', product: { category_name_en: 'perfumery', translation_missing: false } });
    expect((await request(harness.app).post('/products').set(auth()).send(body).expect(200)).body.outcome).toBe('unchanged');
    const changed = await request(harness.app).patch(`/products/${PRODUCT}`).set(auth()).send({ weight_g: 0, photos_qty: null }).expect(200);
    expect(changed.body).toMatchObject({ outcome: 'updated', product: { weight_g: 0, photos_qty: null, name_length: 40 } });
    expect(changed.body.product.anomalies).toEqual(['LISTING_DETAILS_MISSING', 'ZERO_WEIGHT']);
    const shown = await request(harness.app).get(`/products/${PRODUCT}`).set(auth()).expect(200);
    expect(shown.body).toEqual(changed.body.product);

    const events = await products.waitFor('listed and updated', (t) => t.envelopes().filter((e) => e.subject === PRODUCT), (e) => e.length >= 2);
    expect(events.map((e) => e.type)).toEqual(['marketplace.product.listed', 'marketplace.product.updated']);
    expect(events[1]!.data).toEqual({
      product_id: PRODUCT,
      category_name: 'perfumaria',
      category_name_en: 'perfumery',
      translation_missing: false,
      name_length: 40,
      description_length: 287,
      photos_qty: null,
      weight_g: 0,
      length_cm: 16,
      height_cm: 10,
      width_cm: 14,
      anomalies: ['listing-details-missing', 'zero-weight'],
    });
    expect(events[0]!.source).toBe('/mercado/marketplace');
  });

  it('answers 400 naming each bad field, 404 for an unknown product, 401 without a token', async () => {
    const bad = await request(harness.app)
      .post('/products')
      .set(auth())
      .send({ product_id: 'not an id', weight_g: -1, length_cm: 1.5, category_name: 'Cama Mesa' })
      .expect(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['/category_name', '/length_cm', '/product_id', '/weight_g']);
    await request(harness.app).patch('/products/ffff').set(auth()).send({ weight_g: 1 }).expect(404);
    await request(harness.app).get('/products/ffff').set(auth()).expect(404);
    await request(harness.app).get('/products').expect(401);
  });

  it('answers 403 to a token without the scope a route asks for', async () => {
    const reader = { Authorization: `Bearer ${await mintToken({ scopes: 'catalog:read' })}` };
    await request(harness.app).get('/products').set(reader).expect(200);
    await request(harness.app).get('/category-translations').set(reader).expect(200);
    const forbidden = await request(harness.app).post('/products').set(reader).send({ product_id: 'abc' }).expect(403);
    expect(forbidden.headers['content-type']).toContain('application/problem+json');
    expect(forbidden.body.status).toBe(403);
    await request(harness.app).put('/category-translations/perfumaria').set(reader).send({ english_name: 'perfume' }).expect(403);
    await request(harness.app).post('/sellers').set(reader).send({}).expect(403);
    await request(harness.app).post('/imports/products').set(reader).set('Content-Type', 'application/x-ndjson').send('{}\n').expect(403);
    const writer = { Authorization: `Bearer ${await mintToken({ scopes: 'catalog:write' })}` };
    await request(harness.app).get('/products').set(writer).expect(403);
    await request(harness.app).get('/sellers').set(writer).expect(403);
  });

  it('onboards, refuses a second address (409), relocates, and filters sellers by state', async () => {
    const seller = { seller_id: SELLER, zip_prefix: '01037', city: 'sao paulo / sp', state: 'sp' };
    const onboarded = await request(harness.app).post('/sellers').set(auth()).send(seller).expect(201);
    expect(onboarded.body.seller).toMatchObject({ zip_prefix: '01037', normalized_city: 'sao paulo', state: 'SP', anomalies: ['CITY_NORMALIZED'] });
    expect((await request(harness.app).post('/sellers').set(auth()).send(seller).expect(200)).body.outcome).toBe('unchanged');
    const conflict = await request(harness.app).post('/sellers').set(auth()).send({ ...seller, zip_prefix: '13023' }).expect(409);
    expect(conflict.body.type).toBe('https://mercado.dev/problems/seller-already-onboarded');
    const moved = await request(harness.app)
      .put(`/sellers/${SELLER}/address`)
      .set(auth())
      .send({ zip_prefix: '88501', city: 'lages - sc', state: 'SC' })
      .expect(200);
    expect(moved.body).toMatchObject({ outcome: 'relocated', seller: { normalized_city: 'lages', state: 'SC' } });
    await request(harness.app).put('/sellers/unknown1/address').set(auth()).send({ zip_prefix: '88501', city: 'lages', state: 'SC' }).expect(404);
    const badZip = await request(harness.app).post('/sellers').set(auth()).send({ ...seller, seller_id: 's2', zip_prefix: 1037 }).expect(400);
    expect(badZip.body.errors.map((e: { field: string }) => e.field)).toEqual(['/zip_prefix']);
    expect((await request(harness.app).get('/sellers').query({ state: 'sc' }).set(auth()).expect(200)).body.items).toHaveLength(1);
    expect((await request(harness.app).get('/sellers').query({ state: 'SP' }).set(auth()).expect(200)).body.items).toHaveLength(0);
    const events = await sellers.waitFor('onboarded and relocated', (t) => t.envelopes(), (e) => e.length >= 2);
    expect(events.map((e) => [e.type, (e.data as { zip_prefix: string }).zip_prefix])).toEqual([
      ['marketplace.seller.onboarded', '01037'],
      ['marketplace.seller.relocated', '88501'],
    ]);
    expect(events[0]!.data).toMatchObject({ city: 'sao paulo / sp', normalized_city: 'sao paulo', anomalies: ['city-normalized'] });
  });

  it('imports NDJSON in chunks with per-record rejects, idempotently, and lists a category page by page', async () => {
    const row = (id: string, overrides: Record<string, unknown> = {}) => ({
      product_id: id,
      product_category_name: 'perfumaria',
      product_name_lenght: '40',
      product_description_lenght: '287',
      product_photos_qty: '1',
      product_weight_g: '225',
      product_length_cm: '16',
      product_height_cm: '10',
      product_width_cm: '14',
      ...overrides,
    });
    const lines = [
      JSON.stringify(row('p1')),
      JSON.stringify(row('p2', { product_weight_g: '12.5' })),
      '[1, 2]',
      JSON.stringify(row('p3', { product_photos_qty: 3 })),
      '',
      'not json',
      JSON.stringify(row('p4', { product_category_name: '' })),
      JSON.stringify(row('p5')),
    ].join('\r\n');
    const send = () =>
      request(harness.app).post('/imports/products?file=products.ndjson').set(auth()).set('Content-Type', 'application/x-ndjson').send(lines).expect(200);
    const first = await send();
    expect(first.body).toMatchObject({ received: 7, listed: 3, accepted: 3, unchanged: 0, rejected: 4 });
    expect(first.body.rejects.map((r: { line: number; id: string | null; field: string | null; code: string }) => [r.line, r.id, r.field, r.code])).toEqual([
      [2, 'p2', 'product_weight_g', 'invalid-field'],
      [3, null, null, 'invalid-record'],
      [4, 'p3', 'product_photos_qty', 'invalid-record'],
      [6, null, null, 'invalid-json'],
    ]);
    expect(first.body.rejects[0].file).toBe('products.ndjson');
    expect((await send()).body).toMatchObject({ listed: 0, unchanged: 3, rejected: 4 });
    await request(harness.app).post('/imports/products').set(auth()).set('Content-Type', 'text/csv').send('a,b').expect(415);

    const page1 = await request(harness.app).get('/products').query({ category_name: 'perfumaria', limit: 2 }).set(auth()).expect(200);
    expect(page1.body.items.map((p: { product_id: string }) => p.product_id)).toEqual([PRODUCT, 'p1']);
    const page2 = await request(harness.app)
      .get('/products')
      .query({ category_name: 'perfumaria', limit: 2, cursor: page1.body.next_cursor })
      .set(auth())
      .expect(200);
    expect(page2.body).toEqual({ items: [expect.objectContaining({ product_id: 'p5' })], next_cursor: null });
    const uncategorized = await request(harness.app).get('/products').query({ uncategorized: true }).set(auth()).expect(200);
    expect(uncategorized.body.items.map((p: { product_id: string }) => p.product_id)).toEqual(['p4']);
    await request(harness.app).get('/products').query({ cursor: 'bm90IGEgY3Vyc29y' }).set(auth()).expect(400);
    const translations = await request(harness.app).get('/category-translations').set(auth()).expect(200);
    expect(translations.body.items).toEqual([{ category_name: 'perfumaria', english_name: 'perfumery' }]);
  });
});
