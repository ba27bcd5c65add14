import { type CustomerRepository } from './customer.repository.port';
import { type EventOutbox } from './event-outbox.port';
import { type PurchaseRepository } from './purchase.repository.port';
import { type ReviewRepository } from './review.repository.port';
import { type SegmentationSnapshotRepository } from './segmentation-snapshot.repository.port';

/** The ports bound to one transaction. */
export interface CustomerTransaction {
  customers: CustomerRepository;
  purchases: PurchaseRepository;
  reviews: ReviewRepository;
  snapshots: SegmentationSnapshotRepository;
  outbox: EventOutbox;
  /**
   * Waits until no other transaction that links accounts to purchases (a batch of sales events, a
   * registration scoring its person) is running, and keeps them out until this one ends: otherwise
   * an account registered while its purchase arrives is seen by neither, and never scored.
   */
  lockAccountLinks(): Promise<void>;
}

/** Runs `work` in one database transaction: everything it writes commits together, or nothing if it throws. */
export interface CustomerUnitOfWork {
  run<T>(work: (tx: CustomerTransaction) => Promise<T>): Promise<T>;
}
