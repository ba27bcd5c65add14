// Turns one parsed row (an array of cells in header order) into a typed record, or names the first bad
// column and why. One validator per file kind; all of them share a FieldChecker to avoid per-row churn.
import { FieldChecker, type FieldProblem } from './olist-fields';
import {
  ORDER_STATUSES,
  PAYMENT_TYPES,
  type OlistFileKind,
  type OrderStatus,
  type PaymentType,
} from './olist-files';
import type { OlistRecordByKind, OlistOrderReview } from './olist-records';

const ORDER_STATUS_SET: ReadonlySet<string> = new Set(ORDER_STATUSES);
const PAYMENT_TYPE_SET: ReadonlySet<string> = new Set(PAYMENT_TYPES);
const MAX_MEASURE = 1_000_000;

export type RowValidation<K extends OlistFileKind> =
  { ok: true; record: OlistRecordByKind[K] } | { ok: false; problem: FieldProblem };

type Build<K extends OlistFileKind> = (f: FieldChecker) => OlistRecordByKind[K];

const BUILDERS: { [K in OlistFileKind]: Build<K> } = {
  customers: (f) => ({
    customerId: f.id(0),
    customerUniqueId: f.id(1),
    zipCodePrefix: f.zipPrefix(2),
    city: f.text(3),
    state: f.state(4),
  }),
  orders: (f) => ({
    orderId: f.id(0),
    customerId: f.id(1),
    status: f.oneOf<OrderStatus>(2, ORDER_STATUS_SET, 'order status'),
    purchaseTimestamp: f.timestamp(3),
    approvedAt: f.optionalTimestamp(4),
    deliveredCarrierDate: f.optionalTimestamp(5),
    deliveredCustomerDate: f.optionalTimestamp(6),
    estimatedDeliveryDate: f.timestamp(7),
  }),
  order_items: (f) => ({
    orderId: f.id(0),
    orderItemId: f.integer(1, 1, 10_000),
    productId: f.id(2),
    sellerId: f.id(3),
    shippingLimitDate: f.timestamp(4),
    priceCents: f.moneyCents(5),
    freightValueCents: f.moneyCents(6),
  }),
  order_payments: (f) => ({
    orderId: f.id(0),
    paymentSequential: f.integer(1, 1, 10_000),
    paymentType: f.oneOf<PaymentType>(2, PAYMENT_TYPE_SET, 'payment type'),
    paymentInstallments: f.integer(3, 0, 1_000),
    paymentValueCents: f.moneyCents(4),
  }),
  order_reviews: (f) => ({
    reviewId: f.id(0),
    orderId: f.id(1),
    score: f.integer(2, 1, 5) as OlistOrderReview['score'],
    commentTitle: f.freeText(3),
    commentMessage: f.freeText(4),
    creationDate: f.timestamp(5),
    answerTimestamp: f.timestamp(6),
  }),
  products: (f) => ({
    productId: f.id(0),
    categoryName: f.category(1, false),
    nameLength: f.optionalInteger(2, 0, MAX_MEASURE),
    descriptionLength: f.optionalInteger(3, 0, MAX_MEASURE),
    photosQty: f.optionalInteger(4, 0, MAX_MEASURE),
    weightG: f.optionalInteger(5, 0, MAX_MEASURE),
    lengthCm: f.optionalInteger(6, 0, MAX_MEASURE),
    heightCm: f.optionalInteger(7, 0, MAX_MEASURE),
    widthCm: f.optionalInteger(8, 0, MAX_MEASURE),
  }),
  sellers: (f) => ({
    sellerId: f.id(0),
    zipCodePrefix: f.zipPrefix(1),
    city: f.text(2),
    state: f.state(3),
  }),
  geolocation: (f) => ({
    zipCodePrefix: f.zipPrefix(0),
    lat: f.coordinate(1, 90),
    lng: f.coordinate(2, 180),
    city: f.text(3),
    state: f.state(4),
  }),
  category_translation: (f) => ({
    categoryName: f.category(0, true) ?? '',
    categoryNameEnglish: f.category(1, true) ?? '',
  }),
};

export class OlistRowValidator<K extends OlistFileKind> {
  private readonly checker = new FieldChecker();
  private readonly build: Build<K>;

  constructor(readonly kind: K) {
    this.build = BUILDERS[kind] as Build<K>;
  }

  validate(cells: readonly string[]): RowValidation<K> {
    const record = this.build(this.checker.reset(cells));
    const problem = this.checker.problem;
    return problem === undefined ? { ok: true, record } : { ok: false, problem };
  }
}
