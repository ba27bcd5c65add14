import { createEnvelope, type EventEnvelope } from '@mercado/contracts';
import { type EnvelopeFactory, type OutboxWriter } from '@mercado/messaging';
import { type SqlExecutor } from '@mercado/postgres';
import { type MarketplaceEventOutbox } from '../../application/ports/marketplace-event.outbox.port';
import { type MarketplaceDomainEvent } from '../../domain/marketplace.events';
import { toIntegrationEvents } from './marketplace-integration-events.mapper';

export const MARKETPLACE_SOURCE = '/mercado/marketplace';

/**
 * The MarketplaceEventOutbox port on the transactional outbox: domain events become
 * marketplace.product.* / marketplace.seller.* envelopes (checked against the contract), written with
 * the unit of work's executor so that they commit with the change.
 */
export class OutboxMarketplaceEvents implements MarketplaceEventOutbox {
  constructor(
    private readonly db: SqlExecutor,
    private readonly writer: OutboxWriter,
    private readonly envelopeOf: EnvelopeFactory = createEnvelope,
  ) {}

  async append(events: readonly MarketplaceDomainEvent[]): Promise<void> {
    const envelopes: EventEnvelope[] = events.flatMap((event) =>
      toIntegrationEvents(event).map(({ definition, data, time }) =>
        this.envelopeOf(definition, data, { source: MARKETPLACE_SOURCE, time }),
      ),
    );
    await this.writer.append(this.db, envelopes);
  }
}
