import { sellerAddress, type SellerState } from '../../../domain/seller/seller.aggregate';
import { type Clock } from '../../ports/clock.port';
import { type MarketplaceUnitOfWork } from '../../ports/unit-of-work.port';
import { SellerNotFoundError } from '../../shared/application.errors';
import { type RelocateSellerCommand } from './relocate-seller.command';

export interface RelocateSellerResult {
  outcome: 'relocated' | 'unchanged';
  seller: SellerState;
}

export class RelocateSellerHandler {
  constructor(
    private readonly unitOfWork: MarketplaceUnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** Throws SellerNotFoundError for a seller never onboarded. */
  async execute(command: RelocateSellerCommand): Promise<RelocateSellerResult> {
    const address = sellerAddress(command);
    return this.unitOfWork.run(async (tx) => {
      const seller = await tx.sellers.findById(command.sellerId);
      if (!seller) throw new SellerNotFoundError(command.sellerId);
      if (seller.relocate(address, this.clock.now()) === 'unchanged')
        return { outcome: 'unchanged', seller: seller.state };
      await tx.sellers.save([seller]);
      await tx.outbox.append(seller.pullEvents());
      return { outcome: 'relocated', seller: seller.state };
    });
  }
}
