// Olist's real catalogue files, complete, through the import use cases: the translations (71 rows,
// BOM, CRLF, no final newline), the products (32,951) and the sellers (3,095). Expected figures are
// computed here from the raw rows, independently of the domain's code.
import { FixedClock, InMemoryMarketplaceUnitOfWork } from '../testing/in-memory-marketplace.test-double';
import { type CsvRecord, parseCsv } from '@mercado/testing';
import { readOlistRealFile } from '../testing/real-olist-files.test-helper';
import { ListSellersHandler } from '../queries/list-sellers/list-sellers.handler';
import { type OlistProductRow } from './import-products/import-products.command';
import { ImportProductsHandler } from './import-products/import-products.handler';
import { type OlistSellerRow } from './import-sellers/import-sellers.command';
import { ImportSellersHandler } from './import-sellers/import-sellers.handler';
import { type OlistCategoryTranslationRow } from './import-translations/import-translations.command';
import { ImportTranslationsHandler } from './import-translations/import-translations.handler';
import { UpsertCategoryTranslationHandler } from './upsert-category-translation/upsert-category-translation.handler';

const NOW = new Date('2018-10-17T12:00:00Z');
const clock = new FixedClock(NOW);
const translationText = readOlistRealFile('product_category_name_translation.csv');
const translations = parseCsv(translationText);
const products = parseCsv(readOlistRealFile('olist_products_dataset.csv'));
const sellers = parseCsv(readOlistRealFile('olist_sellers_dataset.csv'));
const MISSING = ['pc_gamer', 'portateis_cozinha_e_preparadores_de_alimentos'];

function records<Row>(file: string, rows: CsvRecord[]) {
  return rows.map((r) => ({ source: { file, line: r.line }, row: r.values as unknown as Row }));
}

async function inBatches<Record, Result extends { rejected: unknown[] }>(
  all: Record[],
  run: (batch: Record[]) => Promise<Result>,
): Promise<Result[]> {
  const results: Result[] = [];
  for (let start = 0; start < all.length; start += 1000)
    results.push(await run(all.slice(start, start + 1000)));
  return results;
}

const sum = (results: object[], key: string) =>
  results.reduce((total, r) => total + ((r as Record<string, number>)[key] ?? 0), 0);

