import { Customer } from '../../domain/customer/customer.aggregate';
import { Purchase } from '../../domain/purchase/purchase.aggregate';
import { CustomerMapper } from './customer.mapper';
import { PurchaseMapper } from './purchase.mapper';

const AT = new Date('2018-01-18T02:00:00Z');

describe('CustomerMapper', () => {
  it('turns a customer with accounts and an assessment into rows and back', () => {
    const customer = Customer.register({
      customerUniqueId: '861eff4711a542e4b93843c6dd7febb0',
      customerId: '06b8999e2fba1a1fbc88172c00ba8bc7',
      location: { zipPrefix: '01409', city: 'franca', state: 'SP' },
      at: AT,
    });
    customer.registerAccount('a1b2c3d4e5f60718293a4b5c6d7e8f90', { zipPrefix: '01037', city: 'são paulo', state: 'SP' }, AT);
    customer.assess(
      { asOf: AT, recencyDays: 10, frequency: 2, monetaryCents: 12990, recencyScore: 5, frequencyScore: 2, monetaryScore: 4, segment: 'potential-loyalist' },
      AT,
    );
    const rows = CustomerMapper.toRows(customer, 4);
    expect(rows.customer).toMatchObject({ zipPrefix: '01037', segment: 'potential-loyalist', monetaryCents: 12990, version: 4 });
    expect(rows.accounts.map((a) => [a.customerId, a.position, a.zipPrefix])).toEqual([
      ['06b8999e2fba1a1fbc88172c00ba8bc7', 0, '01409'],
      ['a1b2c3d4e5f60718293a4b5c6d7e8f90', 1, '01037'],
    ]);
    const restored = CustomerMapper.toDomain({ ...rows, accounts: [...rows.accounts].reverse() });
    expect(restored.toSnapshot()).toEqual({ ...customer.toSnapshot(), version: 4 });
  });

  it('keeps a customer without assessment unscored', () => {
    const customer = Customer.register({ customerUniqueId: 'p', customerId: 'a', location: { zipPrefix: '99999', city: 'x', state: 'RS' }, at: AT });
    const rows = CustomerMapper.toRows(customer, 1);
    expect(rows.customer).toMatchObject({ rfmAsOf: null, segment: null, recencyScore: null });
    expect(CustomerMapper.toDomain(rows).rfm).toBeNull();
  });
});

describe('PurchaseMapper', () => {
  it('keeps a purchase known only by its payments, and a placed and closed one', () => {
    const early = Purchase.open('o-1');
    early.recordPayment(2, 500);
    early.recordPayment(1, 1000);
    const rows = PurchaseMapper.toRows(early.toSnapshot(), 1);
    expect(rows.purchase).toMatchObject({ customerId: null, purchasedAt: null, orderValueCents: null, closure: null });
    expect(PurchaseMapper.toSnapshot({ ...rows, payments: [...rows.payments].reverse() })).toEqual({ ...early.toSnapshot(), version: 1 });

    const placed = Purchase.open('o-2');
    placed.recordPlacement({ customerId: 'a', purchasedAt: AT, orderValueCents: 1500 });
    placed.recordClosure('unavailable', AT);
    const restored = PurchaseMapper.toDomain(PurchaseMapper.toRows(placed.toSnapshot(), 3));
    expect(restored.toSnapshot()).toEqual({ ...placed.toSnapshot(), version: 3 });
    expect(restored.counts).toBe(false);
  });
});
