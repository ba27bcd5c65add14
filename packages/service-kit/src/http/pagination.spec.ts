import Joi from 'joi';
import { decodeCursor, encodeCursor, pageOf, paginationQuery } from './pagination';
import { ValidationError } from './problem';

describe('pagination', () => {
  const query = Joi.object(paginationQuery);

  it('defaults the limit to 50 and bounds it to 1..500', () => {
    expect(query.validate({}).value).toEqual({ limit: 50 });
    expect(query.validate({ limit: '500' }).value).toEqual({ limit: 500 });
    expect(query.validate({ limit: '0' }).error?.message).toBe('"limit" must be greater than or equal to 1');
    expect(query.validate({ limit: '501' }).error?.message).toBe('"limit" must be less than or equal to 500');
    expect(query.validate({ limit: '2.5' }).error?.message).toBe('"limit" must be an integer');
  });

  it('accepts only base64url cursors', () => {
    expect(query.validate({ cursor: 'eyJpZCI6MX0' }).error).toBeUndefined();
    expect(query.validate({ cursor: 'a+b/c=' }).error?.message).toBe('"cursor" must be a cursor returned as nextCursor');
  });

  it('round-trips a position through an opaque base64url cursor', () => {
    const position = { purchasedAt: '2017-10-02T10:56:33-03:00', orderId: 'e481f51cbdc54678b7cc49136f2d6af7' };
    const cursor = encodeCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(position);
    expect(decodeCursor(cursor, Joi.object({ purchasedAt: Joi.string(), orderId: Joi.string() }))).toEqual(position);
  });

  it('rejects a cursor it did not make with a 400 naming the cursor parameter', () => {
    const expected = [{ field: 'cursor', location: 'query', message: 'must be a cursor returned as nextCursor' }];
    for (const bad of ['!!!', Buffer.from('not json').toString('base64url'), '']) {
      let error: unknown;
      try {
        decodeCursor(bad);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).errors).toEqual(expected);
    }
    expect(() => decodeCursor(encodeCursor({ id: 1 }), Joi.object({ id: Joi.string().required() }))).toThrow(ValidationError);
  });

  it('builds a page from limit + 1 rows', () => {
    const rows = [{ id: 1 }, { id: 2 }, { id: 3 }];
    const page = pageOf(rows, 2, (row) => ({ after: row.id }), (row) => `item-${row.id}`);
    expect(page.items).toEqual(['item-1', 'item-2']);
    expect(decodeCursor(page.nextCursor!)).toEqual({ after: 2 });
    expect(pageOf(rows.slice(0, 2), 2, (row) => row.id)).toEqual({ items: [{ id: 1 }, { id: 2 }], nextCursor: null });
    expect(pageOf([], 2, () => 0)).toEqual({ items: [], nextCursor: null });
  });
});
