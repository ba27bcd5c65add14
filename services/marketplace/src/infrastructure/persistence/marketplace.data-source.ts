import { createDataSource, type DataSource } from '@mercado/postgres';
import { CategoryTranslationOrmEntity } from './category-translation.orm-entity';
import { MarketplaceSchema1733600000000 } from './migrations/1733600000000-marketplace-schema.migration';
import { ProductOrmEntity } from './product.orm-entity';
import { SellerOrmEntity } from './seller.orm-entity';

export const MARKETPLACE_ENTITIES = [ProductOrmEntity, SellerOrmEntity, CategoryTranslationOrmEntity];
export const MARKETPLACE_MIGRATIONS = [MarketplaceSchema1733600000000];

/** The typeorm data source of the service's database: its entities and ordered migrations. */
export function createMarketplaceDataSource(url: string): DataSource {
  return createDataSource({
    url,
    entities: MARKETPLACE_ENTITIES,
    migrations: MARKETPLACE_MIGRATIONS,
    applicationName: 'marketplace-migrations',
    poolSize: 2,
  });
}