describe('the real Olist catalogue', () => {
  const uow = new InMemoryMarketplaceUnitOfWork();
  const productRecords = records<OlistProductRow>('olist_products_dataset.csv', products);

  beforeAll(async () => {
    expect(translationText.charCodeAt(0)).toBe(0xfeff);
    expect(translationText).toContain('\r\n');
    const imported = await new ImportTranslationsHandler(uow, clock).execute({
      records: records<OlistCategoryTranslationRow>('product_category_name_translation.csv', translations),
    });
    expect(imported).toEqual(expect.objectContaining({ received: 71, added: 71, rejected: [] }));
    const results = await inBatches(productRecords, (batch) =>
      new ImportProductsHandler(uow, clock).execute({ records: batch }),
    );
    expect(sum(results, 'listed')).toBe(32_951);
    expect(results.flatMap((r) => r.rejected)).toEqual([]);
  });

  it('reads the translation file’s header through its BOM and its last row without newline', () => {
    expect(Object.keys(translations[0]!.values)).toEqual([
      'product_category_name',
      'product_category_name_english',
    ]);
    expect(translations.at(-1)!.values.product_category_name_english).toBe('security_and_services');
    expect(uow.translations.rows.get('beleza_saude')).toBe('health_beauty');
  });

  it('keeps products without category: category and English name null, not flagged as untranslated', () => {
    const raw = products.filter((r) => r.values.product_category_name === '');
    expect(raw).toHaveLength(610);
    const wrong = raw.filter((r) => {
      const p = uow.products.rows.get(r.values.product_id!)!;
      return p.categoryName !== null || p.categoryNameEnglish !== null || p.translationMissing;
    });
    expect(wrong).toEqual([]);
  });

  it('gives the two untranslated categories the fallback name and the flag, and drops none', () => {
    const untranslated = [...uow.products.rows.values()].filter((p) => p.translationMissing);
    const expected = products.filter((r) => MISSING.includes(r.values.product_category_name!));
    expect(expected.length).toBeGreaterThan(0);
    expect(untranslated.map((p) => p.productId).sort()).toEqual(
      expected.map((r) => r.values.product_id).sort(),
    );
    expect(untranslated.every((p) => p.categoryNameEnglish === p.categoryName)).toBe(true);
    expect(new Set(untranslated.map((p) => p.categoryName))).toEqual(new Set(MISSING));
    expect(uow.products.rows.size).toBe(32_951);
  });

  it('keeps missing measures null and the real zero weights 0, exactly as the file says', () => {
    const columns = [
      ['product_weight_g', 'weightG'],
      ['product_length_cm', 'lengthCm'],
      ['product_height_cm', 'heightCm'],
      ['product_width_cm', 'widthCm'],
      ['product_photos_qty', 'photosQty'],
      ['product_name_lenght', 'nameLength'],
      ['product_description_lenght', 'descriptionLength'],
    ] as const;
    const mismatches = products.flatMap((r) => {
      const product = uow.products.rows.get(r.values.product_id!)!;
      return columns
        .filter(
          ([column, key]) => product[key] !== (r.values[column] === '' ? null : Number(r.values[column])),
        )
        .map(([column]) => `${r.values.product_id} ${column}`);
    });
    expect(mismatches).toEqual([]);
    const zero = [...uow.products.rows.values()].filter((p) => p.weightG === 0);
    expect(zero).toHaveLength(products.filter((r) => r.values.product_weight_g === '0').length);
    expect(zero.length).toBeGreaterThan(0);
    expect(zero.every((p) => p.anomalies.includes('ZERO_WEIGHT'))).toBe(true);
    expect([...uow.products.rows.values()].filter((p) => p.weightG === null)).toHaveLength(2);
  });

  it('re-imports the whole file as a no-op', async () => {
    const events = uow.outbox.events.length;
    const results = await inBatches(productRecords, (batch) =>
      new ImportProductsHandler(uow, clock).execute({ records: batch }),
    );
    expect(sum(results, 'unchanged')).toBe(32_951);
    expect(uow.outbox.events).toHaveLength(events);
  });

  it('re-emits the English name of every pc_gamer product when its translation is added', async () => {
    const result = await new UpsertCategoryTranslationHandler(uow, clock).execute({
      categoryName: 'pc_gamer',
      englishName: 'gaming_pc',
    });
    const expected = products
      .filter((r) => r.values.product_category_name === 'pc_gamer')
      .map((r) => r.values.product_id);
    expect(result.updatedProductIds.sort()).toEqual(expected.sort());
    const updates = uow.outbox.ofType('ProductUpdated').filter((e) => e.product.categoryName === 'pc_gamer');
    expect(updates).toHaveLength(expected.length);
    expect(
      updates.every((e) => e.product.categoryNameEnglish === 'gaming_pc' && !e.product.translationMissing),
    ).toBe(true);
  });

  describe('sellers', () => {
    beforeAll(async () => {
      const results = await inBatches(
        records<OlistSellerRow>('olist_sellers_dataset.csv', sellers),
        (batch) => new ImportSellersHandler(uow, clock).execute({ records: batch }),
      );
      expect(sum(results, 'onboarded')).toBe(3_095);
      expect(results.flatMap((r) => r.rejected)).toEqual([]);
    });

    it('normalises every city to lowercase a-z, digits, apostrophes and single spaces', () => {
      const all = [...uow.sellers.rows.values()];
      for (const seller of all) {
        const city = seller.normalizedCity;
        if (city === null) continue;
        expect(city).toMatch(/^[a-z0-9']+( [a-z0-9']+)*$/);
        expect(city).not.toContain(' / ');
        expect(city.normalize('NFKD')).toBe(city); // no accent left, composed or not
      }
      expect(
        all
          .filter((s) => s.normalizedCity === null)
          .map((s) => s.city)
          .sort(),
      ).toEqual(['04482255', 'vendas@creditparts.com.br']);
    });

    it('flags the numeric city, and only it', () => {
      const numeric = [...uow.sellers.rows.values()].filter((s) => s.cityIsNumeric);
      expect(numeric.map((s) => [s.city, s.normalizedCity, s.anomalies])).toEqual([
        ['04482255', null, ['CITY_NORMALIZED', 'CITY_IS_NUMERIC']],
      ]);
    });

    it('merges the spellings of one city: fewer distinct normalised cities than raw ones', () => {
      const raw = new Set(sellers.map((r) => r.values.seller_city));
      const normalized = new Set([...uow.sellers.rows.values()].map((s) => s.normalizedCity));
      expect(raw.size).toBe(611);
      expect(normalized.size).toBeLessThan(raw.size);
      const spellingsOf = (city: string) =>
        new Set([...uow.sellers.rows.values()].filter((s) => s.normalizedCity === city).map((s) => s.city));
      expect(spellingsOf('sao paulo')).toEqual(
        new Set(['sao paulo', 'sao  paulo', 'sao paulo - sp', 'sao paulo / sao paulo', 'sa\u0303o paulo']),
      );
      expect(spellingsOf("santa barbara d'oeste")).toEqual(
        new Set(["santa barbara d'oeste", 'santa barbara d´oeste']),
      );
      expect(spellingsOf('rio de janeiro')).toEqual(
        new Set([
          'rio de janeiro',
          'rio de janeiro / rio de janeiro',
          'rio de janeiro \\rio de janeiro',
          'rio de janeiro, rio de janeiro, brasil',
        ]),
      );
      expect(spellingsOf('lages')).toEqual(new Set(['lages', 'lages - sc']));
    });

    it('keeps every zip prefix as five-digit text and lists sellers by state page by page', async () => {
      expect([...uow.sellers.rows.values()].every((s) => /^\d{5}$/.test(s.zipPrefix))).toBe(true);
      const handler = new ListSellersHandler(uow.sellers);
      let cursor: string | null = null;
      let count = 0;
      do {
        const page = await handler.execute({ state: 'SP', cursor, limit: 500 });
        expect(page.items.every((s) => s.state === 'SP')).toBe(true);
        count += page.items.length;
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect(count).toBe(sellers.filter((r) => r.values.seller_state === 'SP').length);
    });
  });
});
