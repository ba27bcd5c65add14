/** Who made a request, as its verified bearer token says. Kept on `req.auth`. */
export interface AuthContext {
  subject: string;
  scopes: string[];
  /** The seller a seller-portal token is limited to (`seller_id` claim), for row-level security. */
  sellerId?: string;
  /** The Brazilian states (UF codes) a token is limited to (`states` claim). */
  states?: string[];
  /** Every verified claim, for what the fields above do not cover. */
  claims: Record<string, unknown>;
}

function stringList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.filter(Boolean);
  return undefined;
}

/** The scopes a token grants: the space-separated `scope` claim (RFC 8693) and/or a `scopes` array. */
export function scopesOf(claims: Record<string, unknown>): string[] {
  const scopes = new Set<string>([...(stringList(claims.scope) ?? []), ...(stringList(claims.scopes) ?? [])]);
  return [...scopes];
}

export function authContextFromClaims(claims: Record<string, unknown>): AuthContext {
  const context: AuthContext = {
    subject: typeof claims.sub === 'string' ? claims.sub : '',
    scopes: scopesOf(claims),
    claims,
  };
  if (typeof claims.seller_id === 'string' && claims.seller_id !== '') context.sellerId = claims.seller_id;
  const states = stringList(claims.states);
  if (states) context.states = states.map((state) => state.toUpperCase());
  return context;
}

/** The required scopes a token lacks (empty when it may proceed). */
export function missingScopes(required: readonly string[], granted: readonly string[]): string[] {
  const have = new Set(granted);
  return required.filter((scope) => !have.has(scope));
}

/** The token of an `Authorization: Bearer <token>` header, or why there is none. */
export function bearerToken(header: string | undefined): { token: string } | { problem: 'missing' | 'not-bearer' | 'empty' } {
  if (header === undefined || header.trim() === '') return { problem: 'missing' };
  const match = /^\s*(\S+)(?:\s+(.*))?$/.exec(header);
  if (!match || match[1]!.toLowerCase() !== 'bearer') return { problem: 'not-bearer' };
  const token = (match[2] ?? '').trim();
  return token === '' ? { problem: 'empty' } : { token };
}
