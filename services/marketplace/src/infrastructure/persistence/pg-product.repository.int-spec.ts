import { createPool, initialiseAndMigrate, type Pool } from '@mercado/postgres';
import { createTestDatabase, testInfrastructure, type TestDatabase } from '@mercado/testing';
import { ConcurrentModificationError } from '../../application/shared/application.errors';
import { CategoryTranslation } from '../../domain/category-translation/category-translation.entity';
import { Product } from '../../domain/product/product.aggregate';
import { Seller } from '../../domain/seller/seller.aggregate';
import { createMarketplaceDataSource } from './marketplace.data-source';
import { PgCategoryTranslationRepository } from './pg-category-translation.repository';
import { PgProductRepository } from './pg-product.repository';
import { PgSellerRepository } from './pg-seller.repository';

const NOW = new Date('2018-09-01T12:00:00Z');
const details = {
  categoryName: 'pc_gamer',
  nameLength: 59,
  descriptionLength: 621,
  photosQty: 4,
  weightG: 0,
  lengthCm: 19,
  heightCm: 16,
  widthCm: null,
};

describe('marketplace repositories on PostgreSQL', () => {
  let database: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    database = await createTestDatabase(testInfrastructure().databaseUrl, 'marketplace_repo');
    const dataSource = createMarketplaceDataSource(database.url);
    expect(await initialiseAndMigrate(dataSource)).toEqual(['MarketplaceSchema1733600000000']);
    // The entities describe exactly the tables the migration made.
    expect((await dataSource.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query)).toEqual([]);
    await dataSource.destroy();
    pool = createPool(database.url, { max: 2 });
  });
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  it('round-trips products and sellers and refuses a stale version', async () => {
    const products = new PgProductRepository(pool);
    const product = Product.list('0105b5323d24fc655f73052694dbbb3a', details, null, NOW, 'import');
    await products.save([product]);
    const [stored] = await products.findByIds([product.productId]);
    expect(stored!.toSnapshot()).toEqual({ ...product.toSnapshot(), version: 1 });
    expect(stored!.toSnapshot()).toMatchObject({ categoryNameEnglish: 'pc_gamer', translationMissing: true, weightG: 0, widthCm: null });

    const a = (await products.findById(product.productId))!;
    const b = (await products.findById(product.productId))!;
    a.applyTranslation(CategoryTranslation.of('pc_gamer', 'pc_gaming'), NOW);
    await products.save([a]);
    b.update({ ...details, photosQty: 5 }, null, NOW);
    await expect(products.save([b])).rejects.toThrow(ConcurrentModificationError);
    expect((await products.findByCategory('pc_gamer')).map((p) => p.toSnapshot().categoryNameEnglish)).toEqual(['pc_gaming']);

    const sellers = new PgSellerRepository(pool);
    const seller = Seller.onboard('ceb7b4fb9401cd378de7886317ad1b47', { zipPrefix: '01037', city: '04482255', state: 'RJ' }, NOW);
    await sellers.save([seller]);
    expect((await sellers.findById(seller.sellerId))!.toSnapshot()).toEqual({ ...seller.toSnapshot(), version: 1 });
    expect(await sellers.list({ state: 'RJ', afterSellerId: null, limit: 10 })).toHaveLength(1);
    expect(await sellers.list({ state: 'SP', afterSellerId: null, limit: 10 })).toHaveLength(0);

    const translations = new PgCategoryTranslationRepository(pool);
    await translations.save([CategoryTranslation.of('perfumaria', 'perfume'), CategoryTranslation.of('artes', 'art')]);
    await translations.save([CategoryTranslation.of('perfumaria', 'perfumery')]);
    expect((await translations.findAll()).map((t) => [t.categoryName, t.englishName])).toEqual([
      ['artes', 'art'],
      ['perfumaria', 'perfumery'],
    ]);
  });
});
