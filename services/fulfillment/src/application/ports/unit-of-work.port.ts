import { type PendingOrderRepository } from './pending-order.repository.port';
import { type ShipmentEventOutbox } from './shipment-event.outbox.port';
import { type ShipmentRepository } from './shipment.repository.port';

/** What a command may touch inside one transaction. */
export interface FulfillmentTransaction {
  shipments: ShipmentRepository;
  pendingOrders: PendingOrderRepository;
  outbox: ShipmentEventOutbox;
}

/**
 * Runs `work` in one database transaction: commits when it resolves, rolls back when it throws (and
 * rethrows). Everything a command changes, its outbox rows included, commits together or not at all.
 */
export interface UnitOfWork {
  run<T>(work: (tx: FulfillmentTransaction) => Promise<T>): Promise<T>;
}
