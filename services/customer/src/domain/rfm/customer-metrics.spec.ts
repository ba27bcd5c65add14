import { Purchase } from '../purchase/purchase.aggregate';
import { computeMetrics } from './customer-metrics';

function purchase(orderId: string, purchasedAt: string, paid: number[], closed = false): Purchase {
  const result = Purchase.open(orderId);
  result.recordPlacement({ customerId: 'account', purchasedAt: new Date(purchasedAt), orderValueCents: 1 });
  paid.forEach((cents, index) => result.recordPayment(index + 1, cents));
  if (closed) result.recordClosure('canceled', new Date(purchasedAt));
  return result;
}

describe('computeMetrics', () => {
  it('counts non-canceled placed orders, sums their payments, and takes the latest purchase', () => {
    const unplaced = Purchase.open('paid-only');
    unplaced.recordPayment(1, 99_999);
    const metrics = computeMetrics('person', [
      purchase('a', '2018-01-01T00:00:00Z', [1000, 500]),
      purchase('b', '2018-03-01T00:00:00Z', [2000]),
      purchase('c', '2018-05-01T00:00:00Z', [7000], true),
      unplaced,
    ]);
    expect(metrics).toEqual({
      customerUniqueId: 'person',
      lastPurchaseAt: new Date('2018-03-01T00:00:00Z'),
      frequency: 2,
      monetaryCents: 3500,
    });
  });

  it('is null when nothing counts', () => {
    expect(computeMetrics('person', [])).toBeNull();
    expect(computeMetrics('person', [purchase('c', '2018-05-01T00:00:00Z', [7000], true)])).toBeNull();
  });
});
