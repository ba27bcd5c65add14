import { type ProductState } from '../../../domain/product/product.aggregate';
import { type ProductRepository } from '../../ports/product.repository.port';

export interface GetProductQuery {
  productId: string;
}

export class GetProductHandler {
  constructor(private readonly products: ProductRepository) {}

  /** The product, or null when it is not in the catalogue. */
  async execute(query: GetProductQuery): Promise<ProductState | null> {
    return (await this.products.findById(query.productId))?.state ?? null;
  }
}
