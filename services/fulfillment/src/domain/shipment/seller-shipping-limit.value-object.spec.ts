import { InvalidFieldError, MissingFieldError } from '../shared/fulfillment-domain-error';
import { sameShippingLimits, sellerShippingLimitsOf } from './seller-shipping-limit.value-object';

const at = (iso: string) => new Date(iso);

describe('sellerShippingLimitsOf', () => {
  it('gives one limit per seller, the latest of its lines, sorted by seller', () => {
    const limits = sellerShippingLimitsOf([
      { lineNumber: 1, sellerId: 'b', shippingLimitAt: at('2018-06-14T13:00:00Z') },
      { lineNumber: 2, sellerId: 'a', shippingLimitAt: at('2018-06-15T13:00:00Z') },
      { lineNumber: 3, sellerId: 'b', shippingLimitAt: at('2018-06-16T13:00:00Z') },
      { lineNumber: 4, sellerId: 'b', shippingLimitAt: at('2018-06-15T13:00:00Z') },
    ]);
    expect(limits).toEqual([
      { sellerId: 'a', shippingLimitAt: at('2018-06-15T13:00:00Z'), lineNumbers: [2] },
      { sellerId: 'b', shippingLimitAt: at('2018-06-16T13:00:00Z'), lineNumbers: [1, 3, 4] },
    ]);
  });

  it('is empty for an order without lines', () => {
    expect(sellerShippingLimitsOf([])).toEqual([]);
  });

  it('refuses repeated or bad line numbers, missing sellers and bad times', () => {
    const line = { lineNumber: 1, sellerId: 's', shippingLimitAt: at('2018-06-14T13:00:00Z') };
    expect(() => sellerShippingLimitsOf([line, line])).toThrow(InvalidFieldError);
    expect(() => sellerShippingLimitsOf([{ ...line, lineNumber: 0 }])).toThrow(InvalidFieldError);
    expect(() => sellerShippingLimitsOf([{ ...line, sellerId: ' ' }])).toThrow(MissingFieldError);
    expect(() => sellerShippingLimitsOf([{ ...line, shippingLimitAt: new Date('nope') }])).toThrow(
      InvalidFieldError,
    );
    expect(() => sellerShippingLimitsOf([{ ...line, shippingLimitAt: null as unknown as Date }])).toThrow(
      MissingFieldError,
    );
  });

  it('compares limit lists', () => {
    const a = sellerShippingLimitsOf([
      { lineNumber: 1, sellerId: 's', shippingLimitAt: at('2018-06-14T13:00:00Z') },
    ]);
    const b = sellerShippingLimitsOf([
      { lineNumber: 1, sellerId: 's', shippingLimitAt: at('2018-06-14T13:00:00Z') },
    ]);
    const c = sellerShippingLimitsOf([
      { lineNumber: 2, sellerId: 's', shippingLimitAt: at('2018-06-14T13:00:00Z') },
    ]);
    const d = sellerShippingLimitsOf([
      { lineNumber: 1, sellerId: 's', shippingLimitAt: at('2018-06-14T13:00:01Z') },
    ]);
    expect(sameShippingLimits(a, b)).toBe(true);
    expect(sameShippingLimits(a, c)).toBe(false);
    expect(sameShippingLimits(a, d)).toBe(false);
    expect(sameShippingLimits(a, [])).toBe(false);
  });
});
