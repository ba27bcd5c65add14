import { HttpProblem, ValidationError, type ErrorMapper } from '@mercado/service-kit';
import { InvalidQueryError } from '../../application/queries/invalid-query.error';

/** A query the use cases refuse is a 400 naming each bad query parameter. */
export const warehouseErrorMapper: ErrorMapper = (error) => {
  if (error instanceof InvalidQueryError) {
    return new ValidationError(error.violations.map((v) => ({ field: v.field, location: 'query' as const, message: v.message })));
  }
  return error instanceof HttpProblem ? error : undefined;
};
