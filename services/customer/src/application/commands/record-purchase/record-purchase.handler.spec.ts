import { PurchaseConflictError } from '../../../domain/purchase/purchase.aggregate';
import { InvalidFieldError } from '../../../domain/shared/domain-error';
import { FixedClock, InMemoryCustomerStore } from '../../testing/in-memory-customer.test-double';
import { NOW, REAL_CUSTOMERS } from '../../testing/customer-fixtures.test-double';
import { ImportCustomersHandler } from '../import-customers/import-customers.handler';
import { RecordPurchaseHandler } from './record-purchase.handler';

const placed = {
  orderId: '00bdcdda88e6b02977fc6ce3d412c600',
  customerId: REAL_CUSTOMERS[0]!.customer_id,
  purchasedAt: new Date('2018-06-12T12:51:55Z'),
  orderValueCents: 13783,
};

describe('RecordPurchaseHandler (from sales.order.placed)', () => {
  let store: InMemoryCustomerStore;
  let handler: RecordPurchaseHandler;

  beforeEach(async () => {
    store = new InMemoryCustomerStore();
    await new ImportCustomersHandler(store, new FixedClock(NOW)).execute({ records: REAL_CUSTOMERS });
    handler = new RecordPurchaseHandler(store);
  });

  it('records the purchase and names the person to re-score', async () => {
    expect(await handler.execute(placed)).toEqual({
      orderId: placed.orderId,
      outcome: 'changed',
      customerUniqueId: REAL_CUSTOMERS[0]!.customer_unique_id,
    });
    const purchase = await store.purchases.findByOrderId(placed.orderId);
    expect(purchase?.placement).toEqual({
      customerId: placed.customerId,
      purchasedAt: placed.purchasedAt,
      orderValueCents: 13783,
    });
  });

  it('is idempotent, and refuses the same order with other facts', async () => {
    await handler.execute(placed);
    expect((await handler.execute({ ...placed })).outcome).toBe('unchanged');
    await expect(handler.execute({ ...placed, orderValueCents: 1 })).rejects.toThrow(PurchaseConflictError);
    expect((await store.purchases.findByOrderId(placed.orderId))?.version).toBe(1);
  });

  it('records a purchase of an account not registered yet, with no person to re-score', async () => {
    const result = await handler.execute({ ...placed, customerId: 'unknown-account' });
    expect(result).toMatchObject({ outcome: 'changed', customerUniqueId: null });
  });

  it('refuses invalid facts', async () => {
    await expect(handler.execute({ ...placed, orderValueCents: -5 })).rejects.toThrow(InvalidFieldError);
    await expect(handler.execute({ ...placed, purchasedAt: new Date('x') })).rejects.toThrow(
      InvalidFieldError,
    );
  });
});
