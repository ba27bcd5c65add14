import { SalesDomainError } from '../shared/domain-error';
import { type OrderStatus, type OrderTransition, TRANSITION_SOURCES } from './order-status';

/** A command asked for a transition the lifecycle does not allow from the order's current status. */
export class IllegalOrderTransitionError extends SalesDomainError {
  readonly code = 'illegal-order-transition';
  readonly allowedFrom: readonly OrderStatus[];
  constructor(
    readonly orderId: string,
    readonly currentStatus: OrderStatus,
    readonly attempted: OrderTransition,
  ) {
    const allowedFrom = TRANSITION_SOURCES[attempted];
    super(
      `order ${orderId} cannot ${attempted}: it is ${currentStatus} (${attempted} needs ${allowedFrom.join(' or ')})`,
    );
    this.allowedFrom = allowedFrom;
  }
}

/** A live command dated before the order's previous transition: time does not run backwards. */
export class TransitionBeforePreviousError extends SalesDomainError {
  readonly code = 'transition-before-previous';
  constructor(
    readonly orderId: string,
    readonly attempted: OrderTransition | 'recordPayment',
    readonly attemptedAt: Date,
    readonly previousAt: Date,
  ) {
    super(
      `order ${orderId} cannot ${attempted} at ${attemptedAt.toISOString()}: its previous step was at ${previousAt.toISOString()}`,
      'at',
    );
  }
}

/** Placing or importing an order whose lines reuse a line number. */
export class DuplicateLineNumberError extends SalesDomainError {
  readonly code = 'duplicate-line-number';
  constructor(
    readonly orderId: string,
    readonly lineNumber: number,
  ) {
    super(`order ${orderId} has line number ${lineNumber} more than once`, 'order_item_id');
  }
}

/** A live order's lines must be numbered 1..n. */
export class LineNumbersNotSequentialError extends SalesDomainError {
  readonly code = 'line-numbers-not-sequential';
  constructor(
    readonly orderId: string,
    readonly lineNumbers: readonly number[],
  ) {
    super(`order ${orderId} lines must be numbered 1..n (got ${lineNumbers.join(', ')})`, 'order_item_id');
  }
}

export class OrderWithoutLinesError extends SalesDomainError {
  readonly code = 'order-without-lines';
  constructor(readonly orderId: string) {
    super(`order ${orderId} must have at least one line`, 'lines');
  }
}

/** Importing an order whose payments reuse a sequential. */
export class DuplicatePaymentSequentialError extends SalesDomainError {
  readonly code = 'duplicate-payment-sequential';
  constructor(
    readonly orderId: string,
    readonly sequential: number,
  ) {
    super(`order ${orderId} has payment sequential ${sequential} more than once`, 'payment_sequential');
  }
}

/** A payment recorded again under a known sequential but with different content. */
export class PaymentConflictError extends SalesDomainError {
  readonly code = 'payment-conflict';
  constructor(
    readonly orderId: string,
    readonly sequential: number,
  ) {
    super(
      `order ${orderId} already has a different payment with sequential ${sequential}`,
      'payment_sequential',
    );
  }
}

/** Payments are not taken on a canceled or unavailable order. */
export class OrderClosedError extends SalesDomainError {
  readonly code = 'order-closed';
  constructor(
    readonly orderId: string,
    readonly currentStatus: OrderStatus,
  ) {
    super(`order ${orderId} is ${currentStatus}: it takes no more payments`);
  }
}
