import { type EnvelopeFactory, type OutboxWriter } from '@mercado/messaging';
import { type DataSource, type EntityManager } from 'typeorm';
import { type CustomerTransaction, type CustomerUnitOfWork } from '../../application/ports/unit-of-work.port';
import { CustomerEventOutbox } from '../messaging/customer.event-outbox';
import { TypeormCustomerRepository } from './customer.repository';
import { TypeormPurchaseRepository } from './purchase.repository';
import { TypeormReviewRepository } from './review.repository';
import { TypeormSegmentationSnapshotRepository } from './segmentation-snapshot.repository';

/** The advisory lock key of the transactions that link accounts to purchases (any fixed bigint). */
const ACCOUNT_LINKS_LOCK = 5_020_001;

export function transactionPorts(manager: EntityManager, writer: OutboxWriter, envelope?: EnvelopeFactory): CustomerTransaction {
  return {
    customers: new TypeormCustomerRepository(manager),
    purchases: new TypeormPurchaseRepository(manager),
    reviews: new TypeormReviewRepository(manager),
    snapshots: new TypeormSegmentationSnapshotRepository(manager),
    outbox: new CustomerEventOutbox(manager, writer, envelope),
    lockAccountLinks: async () => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [ACCOUNT_LINKS_LOCK]);
    },
  };
}

/**
 * One typeorm transaction per `run`: everything written and the outbox rows commit together.
 * `envelopes` gives each transaction its envelope factory (default: createEnvelope, fully checked).
 */
export class TypeormCustomerUnitOfWork implements CustomerUnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: OutboxWriter,
    private readonly envelopes?: () => EnvelopeFactory,
  ) {}

  run<T>(work: (tx: CustomerTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(transactionPorts(manager, this.writer, this.envelopes?.())));
  }
}
