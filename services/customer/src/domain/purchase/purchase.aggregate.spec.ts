import { InvalidFieldError, MissingFieldError } from '../shared/domain-error';
import { Purchase, PurchaseConflictError } from './purchase.aggregate';

const placement = {
  customerId: '45ba03e2c6bbb5dc48131ba32ec3ae5e',
  purchasedAt: new Date('2018-06-12T12:51:55Z'),
  orderValueCents: 13783,
};

describe('Purchase', () => {
  it('counts once placed and until closed', () => {
    const purchase = Purchase.open('00bdcdda88e6b02977fc6ce3d412c600');
    expect(purchase.counts).toBe(false);
    expect(purchase.customerId).toBeNull();
    expect(purchase.recordPlacement(placement)).toBe('changed');
    expect(purchase.counts).toBe(true);
    expect(purchase.customerId).toBe(placement.customerId);
    expect(purchase.recordClosure('canceled', new Date('2018-06-13T00:00:00Z'))).toBe('changed');
    expect(purchase.counts).toBe(false);
    expect(purchase.closure).toBe('canceled');
  });

  it('accepts payments before the placement (they travel on another topic)', () => {
    const purchase = Purchase.open('o');
    purchase.recordPayment(2, 4517);
    purchase.recordPayment(1, 9266);
    expect(purchase.paidCents).toBe(13783);
    expect(purchase.counts).toBe(false);
    purchase.recordPlacement(placement);
    expect(purchase.counts).toBe(true);
    expect(purchase.toSnapshot().payments.map((payment) => payment.sequential)).toEqual([1, 2]);
  });

  it('is idempotent for repeated facts and refuses different ones under the same key', () => {
    const purchase = Purchase.open('o');
    purchase.recordPlacement(placement);
    expect(purchase.recordPlacement({ ...placement })).toBe('unchanged');
    expect(() => purchase.recordPlacement({ ...placement, orderValueCents: 1 })).toThrow(
      PurchaseConflictError,
    );
    expect(() => purchase.recordPlacement({ ...placement, customerId: 'x' })).toThrow(PurchaseConflictError);
    expect(() => purchase.recordPlacement({ ...placement, purchasedAt: new Date(0) })).toThrow(
      PurchaseConflictError,
    );
    purchase.recordPayment(1, 100);
    expect(purchase.recordPayment(1, 100)).toBe('unchanged');
    expect(() => purchase.recordPayment(1, 101)).toThrow('order o already has a different payment 1');
    const at = new Date('2018-07-01T00:00:00Z');
    purchase.recordClosure('unavailable', at);
    expect(purchase.recordClosure('unavailable', new Date(at))).toBe('unchanged');
    expect(() => purchase.recordClosure('canceled', at)).toThrow(PurchaseConflictError);
  });

  it.each([
    () => Purchase.open(''),
    () => Purchase.open('o').recordPlacement({ ...placement, customerId: '' }),
    () => Purchase.open('o').recordPlacement({ ...placement, orderValueCents: -1 }),
    () => Purchase.open('o').recordPlacement({ ...placement, orderValueCents: 1.5 }),
    () => Purchase.open('o').recordPlacement({ ...placement, purchasedAt: new Date('x') }),
    () => Purchase.open('o').recordPayment(0, 1),
    () => Purchase.open('o').recordPayment(1, -1),
    () => Purchase.open('o').recordClosure('lost' as never, new Date()),
    () => Purchase.open('o').recordClosure('canceled', new Date('x')),
  ])('refuses invalid input (%#)', (attempt) => {
    expect(attempt).toThrow(
      expect.objectContaining({ code: expect.stringMatching(/missing-field|invalid-field/) }),
    );
    try {
      attempt();
    } catch (error) {
      expect(error instanceof InvalidFieldError || error instanceof MissingFieldError).toBe(true);
    }
  });

  it('restores what it snapshots without sharing state', () => {
    const purchase = Purchase.open('o');
    purchase.recordPlacement(placement);
    purchase.recordPayment(1, 100);
    const snapshot = purchase.toSnapshot();
    const restored = Purchase.restore({ ...snapshot, version: 2 });
    expect(restored.toSnapshot()).toEqual({ ...snapshot, version: 2 });
    expect(restored.version).toBe(2);
    restored.recordPayment(2, 5);
    expect(purchase.paidCents).toBe(100);
  });
});
