import { divideRounded, fromScaled, InvalidDecimalError, ratio, ratioNumber, toScaled } from './decimal';

describe('exact decimals', () => {
  it('scales and formats', () => {
    expect(toScaled('12.34', 2)).toBe(1234n);
    expect(toScaled('12.345', 2)).toBe(1235n);
    expect(toScaled('12.344', 2)).toBe(1234n);
    expect(toScaled('-0.005', 2)).toBe(-1n);
    expect(toScaled('7', 3)).toBe(7000n);
    expect(toScaled(118.9, 2)).toBe(11890n);
    expect(toScaled(5, 2)).toBe(500n);
    expect(fromScaled(1235n, 2)).toBe('12.35');
    expect(fromScaled(5n, 2)).toBe('0.05');
    expect(fromScaled(-5n, 2)).toBe('-0.05');
    expect(fromScaled(42n, 0)).toBe('42');
    expect(() => toScaled('1e5', 2)).toThrow(InvalidDecimalError);
    expect(() => toScaled(Number.NaN, 2)).toThrow(InvalidDecimalError);
  });

  it('divides rounding half away from zero, like PostgreSQL round(numeric)', () => {
    expect(divideRounded(5n, 2n)).toBe(3n);
    expect(divideRounded(-5n, 2n)).toBe(-3n);
    expect(divideRounded(7n, -2n)).toBe(-4n);
    expect(divideRounded(4n, 3n)).toBe(1n);
    expect(() => divideRounded(1n, 0n)).toThrow(RangeError);
  });

  it('computes ratios to a number of places, null over nothing', () => {
    expect(ratio(100n, 2, 3n, 2)).toBe('0.33');
    expect(ratio(200n, 2, 3n, 2)).toBe('0.67');
    expect(ratio(1n, 0, 3n, 4)).toBe('0.3333');
    expect(ratio(123456789n, 6, 1n, 4)).toBe('123.4568');
    expect(ratio(1n, 0, 0n, 4)).toBeNull();
    expect(ratioNumber(2n, 0, 3n, 4)).toBe(0.6667);
    expect(ratioNumber(2n, 0, 0n, 4)).toBeNull();
  });
});
