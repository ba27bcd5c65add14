import { validateEnvelope, type EventEnvelope } from '@mercado/contracts';
import { Customer } from '../../domain/customer/customer.aggregate';
import { Review } from '../../domain/review/review.aggregate';
import { toIntegrationEvents } from './customer-integration-events.mapper';

const AT = new Date('2018-01-18T02:00:00Z');

function expectValid(envelopes: EventEnvelope[]): void {
  for (const envelope of envelopes) {
    const checked = validateEnvelope(JSON.parse(JSON.stringify(envelope)));
    expect(checked.ok ? 'valid' : checked.message).toBe('valid');
    expect(envelope.source).toBe('/mercado/customer');
  }
}

describe('toIntegrationEvents', () => {
  it('maps registration, a new account, a move and a segment change to valid v1 events', () => {
    const customer = Customer.register({
      customerUniqueId: '861eff4711a542e4b93843c6dd7febb0',
      customerId: '06b8999e2fba1a1fbc88172c00ba8bc7',
      location: { zipPrefix: '14409', city: 'franca', state: 'SP' },
      at: AT,
    });
    customer.registerAccount('a1b2c3d4e5f60718293a4b5c6d7e8f90', { zipPrefix: '01037', city: 'sao paulo', state: 'SP' }, AT);
    customer.assess(
      { asOf: new Date('2018-09-01T02:59:59Z'), recencyDays: 10, frequency: 2, monetaryCents: 12990, recencyScore: 5, frequencyScore: 2, monetaryScore: 4, segment: 'potential-loyalist' },
      AT,
    );
    const envelopes = toIntegrationEvents(customer.pullDomainEvents());
    expectValid(envelopes);
    expect(envelopes.map((e) => e.type)).toEqual(['customer.customer.registered', 'customer.account.added', 'customer.customer.relocated', 'customer.segment.changed']);
    expect(envelopes[0]!.time).toBe('2018-01-18T00:00:00-02:00');
    expect(envelopes[2]!.data).toEqual({
      customer_unique_id: '861eff4711a542e4b93843c6dd7febb0',
      location: { zip_prefix: '01037', city: 'sao paulo', state: 'SP' },
      previous_location: { zip_prefix: '14409', city: 'franca', state: 'SP' },
    });
    // The reference day is São Paulo's calendar day of asOf (still 31 August there).
    expect(envelopes[3]!.data).toMatchObject({ segment: 'potential-loyalist', previous_segment: null, monetary_cents: 12990, as_of: '2018-08-31' });
  });

  it('maps a review, omitting the title and answer it does not have', () => {
    const review = Review.submit({ reviewId: 'r1', orderId: 'o1', score: 5, title: '  ', message: 'Ótimo\r\n', createdAt: AT });
    const [envelope] = toIntegrationEvents(review.pullDomainEvents());
    expectValid([envelope!]);
    expect(envelope!.data).toEqual({ review_id: 'r1', order_id: 'o1', score: 5, message: 'Ótimo\r\n', created_at: '2018-01-18T00:00:00-02:00' });
    expect(envelope!.subject).toBe('o1');
  });
});
