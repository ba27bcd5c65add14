import { type MarketplaceOrigin } from '../product/product.events';
import { type SellerAddress, type SellerState } from './seller.aggregate';

/** A seller joined the marketplace. Carries its full state. */
export interface SellerOnboarded {
  type: 'SellerOnboarded';
  sellerId: string;
  occurredAt: Date;
  origin: MarketplaceOrigin;
  seller: SellerState;
}

/** A seller's address changed. Carries the full new state and the address it left. */
export interface SellerRelocated {
  type: 'SellerRelocated';
  sellerId: string;
  occurredAt: Date;
  origin: MarketplaceOrigin;
  seller: SellerState;
  previous: SellerAddress;
}

export type SellerDomainEvent = SellerOnboarded | SellerRelocated;
