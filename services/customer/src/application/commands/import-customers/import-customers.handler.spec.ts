import { FixedClock, InMemoryCustomerStore } from '../../testing/in-memory-customer.test-double';
import { NOW, REAL_CUSTOMERS, daysBefore } from '../../testing/customer-fixtures.test-double';
import { RecomputeSegmentsHandler } from '../recompute-segments/recompute-segments.handler';
import { RecordPaymentHandler } from '../record-payment/record-payment.handler';
import { RecordPurchaseHandler } from '../record-purchase/record-purchase.handler';
import { ImportCustomersHandler } from './import-customers.handler';

/** The sales history of an account nobody holds yet: one order, paid. */
async function purchaseOf(store: InMemoryCustomerStore, account: string, days: number, cents: number) {
  const orderId = `order-of-${account}`;
  const placed = await new RecordPurchaseHandler(store).execute({
    orderId,
    customerId: account,
    purchasedAt: daysBefore(days),
    orderValueCents: cents,
  });
  expect(placed.customerUniqueId).toBeNull(); // nobody to re-score yet
  await new RecordPaymentHandler(store).execute({ orderId, sequential: 1, valueCents: cents });
}

describe('ImportCustomersHandler', () => {
  let store: InMemoryCustomerStore;
  let handler: ImportCustomersHandler;

  beforeEach(() => {
    store = new InMemoryCustomerStore();
    handler = new ImportCustomersHandler(store, new FixedClock(NOW));
  });

  it('registers the real customers in one transaction, zip prefixes with their leading zeros', async () => {
    const result = await handler.execute({ records: REAL_CUSTOMERS });
    expect(result.registered).toHaveLength(5);
    expect(result.rejected).toEqual([]);
    expect(store.transactionsCommitted).toBe(1);
    const customer = await store.customers.findById('290c77bc529b7ac935b93aa66c333dc3');
    expect(customer?.location.zipPrefix).toBe('09790');
  });

  it('rejects bad rows with index, customer_id, column and reason, and keeps the good ones', async () => {
    const [first, second, third, fourth] = REAL_CUSTOMERS;
    const result = await handler.execute({
      records: [
        first!,
        { ...second!, customer_zip_code_prefix: '9790' },
        { ...third!, customer_state: 'XX' },
        { ...fourth!, customer_unique_id: '' },
      ],
    });
    expect(result.registered).toEqual([first!.customer_unique_id]);
    expect(result.rejected).toEqual([
      {
        index: 1,
        id: second!.customer_id,
        code: 'invalid-field',
        field: 'customer_zip_code_prefix',
        reason: 'customer_zip_code_prefix must be 5 digits; were leading zeros lost? (got "9790")',
      },
      expect.objectContaining({ index: 2, field: 'customer_state' }),
      expect.objectContaining({ index: 3, code: 'missing-field', field: 'customer_unique_id' }),
    ]);
  });

  it('groups a repeat buyer’s accounts under the person; the later row is the current address', async () => {
    const person = REAL_CUSTOMERS[0]!.customer_unique_id;
    const result = await handler.execute({
      records: [
        REAL_CUSTOMERS[0]!,
        { ...REAL_CUSTOMERS[1]!, customer_unique_id: person },
        {
          ...REAL_CUSTOMERS[2]!,
          customer_unique_id: person,
          customer_zip_code_prefix: '14409',
          customer_city: 'franca',
        },
      ],
    });
    expect(result.registered).toEqual([person]);
    expect(result.updated).toEqual([]);
    const customer = await store.customers.findById(person);
    expect(customer?.accounts).toHaveLength(3);
    expect(customer?.location.toProps()).toEqual({ zipPrefix: '14409', city: 'franca', state: 'SP' });
    expect(store.outboxEvents.map((event) => event.type)).toEqual([
      'CustomerRegistered',
      'AccountAdded',
      'CustomerRelocated',
      'AccountAdded',
      'CustomerRelocated',
    ]);
  });

  it('is idempotent: the same file again changes nothing', async () => {
    await handler.execute({ records: REAL_CUSTOMERS });
    const events = store.outboxEvents.length;
    const again = await handler.execute({ records: REAL_CUSTOMERS });
    expect(again).toEqual({ registered: [], updated: [], unchanged: [0, 1, 2, 3, 4], rejected: [] });
    expect(store.outboxEvents).toHaveLength(events);
  });

  it('updates a known person with a new account in a later batch', async () => {
    await handler.execute({ records: REAL_CUSTOMERS });
    const result = await handler.execute({
      records: [
        {
          ...REAL_CUSTOMERS[1]!,
          customer_id: 'new-account',
          customer_unique_id: REAL_CUSTOMERS[0]!.customer_unique_id,
        },
      ],
    });
    expect(result.updated).toEqual([REAL_CUSTOMERS[0]!.customer_unique_id]);
    expect((await store.customers.findById(REAL_CUSTOMERS[0]!.customer_unique_id))?.version).toBe(2);
  });

  it('rejects an account claimed by two persons, in the store or in the batch', async () => {
    await handler.execute({ records: [REAL_CUSTOMERS[0]!] });
    const result = await handler.execute({
      records: [
        { ...REAL_CUSTOMERS[0]!, customer_unique_id: 'another-person' },
        REAL_CUSTOMERS[1]!,
        { ...REAL_CUSTOMERS[1]!, customer_unique_id: 'third-person' },
      ],
    });
    expect(result.rejected.map((rejection) => [rejection.index, rejection.code])).toEqual([
      [0, 'account-owned-by-another-customer'],
      [2, 'account-owned-by-another-customer'],
    ]);
    expect(result.registered).toEqual([REAL_CUSTOMERS[1]!.customer_unique_id]);
  });

  it('scores persons whose purchases arrived before them; the first ones ever get a full recomputation', async () => {
    for (const [index, record] of REAL_CUSTOMERS.entries()) {
      await purchaseOf(store, record.customer_id, 10 * index, 1000 * (index + 1));
    }
    expect(await store.snapshots.current()).toBeNull();
    await handler.execute({ records: REAL_CUSTOMERS.slice(0, 3) });

    const snapshot = await store.snapshots.current();
    expect(snapshot).toMatchObject({ asOf: daysBefore(0), customerCount: 3 });
    for (const record of REAL_CUSTOMERS.slice(0, 3)) {
      expect((await store.customers.findById(record.customer_unique_id))?.segment).not.toBeNull();
    }
    const scored = store.outboxEvents.filter((event) => event.type === 'SegmentChanged');
    expect(scored.map((event) => ('customerUniqueId' in event ? event.customerUniqueId : null)).sort()).toEqual(
      REAL_CUSTOMERS.slice(0, 3)
        .map((record) => record.customer_unique_id)
        .sort(),
    );
    expect(store.transactionsCommitted).toBe(REAL_CUSTOMERS.length * 2 + 1);

    // Later persons are scored against that snapshot, in their registration's transaction and write.
    const before = store.outboxEvents.length;
    const result = await handler.execute({ records: REAL_CUSTOMERS.slice(3) });
    expect(result.registered).toHaveLength(2);
    expect(await store.snapshots.current()).toEqual(snapshot);
    const fourth = (await store.customers.findById(REAL_CUSTOMERS[3]!.customer_unique_id))!;
    expect(fourth.version).toBe(1);
    expect(fourth.rfm).toMatchObject({ frequency: 1, monetaryCents: 4000, recencyDays: 30 });
    expect(store.accountLinkLocks).toBe(2);
    const owner = (event: (typeof store.outboxEvents)[number]) => ('customerUniqueId' in event ? event.customerUniqueId : null);
    expect(store.outboxEvents.slice(before).map((event) => [event.type, owner(event)])).toEqual([
      ['CustomerRegistered', REAL_CUSTOMERS[3]!.customer_unique_id],
      ['SegmentChanged', REAL_CUSTOMERS[3]!.customer_unique_id],
      ['CustomerRegistered', REAL_CUSTOMERS[4]!.customer_unique_id],
      ['SegmentChanged', REAL_CUSTOMERS[4]!.customer_unique_id],
    ]);

    // A full recomputation afterwards agrees with nothing more to say about those two.
    const full = await new RecomputeSegmentsHandler(store, new FixedClock(NOW)).execute({ scope: 'full' });
    expect(full.snapshot.customerCount).toBe(5);
  });

  it('leaves persons without purchases unscored and the snapshot untouched', async () => {
    await purchaseOf(store, 'an-account-nobody-imports', 3, 500);
    await handler.execute({ records: REAL_CUSTOMERS });
    expect(await store.snapshots.current()).toBeNull();
    expect(store.outboxEvents.some((event) => event.type === 'SegmentChanged')).toBe(false);
  });

  it('writes nothing for an empty batch', async () => {
    expect(await handler.execute({ records: [] })).toEqual({
      registered: [],
      updated: [],
      unchanged: [],
      rejected: [],
    });
    expect(store.outboxEvents).toEqual([]);
  });
});
