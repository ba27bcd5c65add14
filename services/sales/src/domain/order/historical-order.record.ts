import { Money } from '../money/money.value-object';
import { InvalidFieldError, MissingFieldError } from '../shared/domain-error';
import { olistLocalToInstant } from '../time/sao-paulo-time';
import { DuplicateLineNumberError, DuplicatePaymentSequentialError } from './order.errors';
import { OrderLine } from './order-line.value-object';
import { type OrderStatus, parseOrderStatus } from './order-status';
import { Payment, type PaymentType } from './payment.entity';

/** One row of olist_order_items_dataset.csv, without its order_id (the record groups them). */
export interface HistoricalOrderItemRecord {
  order_item_id: string | number;
  product_id: string;
  seller_id: string;
  shipping_limit_date: string;
  price: string;
  freight_value: string;
}

/** One row of olist_order_payments_dataset.csv, without its order_id. */
export interface HistoricalOrderPaymentRecord {
  payment_sequential: string | number;
  payment_type: string;
  payment_installments: string | number;
  payment_value: string;
}

/**
 * An order as the Olist files record it: its row of olist_orders_dataset.csv, with its item and
 * payment rows. Fields keep Olist's column names and text forms (local timestamps, decimal amounts)
 * so that an error can name the column; an empty or absent timestamp means "not recorded".
 */
export interface HistoricalOrderRecord {
  order_id: string;
  customer_id: string;
  order_status: string;
  order_purchase_timestamp: string;
  order_approved_at?: string | null;
  order_delivered_carrier_date?: string | null;
  order_delivered_customer_date?: string | null;
  order_estimated_delivery_date?: string | null;
  items: readonly HistoricalOrderItemRecord[];
  payments: readonly HistoricalOrderPaymentRecord[];
}

/** A historical record with every field parsed and validated; the anomalies are not judged yet. */
export interface ParsedHistoricalOrder {
  orderId: string;
  customerId: string;
  status: OrderStatus;
  purchasedAt: Date;
  approvedAt: Date | null;
  deliveredCarrierAt: Date | null;
  deliveredCustomerAt: Date | null;
  estimatedDeliveryDate: string | null;
  lines: OrderLine[];
  payments: Payment[];
}

/** Parses and validates a record; throws a specific SalesDomainError for truly invalid data. */
export function parseHistoricalOrder(record: HistoricalOrderRecord): ParsedHistoricalOrder {
  const orderId = text(record.order_id, 'order_id');
  const customerId = text(record.customer_id, 'customer_id');
  const status = parseOrderStatus(record.order_status, 'order_status');
  const purchasedAt = olistLocalToInstant(
    text(record.order_purchase_timestamp, 'order_purchase_timestamp'),
    'order_purchase_timestamp',
  );
  const lines = (record.items ?? []).map(
    (item) =>
      new OrderLine({
        lineNumber: integer(item.order_item_id, 'order_item_id'),
        productId: text(item.product_id, 'product_id'),
        sellerId: text(item.seller_id, 'seller_id'),
        shippingLimitAt: olistLocalToInstant(
          text(item.shipping_limit_date, 'shipping_limit_date'),
          'shipping_limit_date',
        ),
        price: Money.parse(text(item.price, 'price'), 'price'),
        freight: Money.parse(text(item.freight_value, 'freight_value'), 'freight_value'),
      }),
  );
  const seenLines = new Set<number>();
  for (const line of lines) {
    if (seenLines.has(line.lineNumber)) throw new DuplicateLineNumberError(orderId, line.lineNumber);
    seenLines.add(line.lineNumber);
  }
  const payments = (record.payments ?? []).map(
    (payment) =>
      new Payment({
        sequential: integer(payment.payment_sequential, 'payment_sequential'),
        type: text(payment.payment_type, 'payment_type') as PaymentType,
        installments: integer(payment.payment_installments, 'payment_installments'),
        value: Money.parse(text(payment.payment_value, 'payment_value'), 'payment_value'),
      }),
  );
  const seenPayments = new Set<number>();
  for (const payment of payments) {
    if (seenPayments.has(payment.sequential))
      throw new DuplicatePaymentSequentialError(orderId, payment.sequential);
    seenPayments.add(payment.sequential);
  }
  return {
    orderId,
    customerId,
    status,
    purchasedAt,
    approvedAt: optionalInstant(record.order_approved_at, 'order_approved_at'),
    deliveredCarrierAt: optionalInstant(record.order_delivered_carrier_date, 'order_delivered_carrier_date'),
    deliveredCustomerAt: optionalInstant(
      record.order_delivered_customer_date,
      'order_delivered_customer_date',
    ),
    estimatedDeliveryDate: optionalDate(
      record.order_estimated_delivery_date,
      'order_estimated_delivery_date',
    ),
    lines: [...lines].sort((a, b) => a.lineNumber - b.lineNumber),
    payments: [...payments].sort((a, b) => a.sequential - b.sequential),
  };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?: 00:00:00)?$/;

/**
 * A calendar date `YYYY-MM-DD` (Olist writes estimated delivery dates as `YYYY-MM-DD 00:00:00`).
 * Returns the date part only; throws InvalidFieldError on anything else or an impossible date.
 */
export function parseCalendarDate(value: string, field: string): string {
  const match = DATE.exec(value);
  if (match) {
    const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day) {
      return value.slice(0, 10);
    }
  }
  throw new InvalidFieldError(field, value, 'must be a date YYYY-MM-DD');
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new MissingFieldError(field);
  return value.trim();
}

function integer(value: unknown, field: string): number {
  const raw = typeof value === 'number' ? String(value) : value;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw.trim())) {
    throw new InvalidFieldError(field, value, 'must be a whole number');
  }
  return Number(raw.trim());
}

function isBlank(value: string | null | undefined): value is null | undefined | '' {
  return value == null || value.trim() === '';
}

function optionalInstant(value: string | null | undefined, field: string): Date | null {
  return isBlank(value) ? null : olistLocalToInstant(value.trim(), field);
}

function optionalDate(value: string | null | undefined, field: string): string | null {
  return isBlank(value) ? null : parseCalendarDate(value.trim(), field);
}
