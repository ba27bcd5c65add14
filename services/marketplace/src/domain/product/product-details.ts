import { requireCategoryName } from '../category-translation/category-name';
import { InvalidFieldError } from '../shared/marketplace-domain-error';

/**
 * What a seller tells about a product. Every figure may be unknown (null) — Olist has products
 * without category, listing figures or measures — and unknown is never turned into 0. A real 0 stays
 * 0 (Olist has products weighing 0 g) and is flagged instead.
 */
export interface ProductDetails {
  /** Portuguese category, snake_case (Olist `product_category_name`), or null. */
  categoryName: string | null;
  /** Characters in the product name (Olist `product_name_lenght`). */
  nameLength: number | null;
  /** Characters in the description (Olist `product_description_lenght`). */
  descriptionLength: number | null;
  photosQty: number | null;
  weightG: number | null;
  lengthCm: number | null;
  heightCm: number | null;
  widthCm: number | null;
}

/** The detail fields, with the names the API and the error reports use. */
export const PRODUCT_DETAIL_FIELDS = {
  categoryName: 'category_name',
  nameLength: 'name_length',
  descriptionLength: 'description_length',
  photosQty: 'photos_qty',
  weightG: 'weight_g',
  lengthCm: 'length_cm',
  heightCm: 'height_cm',
  widthCm: 'width_cm',
} as const satisfies Record<keyof ProductDetails, string>;

export type ProductDetailKey = keyof ProductDetails;
export const PRODUCT_DETAIL_KEYS = Object.keys(PRODUCT_DETAIL_FIELDS) as ProductDetailKey[];

type CountKey = Exclude<ProductDetailKey, 'categoryName'>;
const COUNT_KEYS = PRODUCT_DETAIL_KEYS.filter((key): key is CountKey => key !== 'categoryName');

/** Checks and normalises details: whole numbers of 0 or more, or null; a snake_case category or null. */
export function productDetails(input: ProductDetails): ProductDetails {
  const details = {
    categoryName:
      input.categoryName == null
        ? null
        : requireCategoryName(input.categoryName, PRODUCT_DETAIL_FIELDS.categoryName),
  } as ProductDetails;
  for (const key of COUNT_KEYS) {
    const value = input[key];
    if (value == null) {
      details[key] = null;
    } else if (!Number.isSafeInteger(value) || value < 0) {
      throw new InvalidFieldError(
        PRODUCT_DETAIL_FIELDS[key],
        value,
        'must be a whole number, 0 or more, or null',
      );
    } else {
      details[key] = value;
    }
  }
  return details;
}

/** The fields whose values differ, in PRODUCT_DETAIL_KEYS order. */
export function changedDetails(before: ProductDetails, after: ProductDetails): ProductDetailKey[] {
  return PRODUCT_DETAIL_KEYS.filter((key) => before[key] !== after[key]);
}
