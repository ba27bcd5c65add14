import { type Expectation, InvalidExpectationError, requiredRunParameter, validateExpectation } from './expectation';
import { defaultExpectationId, expectations as e } from './expectation.builders';

function problems(expectation: Expectation, schema: string | null = 'dw'): string {
  try {
    validateExpectation(expectation, schema ?? undefined);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidExpectationError);
    return (error as Error).message;
  }
  throw new Error('expected the expectation to be rejected');
}

describe('expectation builders', () => {
  it('default to an error of weight 1, not cheap, with a readable id', () => {
    const expectation = e.notNull('fact_orders', 'order_id');
    expect(expectation).toEqual({
      id: 'fact_orders.order_id:not_null',
      kind: 'expect_column_values_to_not_be_null',
      table: 'fact_orders',
      columns: ['order_id'],
      parameters: {},
      severity: 'error',
      weight: 1,
      cheap: false,
    });
    expect(defaultExpectationId('expect_table_row_count_to_be_between', 'dw.fact_orders', [])).toBe('fact_orders:row_count');
    expect(e.compoundUnique('fact_order_items', ['order_id', 'line_number']).id).toBe('fact_order_items.order_id+line_number:unique');
  });

  it('build a key check: each column not null and the key unique, with shared options', () => {
    const single = e.key('fact_orders', ['order_id'], { cheap: true });
    expect(single.map((x) => [x.kind, x.cheap])).toEqual([
      ['expect_column_values_to_not_be_null', true],
      ['expect_column_values_to_be_unique', true],
    ]);
    const compound = e.key('fact_order_items', ['order_id', 'line_number'], { id: 'ignored', severity: 'warning' });
    expect(compound.map((x) => x.kind)).toEqual(['expect_column_values_to_not_be_null', 'expect_column_values_to_not_be_null', 'expect_compound_columns_to_be_unique']);
    expect(new Set(compound.map((x) => x.id)).size).toBe(3);
    expect(compound.every((x) => x.severity === 'warning')).toBe(true);
  });

  it('carry each kind its parameters', () => {
    expect(e.rowCountEqual('fact_orders', { param: 'orders' }).parameters).toEqual({ param: 'orders' });
    expect(e.rowCountEqual('fact_orders', 5).parameters).toEqual({ value: 5 });
    expect(e.newestRecent('freshness', 'last_applied_at', 60).parameters).toEqual({ maxAgeSeconds: 60 });
    expect(e.newestRecent('freshness', 'last_applied_at', 60, ['topic']).parameters).toEqual({ maxAgeSeconds: 60, groupBy: ['topic'] });
    expect(e.sumsMatch('p', ['order_id'], ['value'], { table: 'i', keyColumns: ['order_id'], sumColumns: ['price', 'freight'] }, '0.01').parameters).toEqual({
      sumColumns: ['value'],
      otherTable: 'i',
      otherKeyColumns: ['order_id'],
      otherSumColumns: ['price', 'freight'],
      tolerance: '0.01',
    });
  });
});

