import { type Purchase, type PurchaseChange } from '../../../domain/purchase/purchase.aggregate';
import { Purchase as PurchaseAggregate } from '../../../domain/purchase/purchase.aggregate';
import { type CustomerUnitOfWork } from '../../ports/unit-of-work.port';
import { retryOnConcurrencyConflict } from './retry-on-concurrency-conflict';

/** What the purchase-history commands return. */
export interface PurchaseCommandResult {
  orderId: string;
  outcome: PurchaseChange;
  /**
   * The person whose RFM figures this may have moved (recompute their segment), or null while the
   * order's account is not known (placement not seen yet, or account not registered yet).
   */
  customerUniqueId: string | null;
}

/** Finds (or opens) the purchase of an order, applies `change` and saves it when it changed. */
export function changePurchase(
  uow: CustomerUnitOfWork,
  orderId: string,
  change: (purchase: Purchase) => PurchaseChange,
): Promise<PurchaseCommandResult> {
  return retryOnConcurrencyConflict(() =>
    uow.run(async ({ purchases, customers }) => {
      const purchase = (await purchases.findByOrderId(orderId)) ?? PurchaseAggregate.open(orderId);
      const expectedVersion = purchase.version;
      const outcome = change(purchase);
      if (outcome === 'changed') await purchases.save(purchase, expectedVersion);
      const account = purchase.customerId;
      const [owner] = account === null ? [] : await customers.findByAccountIds([account]);
      return { orderId: purchase.orderId, outcome, customerUniqueId: owner?.customerUniqueId ?? null };
    }),
  );
}
