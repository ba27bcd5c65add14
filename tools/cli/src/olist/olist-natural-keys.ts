// The natural key of each Olist file and the rule both the importer and the oracle apply to it (R1): a row
// repeating the key of an earlier row of the same file is rejected, the first row (lowest line) counts.
// Without it a service takes the repeat as an idempotent repeat or an update, and nothing reports it.
import type { OlistFileKind } from './olist-files';
import type { OlistReject } from './olist-records';

/** Key columns per file, as published. Geolocation has none: many samples per zip prefix, all kept. */
export const OLIST_NATURAL_KEYS: Readonly<Record<OlistFileKind, readonly string[] | null>> = {
  customers: ['customer_id'],
  orders: ['order_id'],
  order_items: ['order_id', 'order_item_id'],
  order_payments: ['order_id', 'payment_sequential'],
  order_reviews: ['review_id', 'order_id'],
  products: ['product_id'],
  sellers: ['seller_id'],
  geolocation: null,
  category_translation: ['product_category_name'],
};

/** The reject's reason up to the first line's number, worded alike by the importer and the oracle (in SQL). */
export function repeatedKeyReasonPrefix(columns: readonly string[]): string {
  return `duplicate ${columns.join(', ')}: repeats the key of line `;
}

/**
 * Remembers the keys of one read of one file (ids only, with the line each was first seen on: memory grows
 * with the rows of the file, not with their size) and rejects a row whose key was seen before.
 */
export class RepeatedKeyCheck {
  private readonly firstLine = new Map<string, number>();
  private readonly columns: readonly string[] | null;

  constructor(
    readonly file: string,
    kind: OlistFileKind,
  ) {
    this.columns = OLIST_NATURAL_KEYS[kind];
  }

  /** The reject when `row` (published column names → text) repeats an earlier key; null when the key is new. */
  check(line: number, row: Readonly<Record<string, string>>): OlistReject | null {
    const columns = this.columns;
    if (columns === null) return null;
    const key = columns.length === 1 ? row[columns[0]!]! : columns.map((column) => row[column]).join(',');
    const first = this.firstLine.get(key);
    if (first === undefined) {
      this.firstLine.set(key, line);
      return null;
    }
    return {
      kind: 'reject',
      file: this.file,
      line,
      column: columns.join(','),
      value: key,
      reason: `${repeatedKeyReasonPrefix(columns)}${first}`,
    };
  }
}
