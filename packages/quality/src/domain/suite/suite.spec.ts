import { expectations as e } from '../expectation/expectation.builders';
import { assertDistinctSuites, defineSuite, expectationsFor, InvalidSuiteError } from './suite';

describe('defineSuite', () => {
  it('validates and qualifies every expectation with the suite schema, and freezes the suite', () => {
    const suite = defineSuite({
      name: 'fact_orders',
      layer: 'fact',
      schema: 'dw',
      description: 'orders',
      expectations: [...e.key('fact_orders', ['order_id'], { cheap: true }), e.between('fact_orders', 'gmv', { minValue: 0 })],
    });
    expect(suite.expectations.map((x) => x.table)).toEqual(['dw.fact_orders', 'dw.fact_orders', 'dw.fact_orders']);
    expect(suite.description).toBe('orders');
    expect(Object.isFrozen(suite)).toBe(true);
    expect(Object.isFrozen(suite.expectations[0])).toBe(true);
  });

  it('lists every problem: bad name, layer, schema, duplicate ids, invalid expectations', () => {
    let error: unknown;
    try {
      defineSuite({
        name: 'bad name!',
        layer: 'gold' as never,
        schema: 'Dw',
        expectations: [e.notNull('t', 'a'), e.notNull('t', 'a'), e.notNull('t', 'b c')],
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidSuiteError);
    const message = (error as Error).message;
    expect(message).toMatch(/name must be/);
    expect(message).toMatch(/layer must be one of raw, staging, dimension, fact, mart/);
    expect(message).toMatch(/invalid schema "Dw"/);
    expect(message).toMatch(/"t.a:not_null" is used twice/);
    expect(message).toMatch(/invalid column "b c"/);
  });

  it('gives a batch trigger only the cheap subset and the others everything', () => {
    const suite = defineSuite({ name: 's', layer: 'mart', schema: 'dw', expectations: [e.notNull('t', 'a', { cheap: true }), e.unique('t', 'a')] });
    expect(expectationsFor(suite, 'batch').map((x) => x.id)).toEqual(['t.a:not_null']);
    expect(expectationsFor(suite, 'schedule')).toHaveLength(2);
    expect(expectationsFor(suite, 'on-demand')).toHaveLength(2);
  });

  it('refuses two suites of the same name', () => {
    const one = defineSuite({ name: 's', layer: 'raw', schema: 'dw', expectations: [] });
    expect(() => assertDistinctSuites([one, one])).toThrow(/another suite has the same name/);
    expect(() => assertDistinctSuites([one])).not.toThrow();
  });
});
