import { createEnvelope } from '@mercado/contracts';
import { type EnvelopeFactory, type OutboxWriter } from '@mercado/messaging';
import { type Pool, type SqlExecutor, withTransaction } from '@mercado/postgres';
import { type FulfillmentTransaction, type UnitOfWork } from '../../application/ports/unit-of-work.port';
import { type EventCause, OutboxShipmentEvents } from '../messaging/outbox-shipment-events.adapter';
import { PgPendingOrderRepository } from './pg-pending-order.repository';
import { PgShipmentRepository } from './pg-shipment.repository';

function transactionOn(
  db: SqlExecutor,
  writer: OutboxWriter,
  cause?: EventCause,
  envelopes: EnvelopeFactory = createEnvelope,
): FulfillmentTransaction {
  return {
    shipments: new PgShipmentRepository(db),
    pendingOrders: new PgPendingOrderRepository(db),
    outbox: new OutboxShipmentEvents(db, writer, cause, envelopes),
  };
}

/**
 * Each run in its own transaction on a pooled connection: the state and its outbox rows commit
 * together. `envelopes` makes each run's envelope factory: createEnvelope (every event checked
 * against its contract) unless a bulk import passes the messaging package's trusted factory.
 */
export class PgUnitOfWork implements UnitOfWork {
  constructor(
    private readonly pool: Pool,
    private readonly writer: OutboxWriter,
    private readonly envelopes: () => EnvelopeFactory = () => createEnvelope,
  ) {}

  run<T>(work: (tx: FulfillmentTransaction) => Promise<T>): Promise<T> {
    return withTransaction(this.pool, (client) => work(transactionOn(client, this.writer, {}, this.envelopes())));
  }
}

/**
 * Runs inside a transaction someone else opened (the consumer's, which also records the inbox rows):
 * each run is a savepoint, so a command that fails is undone alone and the transaction goes on.
 */
export class SavepointUnitOfWork implements UnitOfWork {
  constructor(
    private readonly tx: SqlExecutor,
    private readonly writer: OutboxWriter,
    private readonly cause: EventCause = {},
  ) {}

  async run<T>(work: (tx: FulfillmentTransaction) => Promise<T>): Promise<T> {
    await this.tx.query('SAVEPOINT fulfillment_command');
    try {
      const result = await work(transactionOn(this.tx, this.writer, this.cause));
      await this.tx.query('RELEASE SAVEPOINT fulfillment_command');
      return result;
    } catch (error) {
      await this.tx.query('ROLLBACK TO SAVEPOINT fulfillment_command');
      throw error;
    }
  }
}
