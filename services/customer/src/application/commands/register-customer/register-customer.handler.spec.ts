import { AccountOwnedByAnotherCustomerError } from '../../../domain/customer/customer.aggregate';
import { InvalidFieldError } from '../../../domain/shared/domain-error';
import { ConcurrencyConflictError } from '../../application.errors';
import { FixedClock, InMemoryCustomerStore } from '../../testing/in-memory-customer.test-double';
import { NOW, daysBefore } from '../../testing/customer-fixtures.test-double';
import { RecordPaymentHandler } from '../record-payment/record-payment.handler';
import { RecordPurchaseHandler } from '../record-purchase/record-purchase.handler';
import { RegisterCustomerHandler } from './register-customer.handler';

const franca = {
  customerUniqueId: '861eff4711a542e4b93843c6dd7febb0',
  customerId: '06b8999e2fba1a1fbc88172c00ba8bc7',
  zipPrefix: '14409',
  city: 'franca',
  state: 'SP',
};

describe('RegisterCustomerHandler', () => {
  let store: InMemoryCustomerStore;
  let handler: RegisterCustomerHandler;

  beforeEach(() => {
    store = new InMemoryCustomerStore();
    handler = new RegisterCustomerHandler(store, new FixedClock(NOW));
  });

  it('registers a new person with the account (CustomerRegistered)', async () => {
    const result = await handler.execute(franca);
    expect(result.outcome).toBe('changed');
    expect(result.customer).toMatchObject({
      customerUniqueId: franca.customerUniqueId,
      location: { zipPrefix: '14409', city: 'franca', state: 'SP' },
      accounts: [{ customerId: franca.customerId }],
      segment: null,
      rfm: null,
      version: 1,
      registeredAt: '2018-10-01T09:00:00-03:00',
    });
    expect(store.outboxEvents.map((event) => event.type)).toEqual(['CustomerRegistered']);
  });

  it('is idempotent for a known account', async () => {
    await handler.execute(franca);
    const again = await handler.execute(franca);
    expect(again.outcome).toBe('unchanged');
    expect(again.customer.version).toBe(1);
    expect(store.outboxEvents).toHaveLength(1);
  });

  it('adds a new account of a known person, and a move when the location differs', async () => {
    await handler.execute(franca);
    await handler.execute({ ...franca, customerId: 'second-account' });
    await handler.execute({ ...franca, customerId: 'third-account', zipPrefix: '01151', city: 'sao paulo' });
    expect(store.outboxEvents.map((event) => event.type)).toEqual([
      'CustomerRegistered',
      'AccountAdded',
      'AccountAdded',
      'CustomerRelocated',
    ]);
    const customer = await store.customers.findById(franca.customerUniqueId);
    expect(customer?.location.zipPrefix).toBe('01151');
    expect(customer?.version).toBe(3);
  });

  it('refuses an account that belongs to another person', async () => {
    await handler.execute(franca);
    await expect(handler.execute({ ...franca, customerUniqueId: 'someone-else' })).rejects.toThrow(
      AccountOwnedByAnotherCustomerError,
    );
  });

  it('refuses bad input before touching the store', async () => {
    await expect(handler.execute({ ...franca, zipPrefix: '4409' })).rejects.toThrow(InvalidFieldError);
    await expect(handler.execute({ ...franca, state: 'XX' })).rejects.toThrow(InvalidFieldError);
    expect(store.transactionsCommitted).toBe(0);
  });

  it('retries when another writer changed the person meanwhile', async () => {
    await handler.execute(franca);
    let writes = 0;
    store.beforeWrite = (id) => {
      if (writes++ === 0) store.touch(id);
    };
    const result = await handler.execute({ ...franca, customerId: 'second-account' });
    expect(result.outcome).toBe('changed');
    expect(writes).toBe(2);
  });

  it('gives up after three lost races', async () => {
    store.beforeWrite = (id) => {
      throw new ConcurrencyConflictError(id, 0, 1);
    };
    await expect(handler.execute(franca)).rejects.toThrow(ConcurrencyConflictError);
  });

  it('scores a person whose purchases arrived first: a full recomputation for the first, the snapshot after', async () => {
    const buy = async (orderId: string, customerId: string, days: number, cents: number) => {
      await new RecordPurchaseHandler(store).execute({ orderId, customerId, purchasedAt: daysBefore(days), orderValueCents: cents });
      await new RecordPaymentHandler(store).execute({ orderId, sequential: 1, valueCents: cents });
    };
    await buy('o1', franca.customerId, 5, 12000);
    await buy('o2', 'second-account', 40, 3000);
    await buy('o3', 'third-account', 1, 7000);

    const first = await handler.execute(franca);
    expect(first.customer).toMatchObject({ segment: expect.any(String), rfm: { frequency: 1, monetaryCents: 12000 }, version: 2 });
    expect(await store.snapshots.current()).toMatchObject({ customerCount: 1, asOf: daysBefore(5) });

    const second = await handler.execute({ ...franca, customerUniqueId: 'another-person', customerId: 'second-account' });
    expect(second.customer).toMatchObject({ rfm: { recencyDays: 35, monetaryCents: 3000 }, version: 1 });
    expect(store.outboxEvents.slice(-2).map((event) => event.type)).toEqual(['CustomerRegistered', 'SegmentChanged']);

    // A new account of a scored person brings its order into their figures.
    const more = await handler.execute({ ...franca, customerId: 'third-account' });
    expect(more.customer).toMatchObject({ rfm: { frequency: 2, monetaryCents: 19000, recencyDays: 0 }, version: 3 });
  });
});
