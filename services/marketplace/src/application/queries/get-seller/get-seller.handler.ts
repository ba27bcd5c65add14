import { type SellerState } from '../../../domain/seller/seller.aggregate';
import { type SellerRepository } from '../../ports/seller.repository.port';

export interface GetSellerQuery {
  sellerId: string;
}

export class GetSellerHandler {
  constructor(private readonly sellers: SellerRepository) {}

  /** The seller, or null when it is not on the marketplace. */
  async execute(query: GetSellerQuery): Promise<SellerState | null> {
    return (await this.sellers.findById(query.sellerId))?.state ?? null;
  }
}
