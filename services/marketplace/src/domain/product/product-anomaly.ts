import { type ProductDetails } from './product-details';

/** Oddities of a product's data, derived from its details (never a reason to refuse it). */
export const PRODUCT_ANOMALIES = [
  'CATEGORY_MISSING',
  // Name or description length or photo count unknown.
  'LISTING_DETAILS_MISSING',
  // Weight or a dimension unknown.
  'MEASURES_MISSING',
  // A weight of 0 g, as Olist has: kept as 0, flagged (the published contract turns it into null).
  'ZERO_WEIGHT',
  'ZERO_DIMENSION',
] as const;

export type ProductAnomaly = (typeof PRODUCT_ANOMALIES)[number];

export function productAnomalies(details: ProductDetails): ProductAnomaly[] {
  const flags: ProductAnomaly[] = [];
  const dimensions = [details.lengthCm, details.heightCm, details.widthCm];
  if (details.categoryName === null) flags.push('CATEGORY_MISSING');
  if ([details.nameLength, details.descriptionLength, details.photosQty].includes(null)) {
    flags.push('LISTING_DETAILS_MISSING');
  }
  if ([details.weightG, ...dimensions].includes(null)) flags.push('MEASURES_MISSING');
  if (details.weightG === 0) flags.push('ZERO_WEIGHT');
  if (dimensions.includes(0)) flags.push('ZERO_DIMENSION');
  return flags;
}
