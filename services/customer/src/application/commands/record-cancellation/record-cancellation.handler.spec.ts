import { PurchaseConflictError } from '../../../domain/purchase/purchase.aggregate';
import { FixedClock, InMemoryCustomerStore } from '../../testing/in-memory-customer.test-double';
import { NOW, REAL_CUSTOMERS } from '../../testing/customer-fixtures.test-double';
import { ImportCustomersHandler } from '../import-customers/import-customers.handler';
import { RecordPurchaseHandler } from '../record-purchase/record-purchase.handler';
import { RecordCancellationHandler } from './record-cancellation.handler';

describe('RecordCancellationHandler (from sales.order.canceled / unavailable)', () => {
  it('stops the purchase counting, idempotently, and names the person', async () => {
    const store = new InMemoryCustomerStore();
    await new ImportCustomersHandler(store, new FixedClock(NOW)).execute({ records: REAL_CUSTOMERS });
    await new RecordPurchaseHandler(store).execute({
      orderId: '0966b61e30c4a07edbd7523f59b3f3e4',
      customerId: REAL_CUSTOMERS[3]!.customer_id,
      purchasedAt: new Date('2018-05-22T21:50:55Z'),
      orderValueCents: 27411,
    });
    const handler = new RecordCancellationHandler(store);
    const at = new Date('2018-05-22T22:17:15Z');
    const result = await handler.execute({
      orderId: '0966b61e30c4a07edbd7523f59b3f3e4',
      closure: 'canceled',
      at,
    });
    expect(result).toEqual({
      orderId: '0966b61e30c4a07edbd7523f59b3f3e4',
      outcome: 'changed',
      customerUniqueId: REAL_CUSTOMERS[3]!.customer_unique_id,
    });
    expect((await store.purchases.findByOrderId('0966b61e30c4a07edbd7523f59b3f3e4'))?.counts).toBe(false);
    expect(
      (await handler.execute({ orderId: '0966b61e30c4a07edbd7523f59b3f3e4', closure: 'canceled', at }))
        .outcome,
    ).toBe('unchanged');
    await expect(
      handler.execute({ orderId: '0966b61e30c4a07edbd7523f59b3f3e4', closure: 'unavailable', at }),
    ).rejects.toThrow(PurchaseConflictError);
  });
});
