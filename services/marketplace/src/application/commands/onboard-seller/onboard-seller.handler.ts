import { Seller, sellerAddress, type SellerState } from '../../../domain/seller/seller.aggregate';
import { type Clock } from '../../ports/clock.port';
import { type MarketplaceUnitOfWork } from '../../ports/unit-of-work.port';
import { SellerAlreadyOnboardedError } from '../../shared/application.errors';
import { type OnboardSellerCommand } from './onboard-seller.command';

export interface OnboardSellerResult {
  /** `unchanged`: the same seller at the same address again, an idempotent no-op. */
  outcome: 'onboarded' | 'unchanged';
  seller: SellerState;
}

export class OnboardSellerHandler {
  constructor(
    private readonly unitOfWork: MarketplaceUnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** Throws SellerAlreadyOnboardedError for a known seller at another address (relocate-seller moves it). */
  async execute(command: OnboardSellerCommand): Promise<OnboardSellerResult> {
    const address = sellerAddress(command);
    return this.unitOfWork.run(async (tx) => {
      const existing = await tx.sellers.findById(command.sellerId);
      if (existing) {
        if (!existing.isAt(address)) throw new SellerAlreadyOnboardedError(command.sellerId);
        return { outcome: 'unchanged', seller: existing.state };
      }
      const seller = Seller.onboard(command.sellerId, address, this.clock.now());
      await tx.sellers.save([seller]);
      await tx.outbox.append(seller.pullEvents());
      return { outcome: 'onboarded', seller: seller.state };
    });
  }
}
