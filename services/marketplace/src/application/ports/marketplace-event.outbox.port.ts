import { type MarketplaceDomainEvent } from '../../domain/marketplace.events';

/**
 * The transactional outbox: events appended here are written in the unit of work's transaction and
 * published afterwards by a relay. The infrastructure maps each domain event to its integration
 * event (marketplace.product.*, marketplace.seller.*; CategoryTranslationUpserted stays in-process).
 */
export interface MarketplaceEventOutbox {
  append(events: readonly MarketplaceDomainEvent[]): Promise<void>;
}
