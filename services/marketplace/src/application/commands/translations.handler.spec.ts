import { InvalidFieldError } from '../../domain/shared/marketplace-domain-error';
import { type ProductUpdated } from '../../domain/product/product.events';
import { FixedClock, InMemoryMarketplaceUnitOfWork } from '../testing/in-memory-marketplace.test-double';
import { ImportTranslationsHandler } from './import-translations/import-translations.handler';
import { ListProductHandler } from './list-product/list-product.handler';
import { UpsertCategoryTranslationHandler } from './upsert-category-translation/upsert-category-translation.handler';

const NOW = new Date('2018-09-01T12:00:00Z');
const product = (productId: string, categoryName: string | null) => ({
  productId,
  categoryName,
  nameLength: 40,
  descriptionLength: 287,
  photosQty: 1,
  weightG: 225,
  lengthCm: 16,
  heightCm: 10,
  widthCm: 14,
});

describe('category translations', () => {
  let uow: InMemoryMarketplaceUnitOfWork;
  let upsert: UpsertCategoryTranslationHandler;

  beforeEach(async () => {
    uow = new InMemoryMarketplaceUnitOfWork();
    upsert = new UpsertCategoryTranslationHandler(uow, new FixedClock(NOW));
    const list = new ListProductHandler(uow, new FixedClock(NOW));
    for (const [id, category] of [
      ['p1', 'pc_gamer'],
      ['p2', 'pc_gamer'],
      ['p3', 'perfumaria'],
      ['p4', null],
    ] as const) {
      await list.execute(product(id, category));
    }
    uow.outbox.events = [];
  });

  it('adding a missing translation re-emits the English name of each product of that category only', async () => {
    const result = await upsert.execute({ categoryName: 'pc_gamer', englishName: 'pc_gamer' });
    // The fallback already showed `pc_gamer`; the flag changes, so both products are updated.
    expect(result).toEqual({
      outcome: 'added',
      categoryName: 'pc_gamer',
      englishName: 'pc_gamer',
      updatedProductIds: ['p1', 'p2'],
    });
    const updates = uow.outbox.ofType('ProductUpdated');
    expect(updates.map((e: ProductUpdated) => [e.productId, e.changedFields])).toEqual([
      ['p1', ['translationMissing']],
      ['p2', ['translationMissing']],
    ]);
    expect(uow.outbox.ofType('CategoryTranslationUpserted')).toEqual([
      expect.objectContaining({ categoryName: 'pc_gamer', previousEnglishName: null }),
    ]);
  });

  it('a changed English name re-emits; the same name again is a no-op', async () => {
    await upsert.execute({ categoryName: 'perfumaria', englishName: 'perfumery' });
    uow.outbox.events = [];
    expect((await upsert.execute({ categoryName: 'perfumaria', englishName: 'perfumery' })).outcome).toBe(
      'unchanged',
    );
    expect(uow.outbox.events).toEqual([]);
    const changed = await upsert.execute({ categoryName: 'perfumaria', englishName: 'perfume' });
    expect(changed).toEqual(expect.objectContaining({ outcome: 'changed', updatedProductIds: ['p3'] }));
    expect(uow.products.rows.get('p3')?.categoryNameEnglish).toBe('perfume');
    expect(uow.outbox.ofType('ProductUpdated')[0]?.product.categoryNameEnglish).toBe('perfume');
  });

  it('a translation of a category without products only saves the translation', async () => {
    const result = await upsert.execute({ categoryName: 'artes', englishName: 'art' });
    expect(result.updatedProductIds).toEqual([]);
    expect(uow.translations.rows.get('artes')).toBe('art');
  });

  it('refuses names that are not snake_case', async () => {
    await expect(
      upsert.execute({ categoryName: 'artes', englishName: 'Art & Craft' }),
    ).rejects.toBeInstanceOf(InvalidFieldError);
  });

  it('imports a file of translations with per-record rejects; the last of one category wins', async () => {
    const handler = new ImportTranslationsHandler(uow, new FixedClock(NOW));
    const source = (line: number) => ({ file: 'product_category_name_translation.csv', line });
    const result = await handler.execute({
      records: [
        {
          source: source(2),
          row: { product_category_name: 'perfumaria', product_category_name_english: 'perfumery' },
        },
        {
          source: source(3),
          row: { product_category_name: 'pc_gamer', product_category_name_english: 'Gamer PC' },
        },
        { source: source(4), row: { product_category_name: '', product_category_name_english: 'nothing' } },
        {
          source: source(5),
          row: { product_category_name: 'perfumaria', product_category_name_english: 'perfume' },
        },
      ],
    });
    expect(result).toEqual(
      expect.objectContaining({ received: 4, added: 1, changed: 1, unchanged: 0, updatedProductIds: ['p3'] }),
    );
    expect(result.rejected.map((r) => [r.source?.line, r.field, r.code])).toEqual([
      [3, 'product_category_name_english', 'invalid-field'],
      [4, 'product_category_name', 'missing-field'],
    ]);
    expect(uow.translations.rows.get('perfumaria')).toBe('perfume');
    const again = await handler.execute({
      records: [{ row: { product_category_name: 'perfumaria', product_category_name_english: 'perfume' } }],
    });
    expect(again).toEqual(
      expect.objectContaining({ unchanged: 1, added: 0, changed: 0, updatedProductIds: [] }),
    );
    expect(
      (
        await handler.execute({
          records: [{ row: { product_category_name: 'X', product_category_name_english: 'y' } }],
        })
      ).rejected,
    ).toHaveLength(1);
  });
});
