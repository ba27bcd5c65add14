import { type EnvelopeFactory, type OutboxWriter, type SqlExecutor } from '@mercado/messaging';
import { type EventOutbox } from '../../application/ports/event-outbox.port';
import { type OrderDomainEvent } from '../../domain/order/order.events';
import { toIntegrationEvents } from './order-integration-events.mapper';

/** The outbox port over the messaging outbox: domain events become integration events, written in the caller's transaction. */
export class OrderEventOutbox implements EventOutbox {
  constructor(
    private readonly tx: SqlExecutor,
    private readonly writer: OutboxWriter,
    private readonly envelope?: EnvelopeFactory,
  ) {}

  async append(events: readonly OrderDomainEvent[]): Promise<void> {
    await this.writer.append(this.tx, toIntegrationEvents(events, this.envelope));
  }
}
