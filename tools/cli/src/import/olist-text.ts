// Turns the reader's typed records back into Olist's own column names and text values: the services'
// bulk import endpoints take records exactly as the files publish them, and judge the values themselves.
import type { OlistFileKind } from '../olist/olist-files';
import type { OlistRecordByKind } from '../olist/olist-records';

export type OlistTextRow = Record<string, string>;

/** Integer cents as Olist's decimal text: 2999 → "29.99". */
export function centsToText(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const text = (value: string | number | null): string => (value === null ? '' : String(value));

export const toOlistText: { [K in OlistFileKind]: (record: OlistRecordByKind[K]) => OlistTextRow } = {
  customers: (r) => ({
    customer_id: r.customerId,
    customer_unique_id: r.customerUniqueId,
    customer_zip_code_prefix: r.zipCodePrefix,
    customer_city: r.city,
    customer_state: r.state,
  }),
  orders: (r) => ({
    order_id: r.orderId,
    customer_id: r.customerId,
    order_status: r.status,
    order_purchase_timestamp: r.purchaseTimestamp,
    order_approved_at: text(r.approvedAt),
    order_delivered_carrier_date: text(r.deliveredCarrierDate),
    order_delivered_customer_date: text(r.deliveredCustomerDate),
    order_estimated_delivery_date: r.estimatedDeliveryDate,
  }),
  order_items: (r) => ({
    order_id: r.orderId,
    order_item_id: String(r.orderItemId),
    product_id: r.productId,
    seller_id: r.sellerId,
    shipping_limit_date: r.shippingLimitDate,
    price: centsToText(r.priceCents),
    freight_value: centsToText(r.freightValueCents),
  }),
  order_payments: (r) => ({
    order_id: r.orderId,
    payment_sequential: String(r.paymentSequential),
    payment_type: r.paymentType,
    payment_installments: String(r.paymentInstallments),
    payment_value: centsToText(r.paymentValueCents),
  }),
  order_reviews: (r) => ({
    review_id: r.reviewId,
    order_id: r.orderId,
    review_score: String(r.score),
    review_comment_title: text(r.commentTitle),
    review_comment_message: text(r.commentMessage),
    review_creation_date: r.creationDate,
    review_answer_timestamp: r.answerTimestamp,
  }),
  products: (r) => ({
    product_id: r.productId,
    product_category_name: text(r.categoryName),
    product_name_lenght: text(r.nameLength),
    product_description_lenght: text(r.descriptionLength),
    product_photos_qty: text(r.photosQty),
    product_weight_g: text(r.weightG),
    product_length_cm: text(r.lengthCm),
    product_height_cm: text(r.heightCm),
    product_width_cm: text(r.widthCm),
  }),
  sellers: (r) => ({
    seller_id: r.sellerId,
    seller_zip_code_prefix: r.zipCodePrefix,
    seller_city: r.city,
    seller_state: r.state,
  }),
  geolocation: (r) => ({
    geolocation_zip_code_prefix: r.zipCodePrefix,
    geolocation_lat: String(r.lat),
    geolocation_lng: String(r.lng),
    geolocation_city: r.city,
    geolocation_state: r.state,
  }),
  category_translation: (r) => ({
    product_category_name: r.categoryName,
    product_category_name_english: r.categoryNameEnglish,
  }),
};
