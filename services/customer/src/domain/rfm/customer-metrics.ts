import { type Purchase } from '../purchase/purchase.aggregate';
import { type CustomerMetrics } from './rfm-scoring.service';

/**
 * A person's RFM figures from the purchases of all their accounts. Counted purchases are the
 * placed ones neither canceled nor unavailable; frequency is their number, monetary the sum of
 * their payments, recency is measured from the latest of them. Null when none counts.
 * (The infrastructure computes the same in SQL; this is the reference definition.)
 */
export function computeMetrics(
  customerUniqueId: string,
  purchases: readonly Purchase[],
): CustomerMetrics | null {
  let frequency = 0;
  let monetaryCents = 0;
  let last: number | null = null;
  for (const purchase of purchases) {
    if (!purchase.counts) continue;
    frequency++;
    monetaryCents += purchase.paidCents;
    const time = purchase.placement!.purchasedAt.getTime();
    if (last === null || time > last) last = time;
  }
  return last === null
    ? null
    : { customerUniqueId, lastPurchaseAt: new Date(last), frequency, monetaryCents };
}
