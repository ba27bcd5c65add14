import { type ShipmentDomainEvent } from '../../domain/shipment/shipment.events';

/**
 * Where a use case hands the domain events of the shipments it changed. The adapter maps them to the
 * published integration events (fulfillment.shipment.*) and writes them to the transactional outbox
 * in the unit of work's transaction, so they go out if and only if the change commits.
 */
export interface ShipmentEventOutbox {
  append(events: readonly ShipmentDomainEvent[]): Promise<void>;
}
