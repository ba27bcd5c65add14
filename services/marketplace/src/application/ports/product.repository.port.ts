import { type Product, type ProductSnapshot } from '../../domain/product/product.aggregate';

export interface ProductListCriteria {
  /** A Portuguese category; null: the products without category; undefined: every product. */
  categoryName?: string | null;
  /** Products whose id sorts strictly after this one; null for the first page. */
  afterProductId: string | null;
  /** At most this many, ordered by product id. */
  limit: number;
}

/**
 * Where products live. Implementations persist `product.toSnapshot()` and rebuild with
 * `Product.restore(snapshot)`; events go to the outbox, never from here.
 */
export interface ProductRepository {
  findById(productId: string): Promise<Product | null>;

  /** Those that exist among the ids, in any order (bulk import looks them up at once). */
  findByIds(productIds: readonly string[]): Promise<Product[]>;

  /** Every product of a category, to re-emit their English name when its translation changes. */
  findByCategory(categoryName: string): Promise<Product[]>;

  /**
   * Inserts new products (version 0) and updates the others, each only if its stored version is
   * still `product.version` (else ConcurrentModificationError); stores version + 1.
   */
  save(products: readonly Product[]): Promise<void>;

  list(criteria: ProductListCriteria): Promise<ProductSnapshot[]>;
}
