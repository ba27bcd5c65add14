import { PurchaseConflictError } from '../../../domain/purchase/purchase.aggregate';
import { ConcurrencyConflictError } from '../../application.errors';
import { FixedClock, InMemoryCustomerStore } from '../../testing/in-memory-customer.test-double';
import { NOW, REAL_CUSTOMERS } from '../../testing/customer-fixtures.test-double';
import { ImportCustomersHandler } from '../import-customers/import-customers.handler';
import { RecordPurchaseHandler } from '../record-purchase/record-purchase.handler';
import { RecordPaymentHandler } from './record-payment.handler';

describe('RecordPaymentHandler (from sales.payment.recorded)', () => {
  let store: InMemoryCustomerStore;
  let handler: RecordPaymentHandler;

  beforeEach(async () => {
    store = new InMemoryCustomerStore();
    await new ImportCustomersHandler(store, new FixedClock(NOW)).execute({ records: REAL_CUSTOMERS });
    handler = new RecordPaymentHandler(store);
  });

  it('accepts a payment before its order is known, and links it once the order is placed', async () => {
    expect(await handler.execute({ orderId: 'o1', sequential: 1, valueCents: 9266 })).toEqual({
      orderId: 'o1',
      outcome: 'changed',
      customerUniqueId: null,
    });
    await new RecordPurchaseHandler(store).execute({
      orderId: 'o1',
      customerId: REAL_CUSTOMERS[2]!.customer_id,
      purchasedAt: new Date('2018-06-12T12:51:55Z'),
      orderValueCents: 13783,
    });
    const second = await handler.execute({ orderId: 'o1', sequential: 2, valueCents: 4517 });
    expect(second.customerUniqueId).toBe(REAL_CUSTOMERS[2]!.customer_unique_id);
    expect((await store.purchases.findByOrderId('o1'))?.paidCents).toBe(13783);
  });

  it('is idempotent per sequential and refuses another value under it', async () => {
    await handler.execute({ orderId: 'o1', sequential: 1, valueCents: 100 });
    expect((await handler.execute({ orderId: 'o1', sequential: 1, valueCents: 100 })).outcome).toBe(
      'unchanged',
    );
    await expect(handler.execute({ orderId: 'o1', sequential: 1, valueCents: 101 })).rejects.toThrow(
      PurchaseConflictError,
    );
  });

  it('retries when the purchase changed concurrently', async () => {
    await handler.execute({ orderId: 'o1', sequential: 1, valueCents: 100 });
    let writes = 0;
    store.beforeWrite = (id) => {
      if (writes++ === 0) store.touch(id);
    };
    await handler.execute({ orderId: 'o1', sequential: 2, valueCents: 50 });
    expect(writes).toBe(2);
    expect((await store.purchases.findByOrderId('o1'))?.paidCents).toBe(150);
    store.beforeWrite = (id) => {
      throw new ConcurrencyConflictError(id, 0, 1);
    };
    await expect(handler.execute({ orderId: 'o1', sequential: 3, valueCents: 1 })).rejects.toThrow(
      ConcurrencyConflictError,
    );
  });
});
