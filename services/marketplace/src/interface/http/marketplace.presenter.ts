import { type ProductState } from '../../domain/product/product.aggregate';
import { type SellerState } from '../../domain/seller/seller.aggregate';

/**
 * A product as the API shows it (snake_case, like the contracts). Unlike the published events, the
 * API shows the domain's English name: the Portuguese name as a fallback when the translation is
 * missing, with `translation_missing: true`.
 */
export function productView(product: ProductState) {
  return {
    product_id: product.productId,
    category_name: product.categoryName,
    category_name_en: product.categoryNameEnglish,
    translation_missing: product.translationMissing,
    name_length: product.nameLength,
    description_length: product.descriptionLength,
    photos_qty: product.photosQty,
    weight_g: product.weightG,
    length_cm: product.lengthCm,
    height_cm: product.heightCm,
    width_cm: product.widthCm,
    anomalies: [...product.anomalies],
  };
}

export function sellerView(seller: SellerState) {
  return {
    seller_id: seller.sellerId,
    zip_prefix: seller.zipPrefix,
    city: seller.city,
    normalized_city: seller.normalizedCity,
    state: seller.state,
    city_is_numeric: seller.cityIsNumeric,
    anomalies: [...seller.anomalies],
  };
}
