/**
 * Base of every error the customer domain raises. `code` is stable and machine-readable; `field`
 * names the offending input field (the Olist column name for imported records).
 */
export abstract class CustomerDomainError extends Error {
  abstract readonly code: string;
  readonly field: string | undefined;

  protected constructor(message: string, field?: string) {
    super(message);
    this.name = new.target.name;
    this.field = field;
  }
}

export class MissingFieldError extends CustomerDomainError {
  readonly code = 'missing-field';
  constructor(field: string) {
    super(`${field} is required`, field);
  }
}

export class InvalidFieldError extends CustomerDomainError {
  readonly code = 'invalid-field';
  constructor(
    field: string,
    readonly value: unknown,
    readonly reason: string,
  ) {
    super(`${field} ${reason} (got ${JSON.stringify(value)})`, field);
  }
}

export function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new MissingFieldError(field);
  return value.trim();
}

export function requireInstant(value: unknown, field: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new InvalidFieldError(field, value, 'must be a valid instant');
  }
  return value;
}

/** A whole number of cents ≥ 0. */
export function requireCents(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new InvalidFieldError(field, value, 'must be a non-negative whole number of cents');
  }
  return value;
}

/** Integer cents as decimal text: 12990 → "129.90". */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  return `${sign}${Math.trunc(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
}
