import { decodeCursorPosition, DEFAULT_PAGE_LIMIT, encodeCursor, MAX_PAGE_LIMIT, pageLimit, pageOf } from './cursor-pagination';

describe('cursor pagination', () => {
  it('round-trips a position through an opaque base64url cursor', () => {
    const cursor = encodeCursor({ state: 'SP', sellerId: 'a1', extra: 'kept out' });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursorPosition(cursor, ['state', 'sellerId'])).toEqual({ state: 'SP', sellerId: 'a1' });
  });

  it.each([
    ['characters outside base64url', 'abc+/='],
    ['not JSON', Buffer.from('{nope', 'utf8').toString('base64url')],
    ['JSON that is not an object', encodeCursor([]).replace(/.*/, Buffer.from('42').toString('base64url'))],
    ['null', Buffer.from('null').toString('base64url')],
    ['a key missing', encodeCursor({ state: 'SP' })],
    ['a key not a string', encodeCursor({ state: 'SP', sellerId: 7 })],
  ])('answers null for a cursor with %s', (_what, cursor) => {
    expect(decodeCursorPosition(cursor, ['state', 'sellerId'])).toBeNull();
  });

  it('keeps the page size within 1..MAX_PAGE_LIMIT, DEFAULT_PAGE_LIMIT when not given', () => {
    expect(pageLimit(undefined)).toBe(DEFAULT_PAGE_LIMIT);
    expect(pageLimit(10)).toBe(10);
    expect(pageLimit(0)).toBe(1);
    expect(pageLimit(2.5)).toBe(1);
    expect(pageLimit(MAX_PAGE_LIMIT + 1)).toBe(MAX_PAGE_LIMIT);
  });

  it('gives a next cursor at the last kept row when the extra row came back, none on the last page', () => {
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const page = pageOf(rows, 2, (row) => ({ id: row.id }), (row) => row.id.toUpperCase());
    expect(page.items).toEqual(['A', 'B']);
    expect(decodeCursorPosition(page.nextCursor!, ['id'])).toEqual({ id: 'b' });
    expect(pageOf(rows, 3, (row) => row, (row) => row.id)).toEqual({ items: ['a', 'b', 'c'], nextCursor: null });
    expect(pageOf([], 3, (row) => row, (row) => row)).toEqual({ items: [], nextCursor: null });
  });
});
