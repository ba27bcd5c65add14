import { InvalidFieldError, MissingFieldError } from '../shared/domain-error';
import { BRAZILIAN_STATES, Location } from './location.value-object';

describe('Location', () => {
  it('keeps the zip prefix as text with its leading zeros', () => {
    const location = new Location({ zipPrefix: '01151', city: 'sao paulo', state: 'SP' });
    expect(location.toProps()).toEqual({ zipPrefix: '01151', city: 'sao paulo', state: 'SP' });
  });

  it('normalizes a decomposed accent to the composed form, so both spellings are equal', () => {
    const decomposed = new Location({ zipPrefix: '01151', city: 'sa\u0303o paulo', state: 'SP' });
    const composed = new Location({ zipPrefix: '01151', city: 'são paulo', state: 'SP' });
    expect(decomposed.city).toBe('são paulo');
    expect(decomposed.equals(composed)).toBe(true);
  });

  it('accepts city names as Olist writes them and a lower-case state', () => {
    expect(new Location({ zipPrefix: '88500', city: ' lages - sc ', state: 'sc' }).toProps()).toEqual({
      zipPrefix: '88500',
      city: 'lages - sc',
      state: 'SC',
    });
  });

  it('knows the 27 federative units', () => {
    expect(BRAZILIAN_STATES).toHaveLength(27);
    for (const state of BRAZILIAN_STATES)
      expect(new Location({ zipPrefix: '70000', city: 'x', state }).state).toBe(state);
  });

  it('refuses a zip prefix that lost its leading zero, with a hint', () => {
    expect(() => new Location({ zipPrefix: '1151', city: 'sao paulo', state: 'SP' })).toThrow(
      'zipPrefix must be 5 digits; were leading zeros lost? (got "1151")',
    );
  });

  it.each([
    [{ zipPrefix: '011510', city: 'x', state: 'SP' }, InvalidFieldError, 'zipPrefix'],
    [{ zipPrefix: '0115a', city: 'x', state: 'SP' }, InvalidFieldError, 'zipPrefix'],
    [{ zipPrefix: 1151 as unknown as string, city: 'x', state: 'SP' }, InvalidFieldError, 'zipPrefix'],
    [{ zipPrefix: '', city: 'x', state: 'SP' }, MissingFieldError, 'zipPrefix'],
    [{ zipPrefix: '01151', city: '  ', state: 'SP' }, MissingFieldError, 'city'],
    [{ zipPrefix: '01151', city: 'x'.repeat(121), state: 'SP' }, InvalidFieldError, 'city'],
    [{ zipPrefix: '01151', city: 'x', state: 'XX' }, InvalidFieldError, 'state'],
    [{ zipPrefix: '01151', city: 'x', state: '' }, InvalidFieldError, 'state'],
  ])('refuses %j', (props, error, field) => {
    let caught: unknown;
    try {
      new Location(props);
    } catch (thrown) {
      caught = thrown;
    }
    expect(caught).toBeInstanceOf(error);
    expect(caught).toMatchObject({ field });
  });

  it('names the caller’s fields (Olist columns for imports)', () => {
    const fields = { zipPrefix: 'customer_zip_code_prefix', city: 'customer_city', state: 'customer_state' };
    expect(() => new Location({ zipPrefix: '123', city: 'x', state: 'SP' }, fields)).toThrow(
      /customer_zip_code_prefix/,
    );
  });
});
