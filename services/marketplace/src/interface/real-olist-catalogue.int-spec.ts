// Olist's real catalogue files (complete products, sellers and translations), converted from CSV to
// NDJSON and sent through the bulk import endpoints of the running service, on PostgreSQL and Kafka.
import request from 'supertest';
import { eventually, parseCsv, TopicTap, topicMessageCount } from '@mercado/testing';
import { readOlistRealFile } from '../application/testing/real-olist-files.test-helper';
import { type MarketplaceHarness, startMarketplaceHarness } from './testing/marketplace-harness.test-helper';

/** A CSV file as NDJSON: one object per record, columns as in the header, values as text. */
function csvAsNdjson(file: string): { body: string; records: number } {
  const records = parseCsv(readOlistRealFile(file));
  return { body: records.map((record) => JSON.stringify(record.values)).join('\n') + '\n', records: records.length };
}

describe("Olist's real catalogue through the NDJSON bulk import", () => {
  let harness: MarketplaceHarness;
  const post = (path: string, file: string, body: string) =>
    request(harness.app)
      .post(`${path}?file=${file}`)
      .set('Authorization', `Bearer ${harness.token}`)
      .set('Content-Type', 'application/x-ndjson')
      .send(body);
  const count = async (sql: string, values: unknown[] = []) => (await harness.pool.query(sql, values)).rows[0].n as number;

  beforeAll(async () => {
    harness = await startMarketplaceHarness();
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('takes every record of the three files, their quirks included, and publishes them', async () => {
    const translations = csvAsNdjson('product_category_name_translation.csv');
    const products = csvAsNdjson('olist_products_dataset.csv');
    const sellers = csvAsNdjson('olist_sellers_dataset.csv');
    expect([translations.records, products.records, sellers.records]).toEqual([71, 32_951, 3_095]);

    const t = await post('/imports/translations', 'product_category_name_translation.csv', translations.body).expect(200);
    expect(t.body).toMatchObject({ received: 71, added: 71, accepted: 71, rejected: 0, updated_products: 0 });
    const p = await post('/imports/products', 'olist_products_dataset.csv', products.body).expect(200);
    expect(p.body).toMatchObject({ received: 32_951, listed: 32_951, accepted: 32_951, unchanged: 0, rejected: 0 });
    expect(p.body.chunks).toBe(33);
    const s = await post('/imports/sellers', 'olist_sellers_dataset.csv', sellers.body).expect(200);
    expect(s.body).toMatchObject({ received: 3_095, onboarded: 3_095, rejected: 0 });

    // The BOM and CRLF of the translation file do not leak into names.
    expect(await count(`SELECT count(*)::int AS n FROM category_translation WHERE category_name !~ '^[a-z0-9_]+$' OR english_name !~ '^[a-z0-9_]+$'`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM category_translation WHERE category_name = 'beleza_saude' AND english_name = 'health_beauty'`)).toBe(1);
    // Products without category keep their unknown figures null, never 0.
    expect(await count('SELECT count(*)::int AS n FROM product WHERE category_name IS NULL')).toBe(610);
    expect(await count('SELECT count(*)::int AS n FROM product WHERE category_name IS NULL AND name_length IS NULL AND photos_qty IS NULL')).toBe(610);
    // Four real 0 g weights stay 0 and are flagged; two unknown weights stay null.
    expect(await count(`SELECT count(*)::int AS n FROM product WHERE weight_g = 0 AND 'ZERO_WEIGHT' = ANY(anomalies)`)).toBe(4);
    expect(await count('SELECT count(*)::int AS n FROM product WHERE weight_g IS NULL')).toBe(2);
    // The two categories missing from the translation file keep their products, flagged, with the fallback name.
    const untranslated = (
      await harness.pool.query(
        `SELECT category_name, count(*)::int AS n, bool_and(category_name_en = category_name) AS fallback
         FROM product WHERE translation_missing GROUP BY category_name ORDER BY category_name`,
      )
    ).rows;
    expect(untranslated.map((r) => r.category_name)).toEqual(['pc_gamer', 'portateis_cozinha_e_preparadores_de_alimentos']);
    expect(untranslated.every((r) => r.fallback)).toBe(true);
    // Zip prefixes are text with their leading zeros; messy cities are normalised, the numeric one flagged.
    expect(await count(`SELECT count(*)::int AS n FROM seller WHERE zip_prefix !~ '^[0-9]{5}$'`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM seller WHERE zip_prefix LIKE '0%'`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*)::int AS n FROM seller WHERE city IN ('sao paulo - sp', 'sao paulo / sao paulo') AND normalized_city = 'sao paulo'`)).toBe(4);
    expect(await count(`SELECT count(*)::int AS n FROM seller WHERE city = 'lages - sc' AND normalized_city = 'lages'`)).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM seller WHERE city = $1 AND normalized_city = 'sao paulo'`, ['sa\u0303o paulo'])).toBeGreaterThan(0);
    expect(await count(`SELECT count(*)::int AS n FROM seller WHERE city_is_numeric AND normalized_city IS NULL`)).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM seller WHERE normalized_city ~ '[/\u0300-\u036f]'`)).toBe(0);

    // Every product and seller reaches its topic (translations stay in-process).
    await eventually('the catalogue on its topics', async () => [
      await topicMessageCount(harness.brokers, harness.topics.product),
      await topicMessageCount(harness.brokers, harness.topics.seller),
    ], ([productEvents, sellerEvents]) => productEvents === 32_951 && sellerEvents === 3_095, 120_000);
  });

  it('changes nothing when the same files are imported again', async () => {
    const products = csvAsNdjson('olist_products_dataset.csv');
    const sellers = csvAsNdjson('olist_sellers_dataset.csv');
    const translations = csvAsNdjson('product_category_name_translation.csv');
    const outbox = await count('SELECT count(*)::int AS n FROM messaging_outbox');
    expect((await post('/imports/translations', 't.csv', translations.body).expect(200)).body).toMatchObject({ unchanged: 71, accepted: 0 });
    expect((await post('/imports/products', 'p.csv', products.body).expect(200)).body).toMatchObject({ unchanged: 32_951, accepted: 0 });
    expect((await post('/imports/sellers', 's.csv', sellers.body).expect(200)).body).toMatchObject({ unchanged: 3_095, accepted: 0 });
    expect(await count('SELECT count(*)::int AS n FROM messaging_outbox')).toBe(outbox);
    expect(await count('SELECT count(*)::int AS n FROM product WHERE version <> 1')).toBe(0);
  });

  it('re-publishes the products of a category whose translation is added', async () => {
    const tap = await TopicTap.start(harness.brokers, harness.topics.product);
    try {
      const pcGamer = await count(`SELECT count(*)::int AS n FROM product WHERE category_name = 'pc_gamer'`);
      expect(pcGamer).toBeGreaterThan(0);
      const answer = await request(harness.app)
        .put('/category-translations/pc_gamer')
        .set('Authorization', `Bearer ${harness.token}`)
        .send({ english_name: 'pc_gaming' })
        .expect(200);
      expect(answer.body).toEqual({ outcome: 'added', category_name: 'pc_gamer', english_name: 'pc_gaming', updated_products: pcGamer });
      const updated = await tap.waitFor(
        'the re-published products',
        (t) => t.envelopes('marketplace.product.updated'),
        (found) => found.length >= pcGamer,
        60_000,
      );
      expect(updated).toHaveLength(pcGamer);
      for (const event of updated) {
        expect(event.data).toMatchObject({ category_name: 'pc_gamer', category_name_en: 'pc_gaming', translation_missing: false });
      }
      // The listings published before carried the contract's form of a missing translation.
      const listed = tap.envelopes('marketplace.product.listed').filter((e) => (e.data as { category_name: string }).category_name === 'pc_gamer');
      expect(listed.map((e) => (e.data as { category_name_en: unknown; translation_missing: boolean }))).toEqual(
        listed.map(() => expect.objectContaining({ category_name_en: null, translation_missing: true })),
      );
      const zeroWeight = tap.envelopes('marketplace.product.listed').find((e) => e.subject === 'e673e90efa65a5409ff4196c038bb5af');
      expect(zeroWeight?.data).toMatchObject({ weight_g: 0, anomalies: ['zero-weight'] });
    } finally {
      await tap.stop();
    }
  });
});
