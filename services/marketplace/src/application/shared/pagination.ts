// Cursor pagination from the shared kernel; a cursor that does not decode is this context's InvalidCursorError.
import { decodeCursorPosition } from '@mercado/kernel';
import { InvalidCursorError } from './application.errors';

export { DEFAULT_PAGE_LIMIT, encodeCursor, MAX_PAGE_LIMIT, pageLimit, pageOf, type Page } from '@mercado/kernel';

export function decodeCursor<K extends string>(cursor: string, keys: readonly K[]): Record<K, string> {
  const position = decodeCursorPosition(cursor, keys);
  if (position === null) throw new InvalidCursorError(cursor);
  return position;
}
