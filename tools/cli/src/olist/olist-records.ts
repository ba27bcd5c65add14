import type { BrazilianState, OlistFileKind, OrderStatus, PaymentType } from './olist-files';

/**
 * A local Brazilian time exactly as published, `YYYY-MM-DD HH:MM:SS`, without a zone: Olist's times are
 * America/Sao_Paulo wall-clock times. The importer attaches the zone when it stores them.
 */
export type OlistLocalTimestamp = string;

export interface OlistCustomer {
  customerId: string;
  customerUniqueId: string;
  /** Five digits as text: leading zeros are significant. */
  zipCodePrefix: string;
  /** As published: not normalised (may be NFD, may read `sao paulo / sp`). */
  city: string;
  state: BrazilianState;
}

export interface OlistOrder {
  orderId: string;
  customerId: string;
  status: OrderStatus;
  purchaseTimestamp: OlistLocalTimestamp;
  approvedAt: OlistLocalTimestamp | null;
  deliveredCarrierDate: OlistLocalTimestamp | null;
  deliveredCustomerDate: OlistLocalTimestamp | null;
  estimatedDeliveryDate: OlistLocalTimestamp;
}

export interface OlistOrderItem {
  orderId: string;
  /** The line number inside the order: 1, 2, ... */
  orderItemId: number;
  productId: string;
  sellerId: string;
  shippingLimitDate: OlistLocalTimestamp;
  /** BRL in integer cents. */
  priceCents: number;
  freightValueCents: number;
}

export interface OlistOrderPayment {
  orderId: string;
  paymentSequential: number;
  paymentType: PaymentType;
  paymentInstallments: number;
  /** BRL in integer cents. */
  paymentValueCents: number;
}

export interface OlistOrderReview {
  reviewId: string;
  orderId: string;
  score: 1 | 2 | 3 | 4 | 5;
  commentTitle: string | null;
  /** Free text as published, line breaks (CRLF) included. */
  commentMessage: string | null;
  creationDate: OlistLocalTimestamp;
  answerTimestamp: OlistLocalTimestamp;
}

export interface OlistProduct {
  productId: string;
  categoryName: string | null;
  nameLength: number | null;
  descriptionLength: number | null;
  photosQty: number | null;
  weightG: number | null;
  lengthCm: number | null;
  heightCm: number | null;
  widthCm: number | null;
}

export interface OlistSeller {
  sellerId: string;
  zipCodePrefix: string;
  city: string;
  state: BrazilianState;
}

export interface OlistGeolocation {
  zipCodePrefix: string;
  lat: number;
  lng: number;
  city: string;
  state: BrazilianState;
}

export interface OlistCategoryTranslation {
  categoryName: string;
  categoryNameEnglish: string;
}

export interface OlistRecordByKind {
  customers: OlistCustomer;
  orders: OlistOrder;
  order_items: OlistOrderItem;
  order_payments: OlistOrderPayment;
  order_reviews: OlistOrderReview;
  products: OlistProduct;
  sellers: OlistSeller;
  geolocation: OlistGeolocation;
  category_translation: OlistCategoryTranslation;
}

/** A row that passed validation. `line` is the physical line where the record starts (header = line 1). */
export interface OlistAcceptedRow<K extends OlistFileKind = OlistFileKind> {
  kind: 'record';
  file: string;
  line: number;
  record: OlistRecordByKind[K];
}

/**
 * A row that did not: where it starts (physical line, 1-based, header = line 1), which column (null when the
 * row as a whole is broken, e.g. quoting or field count), the offending value and a reason a person can act on.
 */
export interface OlistReject {
  kind: 'reject';
  file: string;
  line: number;
  column: string | null;
  value: string;
  reason: string;
}

export type OlistReadResult<K extends OlistFileKind = OlistFileKind> = OlistAcceptedRow<K> | OlistReject;
