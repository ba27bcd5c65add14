import { type CategoryTranslationUpserted } from './category-translation/category-translation.events';
import { type ProductDomainEvent } from './product/product.events';
import { type SellerDomainEvent } from './seller/seller.events';

/** Every domain event of the marketplace, as the outbox port receives them. */
export type MarketplaceDomainEvent = ProductDomainEvent | SellerDomainEvent | CategoryTranslationUpserted;
