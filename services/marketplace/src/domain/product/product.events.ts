import { type ProductState } from './product.aggregate';
import { type ProductDetailKey } from './product-details';

/** `live`: a seller's command on the platform; `import`: loaded from Olist's catalogue file. */
export type MarketplaceOrigin = 'live' | 'import';

/** A product entered the catalogue. Carries its full state. */
export interface ProductListed {
  type: 'ProductListed';
  productId: string;
  occurredAt: Date;
  origin: MarketplaceOrigin;
  product: ProductState;
}

/** A product changed: its details, or the English name of its category. Carries the full new state. */
export interface ProductUpdated {
  type: 'ProductUpdated';
  productId: string;
  occurredAt: Date;
  origin: MarketplaceOrigin;
  product: ProductState;
  /** What changed: detail fields, and/or `categoryNameEnglish` / `translationMissing`. */
  changedFields: readonly (ProductDetailKey | 'categoryNameEnglish' | 'translationMissing')[];
}

export type ProductDomainEvent = ProductListed | ProductUpdated;
