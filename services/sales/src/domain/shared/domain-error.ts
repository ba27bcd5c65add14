/**
 * Base of every error the sales domain raises. `code` is stable and machine-readable (the HTTP layer
 * turns it into a problem type, the importer writes it into the rejects report); `field` names the
 * offending input field when there is one, using the Olist column name for imported records.
 */
export abstract class SalesDomainError extends Error {
  abstract readonly code: string;
  readonly field: string | undefined;

  protected constructor(message: string, field?: string) {
    super(message);
    this.name = new.target.name;
    this.field = field;
  }
}

/** A required text field is missing or blank. */
export class MissingFieldError extends SalesDomainError {
  readonly code = 'missing-field';
  constructor(field: string) {
    super(`${field} is required`, field);
  }
}

/** A field holds a value of the wrong shape (not a positive integer, not a known payment type, ...). */
export class InvalidFieldError extends SalesDomainError {
  readonly code = 'invalid-field';
  constructor(
    field: string,
    readonly value: unknown,
    readonly reason: string,
  ) {
    super(`${field} ${reason} (got ${JSON.stringify(value)})`, field);
  }
}
