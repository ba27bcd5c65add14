import { ImportProductsHandler } from '../commands/import-products/import-products.handler';
import { ImportSellersHandler } from '../commands/import-sellers/import-sellers.handler';
import { InvalidCursorError } from '../shared/application.errors';
import { encodeCursor } from '../shared/pagination';
import { FixedClock, InMemoryMarketplaceUnitOfWork } from '../testing/in-memory-marketplace.test-double';
import { InvalidFieldError } from '../../domain/shared/marketplace-domain-error';
import { GetProductHandler } from './get-product/get-product.handler';
import { GetSellerHandler } from './get-seller/get-seller.handler';
import { ListProductsHandler } from './list-products/list-products.handler';
import { ListSellersHandler } from './list-sellers/list-sellers.handler';
import { ListTranslationsHandler } from './list-translations/list-translations.handler';

const clock = new FixedClock(new Date('2018-09-01T12:00:00Z'));
const productRow = (product_id: string, product_category_name: string) => ({
  product_id,
  product_category_name,
  product_weight_g: '100',
});

describe('marketplace queries', () => {
  const uow = new InMemoryMarketplaceUnitOfWork();

  beforeAll(async () => {
    uow.translations.rows.set('perfumaria', 'perfumery');
    uow.translations.rows.set('artes', 'art');
    await new ImportProductsHandler(uow, clock).execute({
      records: [
        { row: productRow('p3', 'perfumaria') },
        { row: productRow('p1', 'perfumaria') },
        { row: productRow('p2', 'artes') },
        { row: productRow('p4', '') },
        { row: productRow('p5', 'perfumaria') },
      ],
    });
    await new ImportSellersHandler(uow, clock).execute({
      records: [
        {
          row: {
            seller_id: 's2',
            seller_zip_code_prefix: '13023',
            seller_city: 'campinas',
            seller_state: 'SP',
          },
        },
        {
          row: {
            seller_id: 's1',
            seller_zip_code_prefix: '88501',
            seller_city: 'lages - sc',
            seller_state: 'SC',
          },
        },
        {
          row: {
            seller_id: 's3',
            seller_zip_code_prefix: '01037',
            seller_city: 'sao paulo',
            seller_state: 'SP',
          },
        },
      ],
    });
  });

  it('gets a product or null', async () => {
    const handler = new GetProductHandler(uow.products);
    expect(await handler.execute({ productId: 'p2' })).toEqual(
      expect.objectContaining({
        productId: 'p2',
        categoryNameEnglish: 'art',
        weightG: 100,
        nameLength: null,
      }),
    );
    expect(await handler.execute({ productId: 'nope' })).toBeNull();
  });

  it('lists products of a category page by page, by id, without versions', async () => {
    const handler = new ListProductsHandler(uow.products);
    const first = await handler.execute({ categoryName: 'perfumaria', limit: 2 });
    expect(first.items.map((p) => p.productId)).toEqual(['p1', 'p3']);
    expect(first.items[0]).not.toHaveProperty('version');
    const second = await handler.execute({ categoryName: 'perfumaria', limit: 2, cursor: first.nextCursor });
    expect(second).toEqual({ items: [expect.objectContaining({ productId: 'p5' })], nextCursor: null });
    expect((await handler.execute({ categoryName: null })).items.map((p) => p.productId)).toEqual(['p4']);
    expect((await handler.execute({})).items).toHaveLength(5);
  });

  it('refuses a forged cursor or a malformed category', async () => {
    const handler = new ListProductsHandler(uow.products);
    await expect(handler.execute({ cursor: '***' })).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(handler.execute({ cursor: encodeCursor({ sellerId: 'x' }) })).rejects.toBeInstanceOf(
      InvalidCursorError,
    );
    await expect(handler.execute({ categoryName: 'Perfumaria!' })).rejects.toBeInstanceOf(InvalidFieldError);
  });

  it('gets a seller or null, and lists sellers by state page by page', async () => {
    expect(await new GetSellerHandler(uow.sellers).execute({ sellerId: 's1' })).toEqual(
      expect.objectContaining({ city: 'lages - sc', normalizedCity: 'lages', state: 'SC' }),
    );
    expect(await new GetSellerHandler(uow.sellers).execute({ sellerId: 'nope' })).toBeNull();
    const handler = new ListSellersHandler(uow.sellers);
    const first = await handler.execute({ state: 'sp', limit: 1 });
    expect(first.items.map((s) => s.sellerId)).toEqual(['s2']);
    const second = await handler.execute({ state: 'SP', limit: 1, cursor: first.nextCursor });
    expect(second.items.map((s) => s.sellerId)).toEqual(['s3']);
    expect(second.nextCursor).toBeNull();
    expect((await handler.execute({})).items.map((s) => s.sellerId)).toEqual(['s1', 's2', 's3']);
    await expect(handler.execute({ state: 'XX' })).rejects.toMatchObject({ field: 'state' });
  });

  it('lists the translations by Portuguese name', async () => {
    expect(await new ListTranslationsHandler(uow.translations).execute()).toEqual([
      { categoryName: 'artes', englishName: 'art' },
      { categoryName: 'perfumaria', englishName: 'perfumery' },
    ]);
  });
});