describe('validateExpectation', () => {
  it('qualifies a bare table with the default schema and keeps a qualified one', () => {
    expect(validateExpectation(e.notNull('fact_orders', 'order_id'), 'dw').table).toBe('dw.fact_orders');
    expect(validateExpectation(e.notNull('dw_meta.freshness', 'topic'), 'dw').table).toBe('dw_meta.freshness');
  });

  it('qualifies the tables named in parameters too', () => {
    expect(validateExpectation(e.foreignKeys('f', ['k'], 'dim', ['k']), 'dw').parameters).toMatchObject({ referenceTable: 'dw.dim' });
    expect(validateExpectation(e.rowCountEqualOtherTable('f', 'other.g'), 'dw').parameters).toMatchObject({ otherTable: 'other.g' });
    expect(validateExpectation(e.sumsMatch('f', ['k'], ['v'], { table: 'g', keyColumns: ['k'], sumColumns: ['w'] }, '0'), 'dw').parameters).toMatchObject({ otherTable: 'dw.g' });
  });

  it('accepts a valid definition of every kind', () => {
    const all: Expectation[] = [
      e.notNull('t', 'a'),
      e.unique('t', 'a'),
      e.compoundUnique('t', ['a', 'b']),
      e.between('t', 'a', { minValue: '2016-01-01', maxValue: '2018-12-31', strictMin: true }),
      e.inSet('t', 'a', ['x', 1, true]),
      e.matchRegex('t', 'a', '^[0-9]{5}$'),
      e.lengthsBetween('t', 'a', { maxValue: 10 }),
      e.pairGreater('t', 'a', 'b', true),
      e.rowCountBetween('t', { minValue: 1 }),
      e.rowCountEqual('t', { param: 'orders' }),
      e.rowCountEqualOtherTable('t', 'other', { otherRowCondition: [{ column: 'x', op: 'is_not_null' }], tolerance: 2 }),
      e.foreignKeys('t', ['k'], 'dim', ['k'], { inferredColumn: 'is_inferred', maxInferredProportion: 0.1 }),
      e.sumsMatch('t', ['k'], ['v'], { table: 'o', keyColumns: ['k'], sumColumns: ['p', 'f'] }, '0.01'),
      e.newestRecent('t', 'at', 3600, ['topic']),
      e.meanBetween('t', 'score', { minValue: 3, maxValue: 5 }),
      e.valueProportionBetween('t', 'is_late', true, { maxValue: 0.2 }, { rowCondition: [{ column: 'is_delivered', op: 'eq', value: true }, { column: 's', op: 'in', value: ['a', 'b'] }] }),
    ];
    for (const expectation of all) expect(() => validateExpectation(expectation, 'dw')).not.toThrow();
  });

  it('rejects unsafe identifiers wherever a definition names one', () => {
    expect(problems(e.notNull('fact_orders; DROP TABLE x', 'a'))).toMatch(/invalid table/);
    expect(problems(e.notNull('t', 'a" OR 1=1 --'))).toMatch(/invalid column/);
    expect(problems(e.notNull('t', 'a', { rowCondition: [{ column: 'x = 1 OR y', op: 'eq', value: 1 }] }))).toMatch(/rowCondition column/);
    expect(problems(e.notNull('t', 'a', { sampleColumns: ['ok', '*'] }))).toMatch(/sampleColumns column/);
    expect(problems(e.foreignKeys('t', ['k'], 'dim; --', ['k']))).toMatch(/invalid table/);
    expect(problems(e.foreignKeys('t', ['k'], 'dim', ['k'], { inferredColumn: 'is inferred' }))).toMatch(/inferredColumn/);
    expect(problems(e.newestRecent('t', 'at', 60, ['to pic']))).toMatch(/groupBy column/);
    expect(problems(e.sumsMatch('t', ['k'], ['v)'], { table: 'o', keyColumns: ['k'], sumColumns: ['p'] }, '0'))).toMatch(/sumColumns column/);
    expect(problems(e.rowCountEqual('t', { param: 'bad name' }))).toMatch(/run parameter name/);
  });

  it('rejects a table without a schema when there is no default', () => {
    expect(problems(e.notNull('t', 'a'), null)).toMatch(/no default schema/);
    expect(problems(e.foreignKeys('dw.t', ['a'], 'd', ['a']), null)).toMatch(/invalid table \(no schema given and no default schema\) "d"/);
  });

  it('reports every problem at once', () => {
    const message = problems({ ...e.between('t', 'a', { minValue: 5, maxValue: 1 }), severity: 'fatal' as never, weight: 0, cheap: 'yes' as never });
    expect(message).toMatch(/minValue is greater than maxValue/);
    expect(message).toMatch(/severity must be error or warning/);
    expect(message).toMatch(/weight must be a positive number/);
    expect(message).toMatch(/cheap must be true or false/);
  });

  it.each<[string, Expectation, RegExp]>([
    ['an unknown kind', { ...e.notNull('t', 'a'), kind: 'expect_magic' as never }, /unknown kind "expect_magic"/],
    ['a bad id', e.notNull('t', 'a', { id: 'has spaces' }), /id must be/],
    ['too many columns', { ...e.notNull('t', 'a'), columns: ['a', 'b'] }, /takes 1 column/],
    ['too few compound columns', e.compoundUnique('t', ['a']), /takes 2 to 32 columns/],
    ['columns on a table-level kind', { ...e.rowCountBetween('t', { minValue: 1 }), columns: ['a'] }, /takes 0 columns/],
    ['no bounds', e.between('t', 'a', {}), /give minValue, maxValue or both/],
    ['a non-numeric length', e.lengthsBetween('t', 'a', { minValue: 'x' as never }), /minValue must be a finite number/],
    ['an empty string bound', e.between('t', 'a', { maxValue: '' }), /maxValue must be a finite number or a non-empty string/],
    ['an empty set', e.inSet('t', 'a', []), /valueSet must be a non-empty list/],
    ['an object in a set', e.inSet('t', 'a', [{} as never]), /valueSet/],
    ['an empty regex', e.matchRegex('t', 'a', ''), /regex must be a non-empty string/],
    ['a negative row count', e.rowCountEqual('t', -1), /non-negative integer/],
    ['a fractional tolerance', e.rowCountEqualOtherTable('t', 'o', { tolerance: 0.5 }), /tolerance must be a non-negative integer/],
    ['mismatched foreign key columns', e.foreignKeys('t', ['a', 'b'], 'd', ['a']), /one for one/],
    ['an inferred share above 1', e.foreignKeys('t', ['a'], 'd', ['a'], { maxInferredProportion: 2 }), /maxInferredProportion/],
    ['a float tolerance', e.sumsMatch('t', ['k'], ['v'], { table: 'o', keyColumns: ['k'], sumColumns: ['p'] }, 0.01 as never), /tolerance must be a non-negative decimal/],
    ['mismatched sum keys', e.sumsMatch('t', ['k'], ['v'], { table: 'o', keyColumns: ['k', 'j'], sumColumns: ['p'] }, '1'), /otherKeyColumns must match/],
    ['a zero age', e.newestRecent('t', 'at', 0), /maxAgeSeconds must be a positive number/],
    ['a proportion of an object', e.valueProportionBetween('t', 'a', {} as never, { maxValue: 1 }), /value must be/],
    ['mostly on a table-level kind', e.rowCountBetween('t', { minValue: 1 }, { mostly: 0.9 }), /mostly applies to row-level kinds only/],
    ['mostly above 1', e.notNull('t', 'a', { mostly: 1.5 }), /mostly must be in \(0, 1\]/],
    ['a condition without value', e.notNull('t', 'a', { rowCondition: [{ column: 'x', op: 'eq' }] }), /rowCondition eq needs a value/],
    ['a null test with a value', e.notNull('t', 'a', { rowCondition: [{ column: 'x', op: 'is_null', value: 1 }] }), /takes no value/],
    ['an empty in-list', e.notNull('t', 'a', { rowCondition: [{ column: 'x', op: 'in', value: [] }] }), /needs a non-empty list/],
    ['an unknown operator', e.notNull('t', 'a', { rowCondition: [{ column: 'x', op: 'like' as never, value: 'a' }] }), /unknown operator "like"/],
    ['a condition that is not a list', e.notNull('t', 'a', { rowCondition: {} as never }), /rowCondition must be a list/],
    ['missing parameters', { ...e.notNull('t', 'a'), parameters: null as never }, /parameters must be an object/],
  ])('rejects %s', (_label, expectation, message) => {
    expect(problems(expectation)).toMatch(message);
  });

  it('names the run parameter a row count needs', () => {
    expect(requiredRunParameter(e.rowCountEqual('t', { param: 'orders' }))).toBe('orders');
    expect(requiredRunParameter(e.rowCountEqual('t', 3))).toBeUndefined();
    expect(requiredRunParameter(e.notNull('t', 'a'))).toBeUndefined();
  });
});
