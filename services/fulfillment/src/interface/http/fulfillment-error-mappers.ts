import { ConflictError, type ErrorMapper, HttpProblem, NotFoundError, ValidationError } from '@mercado/service-kit';
import {
  ConcurrentModificationError,
  InvalidCursorError,
  ShipmentNotFoundError,
} from '../../application/shared/application.errors';
import { FulfillmentDomainError } from '../../domain/shared/fulfillment-domain-error';
import { ImportedFactsConflictError, OrderLinesConflictError } from '../../domain/shipment/shipment.errors';

/** Errors that say the input is malformed (as opposed to a refusal by the shipment's state). */
const INPUT_ERROR_CODES = new Set(['missing-field', 'invalid-field', 'invalid-timestamp']);

/**
 * Fulfillment's errors as problem+json: malformed input → 400 naming the field; a move the shipment's
 * state refuses → 409 with its current state; no shipment → 404.
 */
export const fulfillmentErrorMappers: ErrorMapper[] = [
  (error) => {
    if (error instanceof ShipmentNotFoundError) return new NotFoundError('shipment', error.orderId, error.message);
    if (error instanceof InvalidCursorError) {
      return new ValidationError([{ field: 'cursor', location: 'query', message: error.message }]);
    }
    if (error instanceof ConcurrentModificationError) {
      return new ConflictError(error.message, { type: error.code, extensions: { orderId: error.orderId } });
    }
    if (!(error instanceof FulfillmentDomainError)) return undefined;
    if (INPUT_ERROR_CODES.has(error.code)) {
      return new ValidationError([
        { field: error.field ? `/${error.field}` : '', location: 'body', message: error.message },
      ]);
    }
    if (error instanceof ImportedFactsConflictError) {
      return new ConflictError(error.message, {
        type: error.code,
        extensions: { order_id: error.orderId, differences: error.differences },
      });
    }
    if (error instanceof OrderLinesConflictError) {
      return new ConflictError(error.message, { type: error.code, extensions: { order_id: error.orderId } });
    }
    if ('currentStatus' in error) {
      const refused = error as FulfillmentDomainError & {
        orderId: string;
        attempted: string;
        currentStatus: string;
        dispatchedAt: Date | null;
        deliveredAt: Date | null;
      };
      return new ConflictError(error.message, {
        type: error.code,
        extensions: {
          order_id: refused.orderId,
          attempted: refused.attempted,
          current_status: refused.currentStatus,
          dispatched_at: refused.dispatchedAt?.toISOString() ?? null,
          delivered_at: refused.deliveredAt?.toISOString() ?? null,
          ...(error.field ? { field: error.field } : {}),
        },
      });
    }
    return new HttpProblem({ status: 422, type: error.code, title: 'Refused', detail: error.message });
  },
];
