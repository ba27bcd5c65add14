import { ConflictError, HttpProblem, NotFoundError, ValidationError, type ErrorMapper } from '@mercado/service-kit';
import {
  ConcurrencyConflictError,
  InvalidQueryError,
  OrderConflictError,
  OrderNotFoundError,
} from '../../application/application.errors';
import {
  IllegalOrderTransitionError,
  OrderClosedError,
  PaymentConflictError,
  TransitionBeforePreviousError,
} from '../../domain/order/order.errors';
import { TRANSITION_TARGET } from '../../domain/order/order-status';
import { SalesDomainError } from '../../domain/shared/domain-error';

/** The sales errors as problem+json: 404 unknown order, 409 against the order's state, 400 bad values. */
export const salesErrorMapper: ErrorMapper = (error) => {
  if (error instanceof OrderNotFoundError) return new NotFoundError('order', error.orderId);
  if (error instanceof IllegalOrderTransitionError) {
    return new ConflictError(error.message, {
      type: 'illegal-order-transition',
      title: 'The order cannot make this transition from its current status',
      extensions: {
        orderId: error.orderId,
        currentStatus: error.currentStatus,
        attemptedTransition: error.attempted,
        attemptedStatus: TRANSITION_TARGET[error.attempted],
        allowedFrom: error.allowedFrom,
      },
    });
  }
  if (error instanceof TransitionBeforePreviousError) {
    return new ConflictError(error.message, {
      type: 'transition-before-previous',
      title: 'The time given is before the order’s previous step',
      extensions: { orderId: error.orderId, attempted: error.attempted, previousAt: error.previousAt.toISOString() },
    });
  }
  if (error instanceof OrderConflictError) {
    return new ConflictError(error.message, { type: 'order-conflict', title: 'The order exists with different content', extensions: { orderId: error.orderId } });
  }
  if (error instanceof PaymentConflictError) {
    return new ConflictError(error.message, {
      type: 'payment-conflict',
      title: 'Another payment has this sequential',
      extensions: { orderId: error.orderId, sequential: error.sequential },
    });
  }
  if (error instanceof OrderClosedError) {
    return new ConflictError(error.message, {
      type: 'order-closed',
      title: 'The order takes no more payments',
      extensions: { orderId: error.orderId, currentStatus: error.currentStatus },
    });
  }
  if (error instanceof ConcurrencyConflictError) {
    return new ConflictError(`${error.aggregateId} kept changing concurrently; try again`, { type: 'concurrency-conflict', title: 'Concurrent change' });
  }
  if (error instanceof InvalidQueryError) {
    return new ValidationError([{ field: error.field, location: 'query', message: error.reason }]);
  }
  if (error instanceof SalesDomainError) {
    // The request schemas catch malformed input first; what reaches here breaks a domain rule.
    return new ValidationError([{ field: error.field ?? '', location: 'body', message: error.message }]);
  }
  return error instanceof HttpProblem ? error : undefined;
};
