import { FulfillmentDomainError } from '../shared/fulfillment-domain-error';
import { type ShipmentCommand, type ShipmentStatus } from './shipment-status';

/**
 * Every refusal of a live command carries the shipment's current state, so that the caller (and the
 * problem+json answer) can say what the shipment is rather than only what it is not.
 */
export interface ShipmentStateView {
  status: ShipmentStatus;
  dispatchedAt: Date | null;
  deliveredAt: Date | null;
}

abstract class ShipmentStateError extends FulfillmentDomainError {
  readonly currentStatus: ShipmentStatus;
  readonly dispatchedAt: Date | null;
  readonly deliveredAt: Date | null;

  protected constructor(
    readonly orderId: string,
    readonly attempted: ShipmentCommand,
    current: ShipmentStateView,
    message: string,
    field?: string,
  ) {
    super(message, field);
    this.currentStatus = current.status;
    this.dispatchedAt = current.dispatchedAt;
    this.deliveredAt = current.deliveredAt;
  }
}

/** `deliver` on a shipment that was never handed to the carrier. */
export class ShipmentNotDispatchedError extends ShipmentStateError {
  readonly code = 'shipment-not-dispatched';
  constructor(orderId: string, current: ShipmentStateView) {
    super(
      orderId,
      'deliver',
      current,
      `shipment of order ${orderId} cannot be delivered: it is ${current.status}, not dispatched`,
    );
  }
}

/** `dispatch` again with a different time (the same time again is a no-op). */
export class ShipmentAlreadyDispatchedError extends ShipmentStateError {
  readonly code = 'shipment-already-dispatched';
  constructor(
    orderId: string,
    current: ShipmentStateView,
    readonly attemptedAt: Date,
  ) {
    super(
      orderId,
      'dispatch',
      current,
      `shipment of order ${orderId} was already dispatched at ${current.dispatchedAt?.toISOString() ?? 'an unknown time'} (it is ${current.status}); cannot dispatch it at ${attemptedAt.toISOString()}`,
      'dispatched_at',
    );
  }
}

/** `deliver` again with a different time, or `dispatch`/`cancel` after delivery. */
export class ShipmentAlreadyDeliveredError extends ShipmentStateError {
  readonly code = 'shipment-already-delivered';
  constructor(
    orderId: string,
    attempted: ShipmentCommand,
    current: ShipmentStateView,
    readonly attemptedAt: Date,
  ) {
    super(
      orderId,
      attempted,
      current,
      `shipment of order ${orderId} was already delivered at ${current.deliveredAt?.toISOString() ?? 'an unknown time'}; cannot ${attempted} it at ${attemptedAt.toISOString()}`,
      attempted === 'deliver' ? 'delivered_at' : undefined,
    );
  }
}

/** Any move of a canceled shipment. */
export class ShipmentCanceledError extends ShipmentStateError {
  readonly code = 'shipment-canceled';
  constructor(orderId: string, attempted: ShipmentCommand, current: ShipmentStateView) {
    super(orderId, attempted, current, `shipment of order ${orderId} is canceled: it cannot ${attempted}`);
  }
}

/** A live command dated before the shipment's previous step: time does not run backwards. */
export class StepBeforePreviousError extends ShipmentStateError {
  readonly code = 'step-before-previous';
  constructor(
    orderId: string,
    attempted: ShipmentCommand,
    current: ShipmentStateView,
    readonly attemptedAt: Date,
    readonly previousAt: Date,
  ) {
    super(
      orderId,
      attempted,
      current,
      `shipment of order ${orderId} cannot ${attempted} at ${attemptedAt.toISOString()}: its previous step was at ${previousAt.toISOString()}`,
      'at',
    );
  }
}

/** The order's lines were already recorded on the shipment, differently. */
export class OrderLinesConflictError extends FulfillmentDomainError {
  readonly code = 'order-lines-conflict';
  constructor(
    readonly orderId: string,
    readonly reason: string,
  ) {
    super(`order ${orderId}: ${reason}`, 'lines');
  }
}

/** One fact on which an imported history and the shipment disagree. */
export interface FactDifference {
  /** The Olist column (or shipment field) that differs. */
  field: string;
  recorded: string | null;
  incoming: string | null;
}

/** An imported history for an order whose shipment already holds different facts. */
export class ImportedFactsConflictError extends FulfillmentDomainError {
  readonly code = 'import-conflict';
  constructor(
    readonly orderId: string,
    readonly differences: readonly FactDifference[],
  ) {
    super(
      `order ${orderId} already has a shipment with different facts: ${differences
        .map((d) => `${d.field} is ${d.recorded ?? 'empty'}, the record says ${d.incoming ?? 'empty'}`)
        .join('; ')}`,
      differences[0]?.field,
    );
  }
}
