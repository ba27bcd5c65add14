import {
  type AnyEventDefinition,
  marketplaceProductListedV1,
  marketplaceProductUpdatedV1,
  marketplaceSellerOnboardedV1,
  marketplaceSellerRelocatedV1,
  type ProductStateV1,
  type SellerStateV1,
} from '@mercado/contracts';
import { type MarketplaceDomainEvent } from '../../domain/marketplace.events';
import { type ProductState } from '../../domain/product/product.aggregate';
import { type SellerAnomaly, type SellerState } from '../../domain/seller/seller.aggregate';

export interface IntegrationEvent {
  definition: AnyEventDefinition;
  data: object;
  time: Date;
}

/** The domain's flags in the contract's open kebab-case vocabulary. */
const SELLER_FLAGS: Record<SellerAnomaly, string> = {
  CITY_NORMALIZED: 'city-normalized',
  CITY_IS_NUMERIC: 'city-is-number',
  CITY_NOT_A_PLACE: 'city-not-a-place',
};

const kebab = (flag: string) => flag.toLowerCase().replace(/_/g, '-');

/** The contract's minimum for a length is 1: a 0 is not a measure, so it is published as unknown. */
const positiveOrNull = (value: number | null) => (value === null || value === 0 ? null : value);

/**
 * A product's state as marketplace.product.* v1 publishes it:
 * - the English name is null with `translation_missing` when the translation table has none (the
 *   domain's fallback, the Portuguese name, stays inside the service);
 * - a real 0 g weight is published as 0 and flagged `zero-weight`;
 * - a 0 cm side or a 0-character name, which the contract's minimum of 1 cannot carry, is published
 *   as null and flagged (`zero-dimension`, `zero-name-length`).
 */
export function productStateV1(product: ProductState): ProductStateV1 {
  const anomalies = product.anomalies.map(kebab);
  if (product.nameLength === 0) anomalies.push('zero-name-length');
  return {
    product_id: product.productId,
    category_name: product.categoryName,
    category_name_en: product.translationMissing ? null : product.categoryNameEnglish,
    translation_missing: product.translationMissing,
    name_length: positiveOrNull(product.nameLength),
    description_length: product.descriptionLength,
    photos_qty: product.photosQty,
    weight_g: product.weightG,
    length_cm: positiveOrNull(product.lengthCm),
    height_cm: positiveOrNull(product.heightCm),
    width_cm: positiveOrNull(product.widthCm),
    ...(anomalies.length === 0 ? {} : { anomalies }),
  };
}

export function sellerStateV1(seller: SellerState): SellerStateV1 {
  return {
    seller_id: seller.sellerId,
    zip_prefix: seller.zipPrefix,
    city: seller.city,
    normalized_city: seller.normalizedCity,
    state: seller.state,
    ...(seller.anomalies.length === 0 ? {} : { anomalies: seller.anomalies.map((flag) => SELLER_FLAGS[flag]) }),
  };
}

/** The published form of a domain event; CategoryTranslationUpserted stays in-process. */
export function toIntegrationEvents(event: MarketplaceDomainEvent): IntegrationEvent[] {
  switch (event.type) {
    case 'ProductListed':
      return [{ definition: marketplaceProductListedV1, data: productStateV1(event.product), time: event.occurredAt }];
    case 'ProductUpdated':
      return [{ definition: marketplaceProductUpdatedV1, data: productStateV1(event.product), time: event.occurredAt }];
    case 'SellerOnboarded':
      return [{ definition: marketplaceSellerOnboardedV1, data: sellerStateV1(event.seller), time: event.occurredAt }];
    case 'SellerRelocated':
      return [{ definition: marketplaceSellerRelocatedV1, data: sellerStateV1(event.seller), time: event.occurredAt }];
    case 'CategoryTranslationUpserted':
      return [];
  }
}
