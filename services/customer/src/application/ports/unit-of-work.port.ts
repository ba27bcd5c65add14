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
}

/** Runs `work` in one database transaction: everything it writes commits together, or nothing if it throws. */
export interface CustomerUnitOfWork {
  run<T>(work: (tx: CustomerTransaction) => Promise<T>): Promise<T>;
}
