import { createEnvelope } from '@mercado/contracts';
import { type EnvelopeFactory, type OutboxWriter } from '@mercado/messaging';
import { type Pool, withTransaction } from '@mercado/postgres';
import { type MarketplaceTransaction, type MarketplaceUnitOfWork } from '../../application/ports/unit-of-work.port';
import { OutboxMarketplaceEvents } from '../messaging/outbox-marketplace-events.adapter';
import { PgCategoryTranslationRepository } from './pg-category-translation.repository';
import { PgProductRepository } from './pg-product.repository';
import { PgSellerRepository } from './pg-seller.repository';

/**
 * Each run in its own transaction on a pooled connection: the state and its outbox rows commit
 * together. `envelopes` makes each run's envelope factory: createEnvelope (every event checked
 * against its contract) unless a bulk import passes the messaging package's trusted factory.
 */
export class PgMarketplaceUnitOfWork implements MarketplaceUnitOfWork {
  constructor(
    private readonly pool: Pool,
    private readonly writer: OutboxWriter,
    private readonly envelopes: () => EnvelopeFactory = () => createEnvelope,
  ) {}

  run<T>(work: (tx: MarketplaceTransaction) => Promise<T>): Promise<T> {
    return withTransaction(this.pool, (client) =>
      work({
        products: new PgProductRepository(client),
        sellers: new PgSellerRepository(client),
        translations: new PgCategoryTranslationRepository(client),
        outbox: new OutboxMarketplaceEvents(client, this.writer, this.envelopes()),
      }),
    );
  }
}
