import { type ProductDetails } from '../../../domain/product/product-details';

/**
 * A change of some details of a listed product: the fields present replace the current ones (null
 * clears a figure: unknown); the fields absent are kept.
 */
export interface UpdateProductCommand {
  productId: string;
  changes: Partial<ProductDetails>;
}
