import { ConflictError, NotFoundError, ValidationError, type ErrorMapper } from '@mercado/service-kit';
import { ConcurrencyConflictError, CustomerNotFoundError, InvalidQueryError } from '../../application/application.errors';
import { AccountOwnedByAnotherCustomerError } from '../../domain/customer/customer.aggregate';
import { ReviewConflictError } from '../../domain/review/review.aggregate';
import { CustomerDomainError } from '../../domain/shared/domain-error';

/** The customer errors as problem+json: 404 unknown customer, 409 conflicts with stored facts, 400 bad values. */
export const customerErrorMapper: ErrorMapper = (error) => {
  if (error instanceof CustomerNotFoundError) return new NotFoundError('customer', error.customerUniqueId);
  if (error instanceof AccountOwnedByAnotherCustomerError) {
    return new ConflictError(error.message, {
      type: 'account-owned-by-another-customer',
      title: 'The account belongs to another customer',
      extensions: { customerId: error.customerId, ownerCustomerUniqueId: error.ownerCustomerUniqueId },
    });
  }
  if (error instanceof ReviewConflictError) {
    return new ConflictError(error.message, {
      type: 'review-conflict',
      title: 'The review exists with different content',
      extensions: { reviewId: error.reviewId, orderId: error.orderId },
    });
  }
  if (error instanceof ConcurrencyConflictError) {
    return new ConflictError(`${error.aggregateId} kept changing concurrently; try again`, { type: 'concurrency-conflict', title: 'Concurrent change' });
  }
  if (error instanceof InvalidQueryError) return new ValidationError([{ field: error.field, location: 'query', message: error.reason }]);
  if (error instanceof CustomerDomainError) {
    return new ValidationError([{ field: error.field ?? '', location: 'body', message: error.message }]);
  }
  return undefined;
};
