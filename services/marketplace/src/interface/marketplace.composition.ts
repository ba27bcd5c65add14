// How the marketplace adapters fit together, for main.ts and the integration tests alike.
import { TOPICS } from '@mercado/contracts';
import { createOutboxWriter, type TopicOverrides } from '@mercado/messaging';
import { type Pool } from '@mercado/postgres';
import { type RouteDefinition } from '@mercado/service-kit';
import { type Clock } from '../application/ports/clock.port';
import { PgCategoryTranslationRepository } from '../infrastructure/persistence/pg-category-translation.repository';
import { PgProductRepository } from '../infrastructure/persistence/pg-product.repository';
import { PgSellerRepository } from '../infrastructure/persistence/pg-seller.repository';
import { PgMarketplaceUnitOfWork } from '../infrastructure/persistence/pg-unit-of-work';
import { catalogImportRoutes } from './http/catalog-import.routes';
import { catalogRoutes } from './http/catalog.routes';

/** The catalog topics the marketplace publishes to. */
export const MARKETPLACE_TOPICS = [TOPICS.marketplaceProduct.name, TOPICS.marketplaceSeller.name];

export interface MarketplaceComposition {
  routes: RouteDefinition[];
}

export function composeMarketplace(options: {
  pool: Pool;
  clock: Clock;
  topicOverrides: TopicOverrides;
  importChunkSize: number;
}): MarketplaceComposition {
  const unitOfWork = new PgMarketplaceUnitOfWork(options.pool, createOutboxWriter(options.topicOverrides));
  return {
    routes: [
      ...catalogRoutes({
        unitOfWork,
        products: new PgProductRepository(options.pool),
        sellers: new PgSellerRepository(options.pool),
        translations: new PgCategoryTranslationRepository(options.pool),
        clock: options.clock,
      }),
      ...catalogImportRoutes({ unitOfWork, clock: options.clock, chunkSize: options.importChunkSize }),
    ],
  };
}
