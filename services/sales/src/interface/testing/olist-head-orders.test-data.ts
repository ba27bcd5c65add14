import { readFileSync } from 'node:fs';
import path from 'node:path';
import { olistRealDir } from '@mercado/testing';
import { type HistoricalOrderRecord } from '../../domain/order/historical-order.record';

/** Rows of a head file; these three files have no comma inside a field, so a split reads them. */
function rows(file: string): string[][] {
  const text = readFileSync(path.join(olistRealDir(), file), 'utf8');
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.replace(/\r$/, '').split(',').map((field) => field.replace(/^"|"$/g, '')));
}

/**
 * Real Olist orders from the head files, joined with the item and payment rows of the same orders
 * found in those heads (the heads are the first records of each file, so most orders come without
 * items or payments: real anomalies the import must take). `limit` orders, the joined ones first.
 */
export function olistHeadOrders(limit: number): HistoricalOrderRecord[] {
  const items = new Map<string, HistoricalOrderRecord['items'][number][]>();
  for (const [orderId, order_item_id, product_id, seller_id, shipping_limit_date, price, freight_value] of rows('olist_order_items_dataset.head.csv')) {
    const list = items.get(orderId!) ?? [];
    list.push({ order_item_id: order_item_id!, product_id: product_id!, seller_id: seller_id!, shipping_limit_date: shipping_limit_date!, price: price!, freight_value: freight_value! });
    items.set(orderId!, list);
  }
  const payments = new Map<string, HistoricalOrderRecord['payments'][number][]>();
  for (const [orderId, payment_sequential, payment_type, payment_installments, payment_value] of rows('olist_order_payments_dataset.head.csv')) {
    const list = payments.get(orderId!) ?? [];
    list.push({ payment_sequential: payment_sequential!, payment_type: payment_type!, payment_installments: payment_installments!, payment_value: payment_value! });
    payments.set(orderId!, list);
  }
  const orders = rows('olist_orders_dataset.head.csv').map(
    ([order_id, customer_id, order_status, purchase, approved, carrier, delivered, estimated]): HistoricalOrderRecord => ({
      order_id: order_id!,
      customer_id: customer_id!,
      order_status: order_status!,
      order_purchase_timestamp: purchase!,
      order_approved_at: approved!,
      order_delivered_carrier_date: carrier!,
      order_delivered_customer_date: delivered!,
      order_estimated_delivery_date: estimated!,
      items: items.get(order_id!) ?? [],
      payments: payments.get(order_id!) ?? [],
    }),
  );
  const joined = orders.filter((order) => order.items.length > 0 || order.payments.length > 0);
  const rest = orders.filter((order) => order.items.length === 0 && order.payments.length === 0);
  return [...joined, ...rest].slice(0, limit);
}

export function toNdjson(records: readonly unknown[]): string {
  return records.map((record) => JSON.stringify(record)).join('\n') + '\n';
}
