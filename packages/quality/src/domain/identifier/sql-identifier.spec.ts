import { assertIdentifier, InvalidIdentifierError, isIdentifier, parseTableName, quoteIdentifier, quoteTable } from './sql-identifier';

describe('SQL identifiers', () => {
  it.each(['order_id', '_private', 'dim_date', 'a1', 'x'.repeat(63)])('accepts %s', (name) => {
    expect(isIdentifier(name)).toBe(true);
    expect(assertIdentifier(name)).toBe(name);
  });

  it.each([
    ['empty', ''],
    ['a leading digit', '1abc'],
    ['upper case', 'Order'],
    ['a quote', 'a"b'],
    ['a statement', 'x; DROP TABLE dw.fact_orders; --'],
    ['a space', 'order id'],
    ['a dot', 'dw.fact_orders'],
    ['64 characters', 'x'.repeat(64)],
    ['a non-string', 42],
  ])('rejects %s with a clear error naming the role', (_label, name) => {
    expect(isIdentifier(name)).toBe(false);
    expect(() => assertIdentifier(name, 'column')).toThrow(InvalidIdentifierError);
    expect(() => assertIdentifier(name, 'column')).toThrow(/invalid column/);
  });

  it('parses qualified and bare table names', () => {
    expect(parseTableName('dw.fact_orders')).toEqual({ schema: 'dw', table: 'fact_orders' });
    expect(parseTableName('fact_orders', 'dw')).toEqual({ schema: 'dw', table: 'fact_orders' });
    expect(() => parseTableName('fact_orders')).toThrow(/no default schema/);
    expect(() => parseTableName('a.b.c')).toThrow(InvalidIdentifierError);
    expect(() => parseTableName('dw.fact_orders"; --')).toThrow(/invalid table/);
    expect(() => parseTableName('Dw.x')).toThrow(/invalid schema/);
    expect(() => parseTableName(undefined)).toThrow(InvalidIdentifierError);
  });

  it('quotes only validated names', () => {
    expect(quoteIdentifier('order_id')).toBe('"order_id"');
    expect(quoteTable('dw.fact_orders')).toBe('"dw"."fact_orders"');
    expect(() => quoteIdentifier('a"b')).toThrow(InvalidIdentifierError);
    expect(() => quoteTable('fact_orders')).toThrow(InvalidIdentifierError);
  });
});
