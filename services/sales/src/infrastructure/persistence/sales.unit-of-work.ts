import { type EnvelopeFactory, type OutboxWriter } from '@mercado/messaging';
import { type DataSource, type EntityManager } from 'typeorm';
import { type SalesTransaction, type SalesUnitOfWork } from '../../application/ports/unit-of-work.port';
import { OrderEventOutbox } from '../messaging/order.event-outbox';
import { TypeormOrderRepository } from './order.repository';

function portsOf(manager: EntityManager, writer: OutboxWriter, envelope?: EnvelopeFactory): SalesTransaction {
  return { orders: new TypeormOrderRepository(manager), outbox: new OrderEventOutbox(manager, writer, envelope) };
}

/**
 * One typeorm transaction per `run`: the orders written and their outbox rows commit together.
 * `envelopes` gives each transaction its envelope factory (default: createEnvelope, fully checked).
 */
export class TypeormSalesUnitOfWork implements SalesUnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: OutboxWriter,
    private readonly envelopes?: () => EnvelopeFactory,
  ) {}

  run<T>(work: (tx: SalesTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(portsOf(manager, this.writer, this.envelopes?.())));
  }
}

/**
 * A unit of work inside a transaction someone else holds (a consumer's inbox transaction): `run`
 * neither begins nor commits; a failure rolls back the whole transaction at its owner.
 */
export class BoundSalesUnitOfWork implements SalesUnitOfWork {
  constructor(
    private readonly manager: EntityManager,
    private readonly writer: OutboxWriter,
  ) {}

  run<T>(work: (tx: SalesTransaction) => Promise<T>): Promise<T> {
    return work(portsOf(this.manager, this.writer));
  }
}
