import { CustomerNotFoundError } from '../../application.errors';
import { RecomputeSegmentsHandler } from '../../commands/recompute-segments/recompute-segments.handler';
import { RecordPaymentHandler } from '../../commands/record-payment/record-payment.handler';
import { RecordPurchaseHandler } from '../../commands/record-purchase/record-purchase.handler';
import { RegisterCustomerHandler } from '../../commands/register-customer/register-customer.handler';
import { FixedClock, InMemoryCustomerStore } from '../../testing/in-memory-customer.test-double';
import { NOW } from '../../testing/customer-fixtures.test-double';
import { GetCustomerHandler } from './get-customer.handler';

describe('GetCustomerHandler', () => {
  it('returns the customer with accounts, location, segment and scores', async () => {
    const store = new InMemoryCustomerStore();
    const clock = new FixedClock(NOW);
    await new RegisterCustomerHandler(store, clock).execute({
      customerUniqueId: 'p',
      customerId: 'a',
      zipPrefix: '01151',
      city: 'sao paulo',
      state: 'SP',
    });
    await new RecordPurchaseHandler(store).execute({
      orderId: 'o',
      customerId: 'a',
      purchasedAt: new Date('2018-06-12T12:51:55Z'),
      orderValueCents: 13783,
    });
    await new RecordPaymentHandler(store).execute({ orderId: 'o', sequential: 1, valueCents: 13783 });
    await new RecomputeSegmentsHandler(store, clock).execute({ scope: 'full' });
    const view = await new GetCustomerHandler(store.customers).execute({ customerUniqueId: 'p' });
    expect(view).toEqual({
      customerUniqueId: 'p',
      location: { zipPrefix: '01151', city: 'sao paulo', state: 'SP' },
      accounts: [{ customerId: 'a', location: { zipPrefix: '01151', city: 'sao paulo', state: 'SP' } }],
      registeredAt: '2018-10-01T09:00:00-03:00',
      // A base of one: every score is the middle one, R 3 × FM 2.
      segment: 'need-attention',
      rfm: {
        asOf: '2018-06-12',
        recencyDays: 0,
        frequency: 1,
        monetary: '137.83',
        monetaryCents: 13783,
        recencyScore: 3,
        frequencyScore: 1,
        monetaryScore: 3,
      },
      version: 2,
    });
  });

  it('answers CustomerNotFoundError for an unknown person', async () => {
    await expect(
      new GetCustomerHandler(new InMemoryCustomerStore().customers).execute({ customerUniqueId: 'x' }),
    ).rejects.toThrow(CustomerNotFoundError);
  });
});
