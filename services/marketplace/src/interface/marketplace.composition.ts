// How the marketplace adapters fit together, for main.ts and the integration tests alike.
import { OutboxWriter } from '@mercado/messaging';
import { type Pool } from '@mercado/postgres';
import { type RouteDefinition } from '@mercado/service-kit';
import { type Clock } from '../application/ports/clock.port';
import { marketplaceTopics, type MarketplaceTopicNames } from '../infrastructure/messaging/marketplace-topics';
import { PgCategoryTranslationRepository } from '../infrastructure/persistence/pg-category-translation.repository';
import { PgProductRepository } from '../infrastructure/persistence/pg-product.repository';
import { PgSellerRepository } from '../infrastructure/persistence/pg-seller.repository';
import { PgMarketplaceUnitOfWork } from '../infrastructure/persistence/pg-unit-of-work';
import { catalogImportRoutes } from './http/catalog-import.routes';
import { catalogRoutes } from './http/catalog.routes';

export interface MarketplaceComposition {
  routes: RouteDefinition[];
  topics: ReturnType<typeof marketplaceTopics>;
}

export function composeMarketplace(options: {
  pool: Pool;
  clock: Clock;
  topics: MarketplaceTopicNames;
  importChunkSize: number;
}): MarketplaceComposition {
  const topics = marketplaceTopics(options.topics);
  const unitOfWork = new PgMarketplaceUnitOfWork(options.pool, new OutboxWriter({ topicOf: topics.topicOf }));
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
    topics,
  };
}
