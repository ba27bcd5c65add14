import { type RfmAssessment } from '../rfm/rfm-scoring.service';
import { InvalidFieldError, MissingFieldError } from '../shared/domain-error';
import { Customer } from './customer.aggregate';

// Real rows of olist_customers_dataset.head.csv.
const FRANCA = { zipPrefix: '14409', city: 'franca', state: 'SP' };
const SAO_BERNARDO = { zipPrefix: '09790', city: 'sao bernardo do campo', state: 'SP' };
const AT = new Date('2018-09-01T03:00:00Z');
const LATER = new Date('2018-09-02T03:00:00Z');

function registered(): Customer {
  const customer = Customer.register({
    customerUniqueId: '861eff4711a542e4b93843c6dd7febb0',
    customerId: '06b8999e2fba1a1fbc88172c00ba8bc7',
    location: FRANCA,
    at: AT,
  });
  customer.pullDomainEvents();
  return customer;
}

function assessment(overrides: Partial<RfmAssessment> = {}): RfmAssessment {
  return {
    asOf: AT,
    recencyDays: 10,
    frequency: 1,
    monetaryCents: 8990,
    recencyScore: 5,
    frequencyScore: 1,
    monetaryScore: 1,
    segment: 'new',
    ...overrides,
  };
}

describe('Customer', () => {
  it('registers a person with their first account and location', () => {
    const customer = Customer.register({
      customerUniqueId: '861eff4711a542e4b93843c6dd7febb0',
      customerId: '06b8999e2fba1a1fbc88172c00ba8bc7',
      location: FRANCA,
      at: AT,
    });
    expect(customer.accounts.map((account) => account.customerId)).toEqual([
      '06b8999e2fba1a1fbc88172c00ba8bc7',
    ]);
    expect(customer.location.toProps()).toEqual(FRANCA);
    expect(customer.segment).toBeNull();
    expect(customer.registeredAt).toEqual(AT);
    expect(customer.version).toBe(0);
    expect(customer.pullDomainEvents()).toEqual([
      expect.objectContaining({
        type: 'CustomerRegistered',
        customerUniqueId: '861eff4711a542e4b93843c6dd7febb0',
        accounts: ['06b8999e2fba1a1fbc88172c00ba8bc7'],
        occurredAt: AT,
      }),
    ]);
  });

  it.each([
    [{ customerUniqueId: '' }, MissingFieldError],
    [{ customerId: ' ' }, MissingFieldError],
    [{ location: { ...FRANCA, zipPrefix: '4409' } }, InvalidFieldError],
    [{ at: new Date('x') }, InvalidFieldError],
  ])('refuses to register %j', (override, error) => {
    expect(() =>
      Customer.register({ customerUniqueId: 'p', customerId: 'a', location: FRANCA, at: AT, ...override }),
    ).toThrow(error);
  });

  it('is idempotent when a known account registers again with its location', () => {
    const customer = registered();
    expect(customer.registerAccount('06b8999e2fba1a1fbc88172c00ba8bc7', FRANCA, LATER)).toBe('unchanged');
    expect(customer.pullDomainEvents()).toEqual([]);
  });

  it('adds a new account of a known person (AccountAdded), same place: no move', () => {
    const customer = registered();
    expect(customer.registerAccount('new-account', FRANCA, LATER)).toBe('changed');
    expect(customer.hasAccount('new-account')).toBe(true);
    expect(customer.pullDomainEvents().map((event) => event.type)).toEqual(['AccountAdded']);
  });

  it('adds a new account elsewhere as an account and a move (AccountAdded, CustomerRelocated)', () => {
    const customer = registered();
    customer.registerAccount('new-account', SAO_BERNARDO, LATER);
    const events = customer.pullDomainEvents();
    expect(events.map((event) => event.type)).toEqual(['AccountAdded', 'CustomerRelocated']);
    expect(events[1]).toMatchObject({
      location: expect.objectContaining(SAO_BERNARDO),
      previousLocation: expect.objectContaining(FRANCA),
    });
    expect(customer.location.toProps()).toEqual(SAO_BERNARDO);
    expect(customer.accounts.map((account) => account.location.zipPrefix)).toEqual(['14409', '09790']);
    // Re-importing the older account later repeats a known fact: no move back.
    expect(customer.registerAccount('06b8999e2fba1a1fbc88172c00ba8bc7', FRANCA, LATER)).toBe('unchanged');
  });

  it('treats a known account given a new location as a move', () => {
    const customer = registered();
    expect(customer.registerAccount('06b8999e2fba1a1fbc88172c00ba8bc7', SAO_BERNARDO, LATER)).toBe('changed');
    expect(customer.pullDomainEvents().map((event) => event.type)).toEqual(['CustomerRelocated']);
    expect(customer.accounts[0]!.location.toProps()).toEqual(SAO_BERNARDO);
  });

  it('relocates explicitly, and not to where it already is', () => {
    const customer = registered();
    expect(customer.relocate(FRANCA, LATER)).toBe('unchanged');
    expect(customer.relocate(SAO_BERNARDO, LATER)).toBe('changed');
    expect(customer.pullDomainEvents()).toHaveLength(1);
  });

  it('records SegmentChanged only when the segment changes', () => {
    const customer = registered();
    expect(customer.assess(assessment(), AT)).toBe('changed');
    expect(customer.pullDomainEvents()).toEqual([
      expect.objectContaining({ type: 'SegmentChanged', segment: 'new', previousSegment: null }),
    ]);
    expect(customer.assess(assessment(), AT)).toBe('unchanged');
    expect(customer.assess(assessment({ recencyDays: 11 }), LATER)).toBe('changed');
    expect(customer.pullDomainEvents()).toEqual([]);
    expect(customer.rfm?.recencyDays).toBe(11);
    customer.assess(assessment({ recencyScore: 4, segment: 'promising' }), LATER);
    expect(customer.pullDomainEvents()).toEqual([
      expect.objectContaining({ segment: 'promising', previousSegment: 'new', occurredAt: LATER }),
    ]);
  });

  it('clears the assessment silently when no purchase counts any more', () => {
    const customer = registered();
    customer.assess(assessment(), AT);
    customer.pullDomainEvents();
    expect(customer.assess(null, LATER)).toBe('changed');
    expect(customer.segment).toBeNull();
    expect(customer.pullDomainEvents()).toEqual([]);
    expect(customer.assess(null, LATER)).toBe('unchanged');
  });

  it('refuses an unknown segment and an invalid time', () => {
    expect(() => registered().assess(assessment({ segment: 'vip' as never }), AT)).toThrow(TypeError);
    expect(() => registered().assess(assessment(), new Date('x'))).toThrow(InvalidFieldError);
  });

  it('restores what it snapshots, without events and without sharing state', () => {
    const customer = registered();
    customer.registerAccount('new-account', SAO_BERNARDO, LATER);
    customer.assess(assessment(), AT);
    const snapshot = customer.toSnapshot();
    const restored = Customer.restore({ ...snapshot, version: 4 });
    expect(restored.toSnapshot()).toEqual({ ...snapshot, version: 4 });
    expect(restored.pullDomainEvents()).toEqual([]);
    restored.registerAccount('third', FRANCA, LATER);
    expect(customer.hasAccount('third')).toBe(false);
  });
});
