import Joi from 'joi';
import { ValidationError } from './problem';

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 500;

/** A page of a list answer: `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The query parameters every list endpoint takes: `Joi.object({ ...paginationQuery, status: … })`. */
export const paginationQuery = {
  limit: Joi.number().integer().min(1).max(MAX_PAGE_LIMIT).default(DEFAULT_PAGE_LIMIT).description('Page size'),
  cursor: Joi.string()
    .max(2048)
    .pattern(/^[A-Za-z0-9_-]+$/)
    .description('Opaque cursor from the previous page’s nextCursor')
    .messages({ 'string.pattern.base': '{{#label}} must be a cursor returned as nextCursor' }),
};

export interface PaginationParams {
  limit: number;
  cursor?: string;
}

/** An opaque cursor: the position as JSON, base64url-encoded. */
export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/**
 * The position a cursor encodes. A cursor that does not decode is the client's error: a 400 naming
 * the `cursor` query parameter. Pass a joi schema to check the position's shape as well.
 */
export function decodeCursor<T = unknown>(cursor: string, shape?: Joi.Schema<T>): T {
  const invalid = () => new ValidationError([{ field: 'cursor', location: 'query', message: 'must be a cursor returned as nextCursor' }]);
  let position: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
    position = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (shape) {
    const { error, value } = shape.validate(position, { convert: false });
    if (error) throw invalid();
    return value as T;
  }
  return position as T;
}

/**
 * Builds a page from rows fetched with `LIMIT limit + 1`: when the extra row came back there is a next
 * page, whose cursor is the position of the last row kept.
 */
export function pageOf<Row, Item = Row>(
  rows: Row[],
  limit: number,
  positionOf: (row: Row) => unknown,
  toItem: (row: Row) => Item = (row) => row as unknown as Item,
): Page<Item> {
  const hasMore = rows.length > limit;
  const kept = hasMore ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return {
    items: kept.map(toItem),
    nextCursor: hasMore && last !== undefined ? encodeCursor(positionOf(last)) : null,
  };
}
