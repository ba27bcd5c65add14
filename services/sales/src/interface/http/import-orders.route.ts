import { joiToJsonSchema, readNdjson, type RouteDefinition } from '@mercado/service-kit';
import Joi from 'joi';
import { type ImportOrdersHandler } from '../../application/commands/import-orders/import-orders.handler';
import { type HistoricalOrderRecord } from '../../domain/order/historical-order.record';
import { checkHistoricalOrderRecord } from './historical-order.record-check';
import { historicalOrderRecordSchema } from './historical-order.record-schema';

/** One record the import did not take, by its line in the body. */
export interface ImportReject {
  line: number;
  orderId: string | null;
  /** `invalid-json`, `invalid-record`, a domain error code (`unknown-order-status`...) or `order-conflict`. */
  code: string;
  /** The field at fault: a record path (`items[0].product_id`) or the Olist column the domain names. */
  field: string | null;
  reason: string;
}

export interface ImportSummary {
  /** Non-blank lines read. */
  received: number;
  /** Orders written. */
  accepted: number;
  /** Records repeating an order already stored (or earlier in the body) with the same facts: no-ops. */
  duplicates: number;
  rejected: ImportReject[];
}

const rejectSchema = Joi.object({
  line: Joi.number().integer(),
  orderId: Joi.string().allow(null),
  code: Joi.string(),
  field: Joi.string().allow(null),
  reason: Joi.string(),
});
export const importSummarySchema = Joi.object({
  received: Joi.number().integer(),
  accepted: Joi.number().integer(),
  duplicates: Joi.number().integer(),
  rejected: Joi.array().items(rejectSchema),
});

export interface ImportRouteOptions {
  /** Records per transaction. */
  chunkSize: number;
  /** Largest body accepted (default 2gb; the body is streamed, never held whole). */
  limit?: string;
}

/**
 * `POST /imports/orders`: historical orders as NDJSON, streamed line by line and imported in chunks
 * (one transaction per chunk: orders, lines, payments, status history and outbox rows together).
 * Bad lines are reported with their line number while the others go on; the same body again is all
 * duplicates.
 */
export function importOrdersRoute(importOrders: ImportOrdersHandler, options: ImportRouteOptions): RouteDefinition {
  return {
    method: 'post',
    path: '/imports/orders',
    tags: ['imports'],
    summary: 'Import historical orders (NDJSON, one order with its items and payments per line)',
    description:
      'Content type application/x-ndjson. Each line is one JSON object (Olist column names and text values, local ' +
      'São Paulo times `YYYY-MM-DD HH:MM:SS`, amounts as decimal text). Answers a summary: accepted, duplicates ' +
      '(idempotent repeats) and every rejected record with its line, field and reason. A record with a known order id ' +
      'and different facts is rejected (`order-conflict`). Imported in chunks, one transaction each; after a failure ' +
      'the same body can be sent again.\n\nJSON Schema of a line:\n\n```json\n' +
      JSON.stringify(joiToJsonSchema(historicalOrderRecordSchema), null, 2) +
      '\n```\n\nExample line:\n\n```json\n' +
      JSON.stringify(recordExample) +
      '\n```',
    scopes: ['orders:write'],
    body: { type: 'ndjson', limit: options.limit ?? '2gb' },
    responses: { 200: { description: 'What was imported and what was rejected', schema: importSummarySchema } },
    handler: async (req, res) => {
      const summary: ImportSummary = { received: 0, accepted: 0, duplicates: 0, rejected: [] };
      let chunk: { line: number; record: HistoricalOrderRecord }[] = [];

      // Two stages: while one chunk's transaction runs (PostgreSQL's work), the next chunk is read,
      // checked and built (this process's work), so the two overlap; one transaction at a time, so
      // chunks commit in body order.
      let writing: Promise<void> = Promise.resolve();
      const flush = async (): Promise<void> => {
        if (chunk.length === 0) return;
        const batch = chunk;
        chunk = [];
        const prepared = importOrders.prepare({ records: batch.map((entry) => entry.record) });
        await writing;
        writing = importOrders.commit(prepared).then((result) => {
          summary.accepted += result.imported.length;
          summary.duplicates += result.unchanged.length;
          for (const rejection of result.rejected) {
            summary.rejected.push({
              line: batch[rejection.index]!.line,
              orderId: rejection.orderId,
              code: rejection.code,
              field: rejection.field,
              reason: rejection.reason,
            });
          }
        });
        // Awaited by the next flush or at the end; until then a failure must not count as unhandled.
        writing.catch(() => undefined);
      };

      try {
        for await (const entry of readNdjson(req)) {
          summary.received++;
          if ('error' in entry) {
            summary.rejected.push({ line: entry.line, orderId: null, code: 'invalid-json', field: null, reason: entry.error });
            continue;
          }
          const faults = checkHistoricalOrderRecord(entry.value);
          if (faults.length > 0) {
            const orderId = (entry.value as { order_id?: unknown } | null)?.order_id;
            for (const fault of faults) {
              summary.rejected.push({
                line: entry.line,
                orderId: typeof orderId === 'string' ? orderId : null,
                code: 'invalid-record',
                field: fault.field,
                reason: fault.reason,
              });
            }
            continue;
          }
          chunk.push({ line: entry.line, record: entry.value as HistoricalOrderRecord });
          if (chunk.length >= options.chunkSize) await flush();
        }
        await flush();
      } catch (error) {
        // A transaction still in flight finishes (or fails) before the answer goes out.
        await writing.catch(() => undefined);
        throw error;
      }
      await writing;
      summary.rejected.sort((a, b) => a.line - b.line);
      res.json(summary);
    },
  };
}

const recordExample = {
  order_id: 'e481f51cbdc54678b7cc49136f2d6af7',
  customer_id: '9ef432eb6251297304e76186b10a928d',
  order_status: 'delivered',
  order_purchase_timestamp: '2017-10-02 10:56:33',
  order_approved_at: '2017-10-02 11:07:15',
  order_delivered_carrier_date: '2017-10-04 19:55:00',
  order_delivered_customer_date: '2017-10-10 21:25:13',
  order_estimated_delivery_date: '2017-10-18 00:00:00',
  items: [
    {
      order_item_id: '1',
      product_id: '87285b34884572647811a353c7ac498a',
      seller_id: '3504c0cb71d7fa48d967e0e4c94d59d9',
      shipping_limit_date: '2017-10-06 11:07:15',
      price: '29.99',
      freight_value: '8.72',
    },
  ],
  payments: [{ payment_sequential: '1', payment_type: 'credit_card', payment_installments: '1', payment_value: '18.12' }],
};
