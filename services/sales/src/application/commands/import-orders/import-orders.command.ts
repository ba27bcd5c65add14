import { type HistoricalOrderRecord } from '../../../domain/order/historical-order.record';

export interface ImportOrdersCommand {
  /** Orders as recorded in the Olist files (a CSV adapter groups items and payments per order). */
  records: readonly HistoricalOrderRecord[];
}
