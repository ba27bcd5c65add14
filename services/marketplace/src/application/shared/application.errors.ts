/** Base of the errors raised by marketplace use cases (the domain's are MarketplaceDomainError). */
export abstract class MarketplaceApplicationError extends Error {
  abstract readonly code: string;
  readonly field: string | undefined;

  protected constructor(message: string, field?: string) {
    super(message);
    this.name = new.target.name;
    this.field = field;
  }
}

export class ProductNotFoundError extends MarketplaceApplicationError {
  readonly code = 'product-not-found';
  constructor(readonly productId: string) {
    super(`product ${productId} is not in the catalogue`, 'product_id');
  }
}

export class SellerNotFoundError extends MarketplaceApplicationError {
  readonly code = 'seller-not-found';
  constructor(readonly sellerId: string) {
    super(`seller ${sellerId} is not on the marketplace`, 'seller_id');
  }
}

/** Onboarding a seller id that is already on the marketplace at another address (relocate it instead). */
export class SellerAlreadyOnboardedError extends MarketplaceApplicationError {
  readonly code = 'seller-already-onboarded';
  constructor(readonly sellerId: string) {
    super(
      `seller ${sellerId} is already on the marketplace with another address; relocate it instead`,
      'seller_id',
    );
  }
}

export class InvalidCursorError extends MarketplaceApplicationError {
  readonly code = 'invalid-cursor';
  constructor(readonly cursor: string) {
    super('cursor must be a nextCursor returned by the previous page', 'cursor');
  }
}

/** The aggregate changed between load and save (another command won); retrying the command is safe. */
export class ConcurrentModificationError extends MarketplaceApplicationError {
  readonly code = 'concurrent-modification';
  constructor(readonly id: string) {
    super(`${id} was changed concurrently; retry`);
  }
}
