import { InvalidMoneyError, Money, NegativeMoneyError } from './money.value-object';

describe('Money', () => {
  it.each([
    ['129.90', 12990],
    ['129.9', 12990],
    ['129', 12900],
    ['0.00', 0],
    ['0.01', 1],
    ['-3.50', -350],
    ['-0.00', 0],
    [' 58.90 ', 5890],
    ['13.29', 1329],
    ['99999999999.99', 9999999999999],
  ])('parses %j exactly as %d cents', (text, cents) => {
    expect(Money.parse(text).cents).toBe(cents);
  });

  it.each(['', 'abc', '1,50', '1.234', '1e3', '.5', '1.', '+1.00', '--1', '99999999999999999.00'])(
    'refuses %j with InvalidMoneyError naming the field',
    (text) => {
      const attempt = () => Money.parse(text, 'price');
      expect(attempt).toThrow(InvalidMoneyError);
      expect(attempt).toThrow(/price/);
    },
  );

  it('keeps amounts that floats would round (0.1 + 0.2, 129.90 × 3)', () => {
    expect(Money.parse('0.10').add(Money.parse('0.20')).format()).toBe('0.30');
    expect(Money.sum([Money.parse('129.90'), Money.parse('129.90'), Money.parse('129.90')]).format()).toBe(
      '389.70',
    );
  });

  it.each([
    [12990, '129.90'],
    [5, '0.05'],
    [0, '0.00'],
    [-350, '-3.50'],
    [-5, '-0.05'],
    [100, '1.00'],
  ])('formats %d cents as %j', (cents, text) => {
    expect(Money.ofCents(cents).format()).toBe(text);
    expect(Money.ofCents(cents).toString()).toBe(text);
    expect(JSON.stringify({ value: Money.ofCents(cents) })).toBe(`{"value":"${text}"}`);
  });

  it('round-trips every cent value through format and parse', () => {
    for (let cents = -1_000; cents <= 1_000; cents += 7) {
      expect(Money.parse(Money.ofCents(cents).format()).cents).toBe(cents);
    }
  });

  it('refuses non-integer cents', () => {
    expect(() => Money.ofCents(1.5)).toThrow(InvalidMoneyError);
    expect(() => Money.ofCents(Number.NaN)).toThrow(InvalidMoneyError);
  });

  it('adds, subtracts, compares and sums', () => {
    const a = Money.parse('10.00');
    const b = Money.parse('2.50');
    expect(a.add(b).cents).toBe(1250);
    expect(b.subtract(a).cents).toBe(-750);
    expect(b.subtract(a).isNegative()).toBe(true);
    expect(a.compareTo(b)).toBe(1);
    expect(b.compareTo(a)).toBe(-1);
    expect(a.compareTo(Money.ofCents(1000))).toBe(0);
    expect(a.equals(Money.ofCents(1000))).toBe(true);
    expect(Money.sum([]).isZero()).toBe(true);
    expect(Money.ZERO.isZero()).toBe(true);
  });

  it('refuses a negative amount where one is required non-negative', () => {
    expect(Money.parse('0.00').assertNonNegative('price').cents).toBe(0);
    const attempt = () => Money.parse('-0.01').assertNonNegative('freight_value');
    expect(attempt).toThrow(NegativeMoneyError);
    expect(attempt).toThrow('freight_value must not be negative (got -0.01)');
  });
});
