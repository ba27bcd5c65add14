import { type ProductState } from '../../../domain/product/product.aggregate';
import { PRODUCT_DETAIL_KEYS, type ProductDetails } from '../../../domain/product/product-details';
import { type Clock } from '../../ports/clock.port';
import { type MarketplaceUnitOfWork } from '../../ports/unit-of-work.port';
import { ProductNotFoundError } from '../../shared/application.errors';
import { type UpdateProductCommand } from './update-product.command';

export interface UpdateProductResult {
  outcome: 'updated' | 'unchanged';
  product: ProductState;
}

export class UpdateProductHandler {
  constructor(
    private readonly unitOfWork: MarketplaceUnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** Throws ProductNotFoundError for an id that was never listed. */
  async execute(command: UpdateProductCommand): Promise<UpdateProductResult> {
    return this.unitOfWork.run(async (tx) => {
      const product = await tx.products.findById(command.productId);
      if (!product) throw new ProductNotFoundError(command.productId);
      const current = product.state;
      const details = Object.fromEntries(
        PRODUCT_DETAIL_KEYS.map((key) => [key, key in command.changes ? command.changes[key] : current[key]]),
      ) as unknown as ProductDetails;
      const translation =
        details.categoryName === null ? null : await tx.translations.find(details.categoryName);
      if (product.update(details, translation, this.clock.now()) === 'unchanged') {
        return { outcome: 'unchanged', product: current };
      }
      await tx.products.save([product]);
      await tx.outbox.append(product.pullEvents());
      return { outcome: 'updated', product: product.state };
    });
  }
}
