/**
 * Base of every error the marketplace domain raises. `code` is stable and machine-readable (the HTTP
 * layer turns it into a problem type, the importer writes it into the rejects report); `field` names
 * the offending input field, using the Olist column name for imported records.
 */
export abstract class MarketplaceDomainError extends Error {
  abstract readonly code: string;
  readonly field: string | undefined;

  protected constructor(message: string, field?: string) {
    super(message);
    this.name = new.target.name;
    this.field = field;
  }
}

/** A required field is missing or blank. */
export class MissingFieldError extends MarketplaceDomainError {
  readonly code = 'missing-field';
  constructor(field: string) {
    super(`${field} is required`, field);
  }
}

/** A field holds a value of the wrong shape. */
export class InvalidFieldError extends MarketplaceDomainError {
  readonly code = 'invalid-field';
  constructor(
    field: string,
    readonly value: unknown,
    readonly reason: string,
  ) {
    super(`${field} ${reason} (got ${JSON.stringify(value)})`, field);
  }
}

/** A natural id: Olist's are 32 hex characters; the contract accepts a short opaque token. */
const ENTITY_ID = /^[0-9A-Za-z][0-9A-Za-z_-]{0,63}$/;

export function requireId(value: string | null | undefined, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new MissingFieldError(field);
  if (!ENTITY_ID.test(value))
    throw new InvalidFieldError(field, value, 'is not an id (letters, digits, _ or -)');
  return value;
}
