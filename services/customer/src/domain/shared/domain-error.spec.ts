import { InvalidFieldError, formatCents, requireCents } from './domain-error';

describe('formatCents', () => {
  it.each([
    [12990, '129.90'],
    [5, '0.05'],
    [0, '0.00'],
    [-350, '-3.50'],
  ])('formats %d as %s', (cents, text) => {
    expect(formatCents(cents)).toBe(text);
  });
});

describe('requireCents', () => {
  it('accepts whole non-negative cents and refuses anything else', () => {
    expect(requireCents(0, 'value')).toBe(0);
    expect(() => requireCents(-1, 'value')).toThrow(InvalidFieldError);
    expect(() => requireCents(1.5, 'value')).toThrow(InvalidFieldError);
    expect(() => requireCents('100', 'value')).toThrow(/value must be a non-negative whole number of cents/);
  });
});
