/** Base of the errors the customer use cases raise on their own (the domain's are CustomerDomainError). */
export abstract class CustomerApplicationError extends Error {
  abstract readonly code: string;
  protected constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class CustomerNotFoundError extends CustomerApplicationError {
  readonly code = 'customer-not-found';
  constructor(readonly customerUniqueId: string) {
    super(`customer ${customerUniqueId} does not exist`);
  }
}

/** Thrown by repositories: the stored version is not the one the change was based on. */
export class ConcurrencyConflictError extends CustomerApplicationError {
  readonly code = 'concurrency-conflict';
  constructor(
    readonly aggregateId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number | null,
  ) {
    super(
      `${aggregateId} was changed concurrently: expected version ${expectedVersion}, found ${actualVersion ?? 'none'}`,
    );
  }
}

/** A query parameter out of range or a cursor this service did not issue. */
export class InvalidQueryError extends CustomerApplicationError {
  readonly code = 'invalid-query';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field} ${reason}`);
  }
}
