import { requireCategoryName } from '../../../domain/category-translation/category-name';
import { type ProductDetails } from '../../../domain/product/product-details';
import { InvalidFieldError, requireId } from '../../../domain/shared/marketplace-domain-error';
import { type OlistProductRow } from './import-products.command';

/** The domain's field names → Olist's columns, for rejects. */
export const PRODUCT_COLUMNS: Readonly<Record<string, string>> = {
  product_id: 'product_id',
  category_name: 'product_category_name',
  name_length: 'product_name_lenght',
  description_length: 'product_description_lenght',
  photos_qty: 'product_photos_qty',
  weight_g: 'product_weight_g',
  length_cm: 'product_length_cm',
  height_cm: 'product_height_cm',
  width_cm: 'product_width_cm',
};

/** A whole number; `12.0` is accepted as 12, anything else (`12.5`, `-1`, `1e3`) is refused. */
const WHOLE = /^(\d+)(?:\.0+)?$/;

function text(value: string | null | undefined): string | null {
  if (value == null) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function count(row: OlistProductRow, column: keyof OlistProductRow): number | null {
  const value = text(row[column]);
  if (value === null) return null; // unknown stays unknown, never 0
  const match = WHOLE.exec(value);
  const number = match ? Number(match[1]) : Number.NaN;
  if (!Number.isSafeInteger(number))
    throw new InvalidFieldError(column, value, 'must be a whole number, 0 or more');
  return number;
}

/** Reads one products-file row; throws a MarketplaceDomainError naming the first bad column. */
export function parseOlistProductRow(row: OlistProductRow): { productId: string; details: ProductDetails } {
  const productId = requireId(text(row.product_id), 'product_id');
  const category = text(row.product_category_name);
  return {
    productId,
    details: {
      categoryName: category === null ? null : requireCategoryName(category, 'product_category_name'),
      nameLength: count(row, 'product_name_lenght'),
      descriptionLength: count(row, 'product_description_lenght'),
      photosQty: count(row, 'product_photos_qty'),
      weightG: count(row, 'product_weight_g'),
      lengthCm: count(row, 'product_length_cm'),
      heightCm: count(row, 'product_height_cm'),
      widthCm: count(row, 'product_width_cm'),
    },
  };
}
