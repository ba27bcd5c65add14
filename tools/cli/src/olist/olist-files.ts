// The nine files of the Olist dataset: their published names and exact header columns. The reader and the
// synthetic generator share this table so that one code path serves both.

export const OLIST_FILE_KINDS = [
  'customers',
  'orders',
  'order_items',
  'order_payments',
  'order_reviews',
  'products',
  'sellers',
  'geolocation',
  'category_translation',
] as const;

export type OlistFileKind = (typeof OLIST_FILE_KINDS)[number];

export interface OlistFileSpec {
  readonly kind: OlistFileKind;
  readonly fileName: string;
  readonly columns: readonly string[];
  /** Only the reviews carry free text that may legitimately span several physical lines. */
  readonly multiLineFields: boolean;
}

export const OLIST_FILES: Readonly<Record<OlistFileKind, OlistFileSpec>> = {
  customers: {
    kind: 'customers',
    fileName: 'olist_customers_dataset.csv',
    columns: [
      'customer_id',
      'customer_unique_id',
      'customer_zip_code_prefix',
      'customer_city',
      'customer_state',
    ],
    multiLineFields: false,
  },
  orders: {
    kind: 'orders',
    fileName: 'olist_orders_dataset.csv',
    columns: [
      'order_id',
      'customer_id',
      'order_status',
      'order_purchase_timestamp',
      'order_approved_at',
      'order_delivered_carrier_date',
      'order_delivered_customer_date',
      'order_estimated_delivery_date',
    ],
    multiLineFields: false,
  },
  order_items: {
    kind: 'order_items',
    fileName: 'olist_order_items_dataset.csv',
    columns: [
      'order_id',
      'order_item_id',
      'product_id',
      'seller_id',
      'shipping_limit_date',
      'price',
      'freight_value',
    ],
    multiLineFields: false,
  },
  order_payments: {
    kind: 'order_payments',
    fileName: 'olist_order_payments_dataset.csv',
    columns: ['order_id', 'payment_sequential', 'payment_type', 'payment_installments', 'payment_value'],
    multiLineFields: false,
  },
  order_reviews: {
    kind: 'order_reviews',
    fileName: 'olist_order_reviews_dataset.csv',
    columns: [
      'review_id',
      'order_id',
      'review_score',
      'review_comment_title',
      'review_comment_message',
      'review_creation_date',
      'review_answer_timestamp',
    ],
    multiLineFields: true,
  },
  products: {
    kind: 'products',
    fileName: 'olist_products_dataset.csv',
    columns: [
      'product_id',
      'product_category_name',
      'product_name_lenght',
      'product_description_lenght',
      'product_photos_qty',
      'product_weight_g',
      'product_length_cm',
      'product_height_cm',
      'product_width_cm',
    ],
    multiLineFields: false,
  },
  sellers: {
    kind: 'sellers',
    fileName: 'olist_sellers_dataset.csv',
    columns: ['seller_id', 'seller_zip_code_prefix', 'seller_city', 'seller_state'],
    multiLineFields: false,
  },
  geolocation: {
    kind: 'geolocation',
    fileName: 'olist_geolocation_dataset.csv',
    columns: [
      'geolocation_zip_code_prefix',
      'geolocation_lat',
      'geolocation_lng',
      'geolocation_city',
      'geolocation_state',
    ],
    multiLineFields: false,
  },
  category_translation: {
    kind: 'category_translation',
    fileName: 'product_category_name_translation.csv',
    columns: ['product_category_name', 'product_category_name_english'],
    multiLineFields: false,
  },
};

export const ORDER_STATUSES = [
  'created',
  'approved',
  'invoiced',
  'processing',
  'shipped',
  'delivered',
  'canceled',
  'unavailable',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const PAYMENT_TYPES = ['credit_card', 'boleto', 'voucher', 'debit_card', 'not_defined'] as const;
export type PaymentType = (typeof PAYMENT_TYPES)[number];

/** The 27 federative units of Brazil (26 states and the Federal District). */
export const BRAZILIAN_STATES = [
  'AC', 'AL', 'AM', 'AP', 'BA', 'CE', 'DF', 'ES', 'GO', 'MA', 'MG', 'MS', 'MT', 'PA',
  'PB', 'PE', 'PI', 'PR', 'RJ', 'RN', 'RO', 'RR', 'RS', 'SC', 'SE', 'SP', 'TO',
] as const; // prettier-ignore
export type BrazilianState = (typeof BRAZILIAN_STATES)[number];

/** Which file kind a published file name belongs to, or undefined. */
export function olistKindOfFileName(fileName: string): OlistFileKind | undefined {
  for (const kind of OLIST_FILE_KINDS) {
    if (OLIST_FILES[kind].fileName === fileName) return kind;
  }
  return undefined;
}
