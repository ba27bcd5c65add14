import { InvalidFieldError, requireInstant, requireText } from '../shared/fulfillment-domain-error';

/** One line of an order as fulfillment needs it: who ships it and by when. */
export interface OrderLineShippingInfo {
  /** Olist `order_item_id`. */
  lineNumber: number;
  sellerId: string;
  /** The time by which the seller must hand the line to the carrier. */
  shippingLimitAt: Date;
}

/** A seller's deadline for the whole of its part of an order. */
export interface SellerShippingLimit {
  sellerId: string;
  /** The latest shipping limit of the seller's lines. */
  shippingLimitAt: Date;
  /** The order lines this seller ships, ascending. */
  lineNumbers: readonly number[];
}

/**
 * One deadline per seller: the latest shipping limit among its lines (a seller hands its lines over
 * together), sorted by seller id so that equal inputs give equal outputs.
 */
export function sellerShippingLimitsOf(lines: readonly OrderLineShippingInfo[]): SellerShippingLimit[] {
  const bySeller = new Map<string, { shippingLimitAt: Date; lineNumbers: number[] }>();
  const seenLines = new Set<number>();
  for (const line of lines) {
    if (!Number.isSafeInteger(line.lineNumber) || line.lineNumber < 1) {
      throw new InvalidFieldError('order_item_id', line.lineNumber, 'must be a positive integer');
    }
    if (seenLines.has(line.lineNumber)) {
      throw new InvalidFieldError('order_item_id', line.lineNumber, 'is repeated in the order');
    }
    seenLines.add(line.lineNumber);
    const sellerId = requireText(line.sellerId, 'seller_id');
    const limit = requireInstant(line.shippingLimitAt, 'shipping_limit_date');
    const entry = bySeller.get(sellerId);
    if (!entry) {
      bySeller.set(sellerId, { shippingLimitAt: limit, lineNumbers: [line.lineNumber] });
    } else {
      if (limit.getTime() > entry.shippingLimitAt.getTime()) entry.shippingLimitAt = limit;
      entry.lineNumbers.push(line.lineNumber);
    }
  }
  return [...bySeller.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([sellerId, entry]) => ({
      sellerId,
      shippingLimitAt: entry.shippingLimitAt,
      lineNumbers: [...entry.lineNumbers].sort((a, b) => a - b),
    }));
}

export function sameShippingLimits(
  a: readonly SellerShippingLimit[],
  b: readonly SellerShippingLimit[],
): boolean {
  return (
    a.length === b.length &&
    a.every((limit, index) => {
      const other = b[index]!;
      return (
        limit.sellerId === other.sellerId &&
        limit.shippingLimitAt.getTime() === other.shippingLimitAt.getTime() &&
        limit.lineNumbers.length === other.lineNumbers.length &&
        limit.lineNumbers.every((line, i) => line === other.lineNumbers[i])
      );
    })
  );
}
