import { createEnvelope, type EventEnvelope } from '@mercado/contracts';
import { type EnvelopeFactory, type OutboxWriter } from '@mercado/messaging';
import { type SqlExecutor } from '@mercado/postgres';
import { type ShipmentEventOutbox } from '../../application/ports/shipment-event.outbox.port';
import { type ShipmentDomainEvent } from '../../domain/shipment/shipment.events';
import { toIntegrationEvents } from './shipment-integration-events.mapper';

export const FULFILLMENT_SOURCE = '/mercado/fulfillment';

/** What caused a change, carried into the envelopes it publishes (the inbound event, for a consumer). */
export interface EventCause {
  causationid?: string;
  correlationid?: string;
}

/**
 * The ShipmentEventOutbox port on the transactional outbox: maps domain events to fulfillment.shipment.*
 * envelopes (checked against the contract) and writes them with the unit of work's executor, so they
 * commit with the change.
 */
export class OutboxShipmentEvents implements ShipmentEventOutbox {
  constructor(
    private readonly db: SqlExecutor,
    private readonly writer: OutboxWriter,
    private readonly cause: EventCause = {},
    private readonly envelopeOf: EnvelopeFactory = createEnvelope,
  ) {}

  async append(events: readonly ShipmentDomainEvent[]): Promise<void> {
    const envelopes: EventEnvelope[] = events.flatMap((event) =>
      toIntegrationEvents(event).map(({ definition, data, time }) =>
        this.envelopeOf(definition, data, { source: FULFILLMENT_SOURCE, time, ...this.cause }),
      ),
    );
    await this.writer.append(this.db, envelopes);
  }
}
