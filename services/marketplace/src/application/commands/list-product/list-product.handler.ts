import { Product, type ProductState } from '../../../domain/product/product.aggregate';
import { productDetails } from '../../../domain/product/product-details';
import { type Clock } from '../../ports/clock.port';
import { type MarketplaceUnitOfWork } from '../../ports/unit-of-work.port';
import { type ListProductCommand } from './list-product.command';

export interface ListProductResult {
  /** `unchanged`: the same details again, an idempotent no-op. */
  outcome: 'listed' | 'updated' | 'unchanged';
  product: ProductState;
}

/**
 * Upsert: a new id is listed (ProductListed); a known id with other details is updated
 * (ProductUpdated); the same details again change nothing.
 */
export class ListProductHandler {
  constructor(
    private readonly unitOfWork: MarketplaceUnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: ListProductCommand): Promise<ListProductResult> {
    const { productId, ...input } = command;
    const details = productDetails(input);
    return this.unitOfWork.run(async (tx) => {
      const translation =
        details.categoryName === null ? null : await tx.translations.find(details.categoryName);
      const existing = await tx.products.findById(productId);
      const now = this.clock.now();
      const product = existing ?? Product.list(productId, details, translation, now);
      const outcome = existing
        ? existing.update(details, translation, now) === 'changed'
          ? 'updated'
          : 'unchanged'
        : 'listed';
      if (outcome !== 'unchanged') {
        await tx.products.save([product]);
        await tx.outbox.append(product.pullEvents());
      }
      return { outcome, product: product.state };
    });
  }
}
