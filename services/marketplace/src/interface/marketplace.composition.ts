// How the marketplace adapters fit together, for main.ts and the integration tests alike.
import { TOPICS } from '@mercado/contracts';
import { createOutboxWriter, type TopicOverrides, trustedEnvelopeFactory } from '@mercado/messaging';
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
  const writer = createOutboxWriter(options.topicOverrides);
  const unitOfWork = new PgMarketplaceUnitOfWork(options.pool, writer);
  // The bulk path builds envelopes without a joi pass per event: the records were checked by the
  // domain (ids and category names against the contract's patterns, whole numbers, the address);
  // the first event of each type per chunk is still checked (see trustedEnvelopeFactory).
  const importUnitOfWork = new PgMarketplaceUnitOfWork(options.pool, writer, trustedEnvelopeFactory);
  return {
    routes: [
      ...catalogRoutes({
        unitOfWork,
        products: new PgProductRepository(options.pool),
        sellers: new PgSellerRepository(options.pool),
        translations: new PgCategoryTranslationRepository(options.pool),
        clock: options.clock,
      }),
      ...catalogImportRoutes({ unitOfWork: importUnitOfWork, clock: options.clock, chunkSize: options.importChunkSize }),
    ],
  };
}
