import { type Seller, type SellerSnapshot } from '../../domain/seller/seller.aggregate';
import { type BrazilianState } from '../../domain/seller/brazilian-state';

export interface SellerListCriteria {
  state?: BrazilianState;
  /** Sellers whose id sorts strictly after this one; null for the first page. */
  afterSellerId: string | null;
  /** At most this many, ordered by seller id. */
  limit: number;
}

/** Where sellers live (same persistence rules as ProductRepository). */
export interface SellerRepository {
  findById(sellerId: string): Promise<Seller | null>;
  findByIds(sellerIds: readonly string[]): Promise<Seller[]>;
  /** Version-checked insert or update, as ProductRepository.save. */
  save(sellers: readonly Seller[]): Promise<void>;
  list(criteria: SellerListCriteria): Promise<SellerSnapshot[]>;
}
