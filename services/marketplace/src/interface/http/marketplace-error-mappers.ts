import { ConflictError, type ErrorMapper, NotFoundError, ValidationError } from '@mercado/service-kit';
import {
  ConcurrentModificationError,
  InvalidCursorError,
  ProductNotFoundError,
  SellerAlreadyOnboardedError,
  SellerNotFoundError,
} from '../../application/shared/application.errors';
import { MarketplaceDomainError } from '../../domain/shared/marketplace-domain-error';

/** Marketplace errors as problem+json: bad input → 400 naming the field; unknown → 404; conflicts → 409. */
export const marketplaceErrorMappers: ErrorMapper[] = [
  (error) => {
    if (error instanceof ProductNotFoundError) return new NotFoundError('product', error.productId, error.message);
    if (error instanceof SellerNotFoundError) return new NotFoundError('seller', error.sellerId, error.message);
    if (error instanceof SellerAlreadyOnboardedError) {
      return new ConflictError(error.message, { type: error.code, extensions: { seller_id: error.sellerId } });
    }
    if (error instanceof ConcurrentModificationError) {
      return new ConflictError(error.message, { type: error.code, extensions: { id: error.id } });
    }
    if (error instanceof InvalidCursorError) {
      return new ValidationError([{ field: 'cursor', location: 'query', message: error.message }]);
    }
    if (error instanceof MarketplaceDomainError) {
      return new ValidationError([{ field: error.field ? `/${error.field}` : '', location: 'body', message: error.message }]);
    }
    return undefined;
  },
];
