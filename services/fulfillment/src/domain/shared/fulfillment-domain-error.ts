/**
 * Base of every error the fulfillment domain raises. `code` is stable and machine-readable (the HTTP
 * layer turns it into a problem type, the importer writes it into the rejects report); `field` names
 * the offending input field when there is one, using the Olist column name for imported records.
 */
export abstract class FulfillmentDomainError extends Error {
  abstract readonly code: string;
  readonly field: string | undefined;

  protected constructor(message: string, field?: string) {
    super(message);
    this.name = new.target.name;
    this.field = field;
  }
}

/** A required field is missing or blank. */
export class MissingFieldError extends FulfillmentDomainError {
  readonly code = 'missing-field';
  constructor(field: string) {
    super(`${field} is required`, field);
  }
}

/** A field holds a value of the wrong shape. */
export class InvalidFieldError extends FulfillmentDomainError {
  readonly code = 'invalid-field';
  constructor(
    field: string,
    readonly value: unknown,
    readonly reason: string,
  ) {
    super(`${field} ${reason} (got ${JSON.stringify(value)})`, field);
  }
}

export function requireText(value: string | null | undefined, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new MissingFieldError(field);
  return value;
}

export function requireInstant(value: Date | null | undefined, field: string): Date {
  if (value == null) throw new MissingFieldError(field);
  // Checked by tag rather than instanceof: a Date made in another realm (vm, worker) is still a Date.
  if (Object.prototype.toString.call(value) !== '[object Date]' || Number.isNaN(value.getTime())) {
    throw new InvalidFieldError(field, value, 'must be a valid instant');
  }
  return value;
}
