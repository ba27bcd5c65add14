/** Base of the errors the sales use cases raise on their own (the domain's are SalesDomainError). */
export abstract class SalesApplicationError extends Error {
  abstract readonly code: string;
  protected constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class OrderNotFoundError extends SalesApplicationError {
  readonly code = 'order-not-found';
  constructor(readonly orderId: string) {
    super(`order ${orderId} does not exist`);
  }
}

/** The order id exists with different content: the command is not a repeat of the one that made it. */
export class OrderConflictError extends SalesApplicationError {
  readonly code = 'order-conflict';
  constructor(readonly orderId: string) {
    super(`order ${orderId} already exists with different content`);
  }
}

/** Thrown by repositories: the stored version is not the one the change was based on. */
export class ConcurrencyConflictError extends SalesApplicationError {
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
export class InvalidQueryError extends SalesApplicationError {
  readonly code = 'invalid-query';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field} ${reason}`);
  }
}
