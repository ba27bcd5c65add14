import { type EnvelopeFactory, type OutboxWriter, type SqlExecutor } from '@mercado/messaging';
import { type CustomerServiceDomainEvent, type EventOutbox } from '../../application/ports/event-outbox.port';
import { toIntegrationEvents } from './customer-integration-events.mapper';

/** The outbox port over the messaging outbox: domain events become integration events, written in the caller's transaction. */
export class CustomerEventOutbox implements EventOutbox {
  constructor(
    private readonly tx: SqlExecutor,
    private readonly writer: OutboxWriter,
    private readonly envelope?: EnvelopeFactory,
  ) {}

  async append(events: readonly CustomerServiceDomainEvent[]): Promise<void> {
    await this.writer.append(this.tx, toIntegrationEvents(events, this.envelope));
  }
}
