import { databaseName, quoteIdentifier, redactUrl, withDatabaseName } from './database-url';
import { DatabaseUnavailableError, isConnectionError } from './errors';
import { encodeCopyField, encodeCopyRow } from './copy';

describe('database URLs', () => {
  it('reads and replaces the database name', () => {
    expect(databaseName('postgres://postgres@127.0.0.1:5432/sales')).toBe('sales');
    expect(withDatabaseName('postgres://u:p@h:5432/sales?sslmode=disable', 'postgres')).toBe(
      'postgres://u:p@h:5432/postgres?sslmode=disable',
    );
    expect(() => databaseName('postgres://u:secret@h:5432')).toThrow('DATABASE_URL has no database name: postgres://u:***@h:5432');
  });

  it('quotes identifiers', () => {
    expect(quoteIdentifier('t_"x')).toBe('"t_""x"');
  });

  it('masks passwords', () => {
    expect(redactUrl('postgres://u:secret@h/d')).toBe('postgres://u:***@h/d');
    expect(redactUrl('not a url')).toBe('<unparseable url>');
  });
});

describe('connection errors', () => {
  it('tells connection failures from query errors', () => {
    expect(isConnectionError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isConnectionError(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isConnectionError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isConnectionError(Object.assign(new Error('syntax error'), { code: '42601' }))).toBe(false);
    expect(isConnectionError('ECONNREFUSED')).toBe(false);
  });

  it('names the server and the fix', () => {
    const error = new DatabaseUnavailableError('postgres://u:pw@db:5432/sales', new Error('connect ECONNREFUSED'));
    expect(error.message).toContain('postgres://u:***@db:5432/sales does not answer (connect ECONNREFUSED)');
    expect(error.message).toContain('pg_ctlcluster');
  });
});

describe('COPY text encoding', () => {
  it('escapes separators and encodes nulls', () => {
    expect(encodeCopyField(null)).toBe('\\N');
    expect(encodeCopyField(undefined)).toBe('\\N');
    expect(encodeCopyField('a\tb\nc\\d\re')).toBe('a\\tb\\nc\\\\d\\re');
    expect(encodeCopyField('{"plain":"json"}')).toBe('{"plain":"json"}');
    expect(encodeCopyField('{"quoted":"a\\\\"b"}')).toBe('{"quoted":"a\\\\\\\\"b"}');
    expect(encodeCopyField(new Date('2017-10-02T13:56:33.000Z'))).toBe('2017-10-02T13:56:33.000Z');
    expect(encodeCopyRow(['x', 1, true, null])).toBe('x\t1\ttrue\t\\N\n');
  });
});
