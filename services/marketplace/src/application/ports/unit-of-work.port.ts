import { type CategoryTranslationRepository } from './category-translation.repository.port';
import { type MarketplaceEventOutbox } from './marketplace-event.outbox.port';
import { type ProductRepository } from './product.repository.port';
import { type SellerRepository } from './seller.repository.port';

/** The ports bound to one transaction. */
export interface MarketplaceTransaction {
  products: ProductRepository;
  sellers: SellerRepository;
  translations: CategoryTranslationRepository;
  outbox: MarketplaceEventOutbox;
}

/**
 * Runs `work` in one database transaction: everything saved and the events appended commit together,
 * or not at all if `work` throws (the error is rethrown).
 */
export interface MarketplaceUnitOfWork {
  run<T>(work: (tx: MarketplaceTransaction) => Promise<T>): Promise<T>;
}
