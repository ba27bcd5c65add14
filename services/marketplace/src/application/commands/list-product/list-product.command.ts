import { type ProductDetails } from '../../../domain/product/product-details';

/** A seller puts a product in the catalogue, or replaces its details (upsert by product id). */
export interface ListProductCommand extends ProductDetails {
  productId: string;
}
