import { type Customer } from '../../../domain/customer/customer.aggregate';
import { assess } from '../../../domain/rfm/rfm-scoring.service';
import { type CustomerTransaction, type CustomerUnitOfWork } from '../../ports/unit-of-work.port';

/**
 * What scoring the holders of new accounts found: `scored` (assessed against the current
 * snapshot, or nobody had history), or `no-snapshot` (some had history but nothing was ever
 * scored: the caller runs a full recomputation once the accounts are written).
 */
export type HolderScoring = 'scored' | 'no-snapshot';

/**
 * Scores persons whose accounts may have arrived after their purchase history: the sales events
 * of an account nobody holds yet touch nobody, so registering (or importing) the account is what
 * must score its person. Runs inside the caller's transaction on the in-memory aggregates before
 * they are saved (one write per person, SegmentChanged among their registration events); their
 * figures come from the accounts they hold, stored or new, in one query.
 */
export async function scoreAccountHolders(
  tx: CustomerTransaction,
  holders: readonly Customer[],
  at: Date,
): Promise<HolderScoring> {
  if (holders.length === 0) return 'scored';
  await tx.lockAccountLinks();
  const metrics = await tx.purchases.metricsOfHolders(
    holders.map((customer) => ({
      customerUniqueId: customer.customerUniqueId,
      customerIds: customer.accounts.map((account) => account.customerId),
    })),
  );
  if (metrics.length === 0) return 'scored';
  const snapshot = await tx.snapshots.current();
  if (!snapshot) return 'no-snapshot';
  const byId = new Map(holders.map((customer) => [customer.customerUniqueId, customer]));
  for (const figures of metrics) {
    byId.get(figures.customerUniqueId)?.assess(assess(figures, snapshot.boundaries, snapshot.asOf), at);
  }
  return 'scored';
}

/** A unit of work that runs in a transaction already open (neither begins nor commits). */
export function joinedUnitOfWork(tx: CustomerTransaction): CustomerUnitOfWork {
  return { run: (work) => work(tx) };
}
