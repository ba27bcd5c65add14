import { classifyFailure, describeError } from './failure-classification';
import { isPermanentError, PermanentError } from './permanent-error';

function sqlError(code: string): Error {
  return Object.assign(new Error(`sql ${code}`), { code });
}

describe('classifyFailure', () => {
  it('treats a PermanentError as permanent, also one from another copy of the package', () => {
    expect(classifyFailure(new PermanentError('order does not exist'))).toBe('permanent');
    const foreign = new Error('rejected');
    foreign.name = 'PermanentError';
    expect(classifyFailure(foreign)).toBe('permanent');
  });

  it('treats PostgreSQL data exceptions and constraint violations as permanent', () => {
    expect(classifyFailure(sqlError('22003'))).toBe('permanent'); // numeric value out of range
    expect(classifyFailure(sqlError('23505'))).toBe('permanent'); // unique violation
    expect(classifyFailure(sqlError('23503'))).toBe('permanent'); // foreign key violation
  });

  it('retries everything else: connection loss, shutdown, deadlock, missing table, bugs', () => {
    for (const error of [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      sqlError('57P01'), // admin_shutdown (pg_terminate_backend)
      sqlError('08006'),
      sqlError('40P01'), // deadlock
      sqlError('3D000'), // database does not exist
      sqlError('42P01'), // undefined table
      new Error('Connection terminated unexpectedly'),
      new TypeError('x is undefined'),
      'a string',
      undefined,
    ]) {
      expect(classifyFailure(error)).toBe('transient');
    }
  });
});

describe('PermanentError', () => {
  it('carries the ids of the events at fault, frozen, and its cause', () => {
    const cause = new Error('root');
    const ids = ['a', 'b'];
    const error = new PermanentError('bad', { eventIds: ids, cause });
    ids.push('c');
    expect(error.eventIds).toEqual(['a', 'b']);
    expect(Object.isFrozen(error.eventIds)).toBe(true);
    expect(error.cause).toBe(cause);
    expect(error.name).toBe('PermanentError');
    expect(new PermanentError('no ids').eventIds).toBeUndefined();
    expect(isPermanentError(new Error('x'))).toBe(false);
    expect(isPermanentError('PermanentError')).toBe(false);
  });
});

describe('describeError', () => {
  it('names the error class, its code and message', () => {
    expect(describeError(sqlError('57P01'))).toBe('Error [57P01]: sql 57P01');
    expect(describeError(new RangeError('out'))).toBe('RangeError: out');
    expect(describeError(42)).toBe('42');
  });
});
