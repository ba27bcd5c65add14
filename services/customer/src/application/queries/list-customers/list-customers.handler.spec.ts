import { InvalidQueryError } from '../../application.errors';
import { ImportCustomersHandler } from '../../commands/import-customers/import-customers.handler';
import { RecomputeSegmentsHandler } from '../../commands/recompute-segments/recompute-segments.handler';
import { RecordPurchaseHandler } from '../../commands/record-purchase/record-purchase.handler';
import { FixedClock, InMemoryCustomerStore } from '../../testing/in-memory-customer.test-double';
import { NOW, REAL_CUSTOMERS, daysBefore } from '../../testing/customer-fixtures.test-double';
import { encodeCursor } from '../page-cursor';
import { ListCustomersHandler } from './list-customers.handler';

describe('ListCustomersHandler', () => {
  let handler: ListCustomersHandler;

  beforeAll(async () => {
    const store = new InMemoryCustomerStore();
    const clock = new FixedClock(NOW);
    await new ImportCustomersHandler(store, clock).execute({
      records: [
        ...REAL_CUSTOMERS,
        {
          ...REAL_CUSTOMERS[0]!,
          customer_id: 'rj-account',
          customer_unique_id: 'rj-person',
          customer_zip_code_prefix: '20040',
          customer_city: 'rio de janeiro',
          customer_state: 'RJ',
        },
      ],
    });
    await new RecordPurchaseHandler(store).execute({
      orderId: 'o',
      customerId: 'rj-account',
      purchasedAt: daysBefore(0),
      orderValueCents: 1,
    });
    await new RecomputeSegmentsHandler(store, clock).execute({ scope: 'full' });
    handler = new ListCustomersHandler(store.customers);
  });

  it('pages through all customers by id with opaque cursors', async () => {
    const first = await handler.execute({ limit: 4 });
    expect(first.items).toHaveLength(4);
    const second = await handler.execute({ limit: 4, cursor: first.nextCursor! });
    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map((item) => item.customerUniqueId);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(6);
  });

  it('filters by state and by segment', async () => {
    expect((await handler.execute({ state: 'RJ' })).items.map((item) => item.customerUniqueId)).toEqual([
      'rj-person',
    ]);
    expect((await handler.execute({ state: 'SP' })).items).toHaveLength(5);
    expect(
      (await handler.execute({ segment: 'need-attention' })).items.map((item) => item.customerUniqueId),
    ).toEqual(['rj-person']);
    expect((await handler.execute({ segment: 'champions' })).items).toEqual([]);
  });

  it.each([
    [{ limit: 0 }, 'limit'],
    [{ limit: 101 }, 'limit'],
    [{ segment: 'vip' }, 'segment'],
    [{ state: 'ZZ' }, 'state'],
    [{ cursor: 'garbage' }, 'cursor'],
    [{ cursor: encodeCursor(['a', 'b']) }, 'cursor'],
  ])('refuses %j naming %s', async (query, field) => {
    await expect(handler.execute(query)).rejects.toThrow(InvalidQueryError);
    await expect(handler.execute(query)).rejects.toMatchObject({ field });
  });
});
