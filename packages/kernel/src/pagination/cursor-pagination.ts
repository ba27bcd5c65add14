// Cursor pagination for list use cases: the cursor is the last row's position, opaque to clients.
// A cursor that does not decode is answered with null: each context raises its own application error.

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 500;

/** A page of a list answer: `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** An opaque cursor: the position as JSON, base64url-encoded. */
export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/**
 * The position a cursor encodes, checked field by field: each of `keys` must be a string there.
 * Null when the cursor is not one `encodeCursor` could have written with those keys.
 */
export function decodeCursorPosition<K extends string>(cursor: string, keys: readonly K[]): Record<K, string> | null {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  let position: unknown;
  try {
    position = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof position !== 'object' || position === null) return null;
  const record = position as Record<string, unknown>;
  if (!keys.every((key) => typeof record[key] === 'string')) return null;
  return Object.fromEntries(keys.map((key) => [key, record[key] as string])) as Record<K, string>;
}

/** The page size asked for, within 1..MAX_PAGE_LIMIT (DEFAULT_PAGE_LIMIT when not given). */
export function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_LIMIT;
  if (!Number.isSafeInteger(limit) || limit < 1) return 1;
  return Math.min(limit, MAX_PAGE_LIMIT);
}

/**
 * Builds a page from rows fetched with `limit + 1`: when the extra row came back there is a next
 * page, whose cursor is the position of the last row kept.
 */
export function pageOf<Row, Item = Row>(
  rows: readonly Row[],
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
