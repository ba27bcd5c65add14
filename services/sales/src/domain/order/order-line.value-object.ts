import { type Money } from '../money/money.value-object';
import { InvalidFieldError, MissingFieldError } from '../shared/domain-error';

export interface OrderLineProps {
  /** Olist's order_item_id: 1..n inside the order; a product bought twice is two lines. */
  lineNumber: number;
  productId: string;
  sellerId: string;
  /** The seller's deadline to hand the line to the carrier. */
  shippingLimitAt: Date;
  price: Money;
  freight: Money;
}

/** One line of an order. Immutable; price and freight are never negative. */
export class OrderLine {
  readonly lineNumber: number;
  readonly productId: string;
  readonly sellerId: string;
  readonly shippingLimitAt: Date;
  readonly price: Money;
  readonly freight: Money;

  constructor(props: OrderLineProps) {
    this.lineNumber = requirePositiveInteger(props.lineNumber, 'order_item_id');
    this.productId = requireText(props.productId, 'product_id');
    this.sellerId = requireText(props.sellerId, 'seller_id');
    this.shippingLimitAt = requireDate(props.shippingLimitAt, 'shipping_limit_date');
    this.price = props.price.assertNonNegative('price');
    this.freight = props.freight.assertNonNegative('freight_value');
  }

  get total(): Money {
    return this.price.add(this.freight);
  }

  equals(other: OrderLine): boolean {
    return (
      this.lineNumber === other.lineNumber &&
      this.productId === other.productId &&
      this.sellerId === other.sellerId &&
      this.shippingLimitAt.getTime() === other.shippingLimitAt.getTime() &&
      this.price.equals(other.price) &&
      this.freight.equals(other.freight)
    );
  }
}

export function requireText(value: string, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new MissingFieldError(field);
  return value;
}

export function requirePositiveInteger(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new InvalidFieldError(field, value, 'must be a positive integer');
  }
  return value;
}

export function requireDate(value: Date, field: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new InvalidFieldError(field, value, 'must be a valid instant');
  }
  return value;
}
