import { InvalidQueryError } from '../application.errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export function pageSize(limit: number | undefined): number {
  const size = limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new InvalidQueryError('limit', `must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  return size;
}

/** An opaque cursor: the page key's strings, as base64url JSON. */
export function encodeCursor(parts: readonly string[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): string[] {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(decoded) &&
      decoded.length === arity &&
      decoded.every((part) => typeof part === 'string' && part !== '')
    ) {
      return decoded as string[];
    }
  } catch {
    // fall through: not JSON
  }
  throw new InvalidQueryError('cursor', 'is not a cursor this service issued');
}
