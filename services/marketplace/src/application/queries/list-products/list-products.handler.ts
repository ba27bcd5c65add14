import { requireCategoryName } from '../../../domain/category-translation/category-name';
import { type ProductSnapshot, type ProductState } from '../../../domain/product/product.aggregate';
import { type ProductRepository } from '../../ports/product.repository.port';
import { decodeCursor, type Page, pageLimit, pageOf } from '../../shared/pagination';

export interface ListProductsQuery {
  /** A Portuguese category; null: the products without category; absent: all. */
  categoryName?: string | null;
  cursor?: string | null;
  limit?: number;
}

/** The catalogue, ordered by product id, optionally one category. */
export class ListProductsHandler {
  constructor(private readonly products: ProductRepository) {}

  async execute(query: ListProductsQuery): Promise<Page<ProductState>> {
    const limit = pageLimit(query.limit);
    const after = query.cursor == null ? null : decodeCursor(query.cursor, ['productId'] as const).productId;
    const categoryName =
      query.categoryName == null
        ? query.categoryName
        : requireCategoryName(query.categoryName, 'category_name');
    const rows = await this.products.list({
      ...(categoryName === undefined ? {} : { categoryName }),
      afterProductId: after,
      limit: limit + 1,
    });
    return pageOf(rows, limit, (row) => ({ productId: row.productId }), stateOf);
  }
}

function stateOf({ version: _version, ...state }: ProductSnapshot): ProductState {
  return state;
}
