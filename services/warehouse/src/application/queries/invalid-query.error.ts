/** One bad parameter of a query, named as the caller named it. */
export interface QueryViolation {
  field: string;
  message: string;
}

/** A query the warehouse cannot answer as asked; names every bad parameter. */
export class InvalidQueryError extends Error {
  override readonly name = 'InvalidQueryError';

  constructor(readonly violations: readonly QueryViolation[]) {
    super(violations.map((v) => `${v.field}: ${v.message}`).join('; '));
  }
}
