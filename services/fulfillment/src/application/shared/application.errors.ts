/** Base of the errors raised by fulfillment use cases (the domain's are FulfillmentDomainError). */
export abstract class FulfillmentApplicationError extends Error {
  abstract readonly code: string;
  readonly field: string | undefined;

  protected constructor(message: string, field?: string) {
    super(message);
    this.name = new.target.name;
    this.field = field;
  }
}

/** A command on an order that has no shipment (not approved yet, or unknown). */
export class ShipmentNotFoundError extends FulfillmentApplicationError {
  readonly code = 'shipment-not-found';
  /** There is no shipment: the state a refused transition reports. */
  readonly currentStatus = null;
  constructor(readonly orderId: string) {
    super(`order ${orderId} has no shipment (the order is unknown or not approved yet)`, 'order_id');
  }
}

/** A cursor that this service did not hand out. */
export class InvalidCursorError extends FulfillmentApplicationError {
  readonly code = 'invalid-cursor';
  constructor(readonly cursor: string) {
    super('cursor must be a nextCursor returned by the previous page', 'cursor');
  }
}

/** The shipment changed between load and save (another command won); retrying the command is safe. */
export class ConcurrentModificationError extends FulfillmentApplicationError {
  readonly code = 'concurrent-modification';
  constructor(readonly orderId: string) {
    super(`shipment of order ${orderId} was changed concurrently; retry`);
  }
}
