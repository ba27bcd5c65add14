import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from '@mercado/kernel';
import Joi from 'joi';
import { ValidationError } from './problem';

// Pages, cursors and limits are the shared kernel's; the HTTP edge adds the query schema and a
// decodeCursor whose failure is a 400 naming `cursor`.
export { DEFAULT_PAGE_LIMIT, encodeCursor, MAX_PAGE_LIMIT, pageOf, type Page } from '@mercado/kernel';

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
