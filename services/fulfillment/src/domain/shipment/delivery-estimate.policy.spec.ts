import { InvalidFieldError } from '../shared/fulfillment-domain-error';
import { olistLocalToInstant } from '../time/sao-paulo-time';
import {
  BRAZILIAN_STATES,
  DEFAULT_DELIVERY_BUSINESS_DAYS,
  DELIVERY_BUSINESS_DAYS,
  estimateDeliveryDate,
  type BrazilianState,
} from './delivery-estimate.policy';

describe('estimateDeliveryDate', () => {
  it('adds the state business days to the São Paulo date of the purchase', () => {
    // Monday 2017-10-02 + 10 business days (SP) = Monday 2017-10-16.
    expect(
      estimateDeliveryDate({
        purchasedAt: olistLocalToInstant('2017-10-02 10:56:33'),
        destinationState: 'SP',
      }).toString(),
    ).toBe('2017-10-16');
    // + 25 business days (AM) = 5 weeks later.
    expect(
      estimateDeliveryDate({
        purchasedAt: olistLocalToInstant('2017-10-02 10:56:33'),
        destinationState: 'AM',
      }).toString(),
    ).toBe('2017-11-06');
  });

  it('uses the default promise when the state is unknown', () => {
    const date = estimateDeliveryDate({
      purchasedAt: olistLocalToInstant('2017-10-02 10:56:33'),
      destinationState: null,
    });
    expect(DEFAULT_DELIVERY_BUSINESS_DAYS).toBe(20);
    expect(date.toString()).toBe('2017-10-30');
  });

  it('counts from the local date: a purchase at 23:30 São Paulo time counts from that day, not the UTC one', () => {
    // Friday 2017-10-06 23:30 -03:00 is Saturday in UTC; + 10 business days from Friday = Friday 2017-10-20.
    expect(
      estimateDeliveryDate({
        purchasedAt: olistLocalToInstant('2017-10-06 23:30:00'),
        destinationState: 'SP',
      }).toString(),
    ).toBe('2017-10-20');
  });

  it('has a promise for each of the 27 states', () => {
    expect(Object.keys(DELIVERY_BUSINESS_DAYS).sort()).toEqual([...BRAZILIAN_STATES].sort());
  });

  it('refuses an unknown state', () => {
    expect(() =>
      estimateDeliveryDate({ purchasedAt: new Date(), destinationState: 'XX' as BrazilianState }),
    ).toThrow(InvalidFieldError);
  });
});
