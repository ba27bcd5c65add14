import { readNdjson, type RouteDefinition } from '@mercado/service-kit';
import Joi from 'joi';
import { type OlistOrderRow, type ShipmentImportRecord } from '../../application/commands/import-shipments/import-shipments.command';
import { ImportShipmentsHandler } from '../../application/commands/import-shipments/import-shipments.handler';
import { type UnitOfWork } from '../../application/ports/unit-of-work.port';
import { SHIPMENTS_WRITE } from './shipment.routes';

/** The columns of Olist's orders file, as the NDJSON records carry them. */
const ORDER_COLUMNS = [
  'order_id',
  'customer_id',
  'order_status',
  'order_purchase_timestamp',
  'order_approved_at',
  'order_delivered_carrier_date',
  'order_delivered_customer_date',
  'order_estimated_delivery_date',
] as const;

/** Each column is text (as in the file) or null; the domain's parser judges the values. */
const recordShape = Joi.object(
  Object.fromEntries(ORDER_COLUMNS.map((column) => [column, Joi.string().allow('', null).max(200)])),
)
  .unknown(true)
  .options({ abortEarly: false, convert: false });

/** How many rejects an answer lists at most (all are counted). */
const MAX_REJECTS_LISTED = 10_000;

export interface ImportReport {
  received: number;
  /** Records that changed a shipment: created + merged. */
  accepted: number;
  created: number;
  merged: number;
  unchanged: number;
  rejected: number;
  rejects: ImportRejectView[];
  rejects_truncated: boolean;
  chunks: number;
}

export interface ImportRejectView {
  file: string;
  line: number;
  id: string | null;
  field: string | null;
  code: string;
  reason: string;
}

export function shipmentImportRoute(deps: { unitOfWork: UnitOfWork; chunkSize: number }): RouteDefinition {
  const importShipments = new ImportShipmentsHandler(deps.unitOfWork);
  return {
    method: 'post',
    path: '/imports/shipments',
    tags: ['imports'],
    summary: "Bulk import of Olist's orders file as shipment histories (NDJSON)",
    description:
      'One JSON object per line, one per row of olist_orders_dataset.csv with its columns as published (order_id, customer_id, order_status, order_purchase_timestamp, order_approved_at, order_delivered_carrier_date, order_delivered_customer_date, order_estimated_delivery_date; local São Paulo times as text). Streamed and applied in chunks, one transaction each with its outbox rows. A bad record is rejected with its line, the column at fault and the reason; the others go on. Re-running the same file changes nothing. `?file=` names the source in the rejects.',
    scopes: [SHIPMENTS_WRITE],
    body: { type: 'ndjson' },
    validate: { query: Joi.object({ file: Joi.string().max(200).default('request') }) },
    handler: async (req, res) => {
      const file = (req.query as { file: string }).file;
      const report: ImportReport = {
        received: 0,
        accepted: 0,
        created: 0,
        merged: 0,
        unchanged: 0,
        rejected: 0,
        rejects: [],
        rejects_truncated: false,
        chunks: 0,
      };
      const reject = (view: ImportRejectView) => {
        report.rejected += 1;
        if (report.rejects.length < MAX_REJECTS_LISTED) report.rejects.push(view);
        else report.rejects_truncated = true;
      };
      let chunk: ShipmentImportRecord[] = [];
      const flush = async () => {
        if (chunk.length === 0) return;
        const result = await importShipments.execute({ records: chunk });
        chunk = [];
        report.chunks += 1;
        report.created += result.created;
        report.merged += result.merged;
        report.accepted += result.created + result.merged;
        report.unchanged += result.unchanged;
        for (const r of result.rejected) {
          reject({ file, line: r.source?.line ?? 0, id: r.orderId, field: r.field, code: r.code, reason: r.reason });
        }
      };

      for await (const line of readNdjson(req)) {
        report.received += 1;
        if ('error' in line) {
          reject({ file, line: line.line, id: null, field: null, code: 'invalid-json', reason: line.error });
          continue;
        }
        const shape = recordShape.validate(line.value);
        if (shape.error || typeof line.value !== 'object' || line.value === null || Array.isArray(line.value)) {
          const detail = shape.error?.details[0];
          const field = detail && detail.path.length > 0 ? String(detail.path[0]) : null;
          const id = typeof (line.value as { order_id?: unknown })?.order_id === 'string' ? (line.value as { order_id: string }).order_id : null;
          reject({
            file,
            line: line.line,
            id,
            field,
            code: 'invalid-record',
            reason: shape.error?.details.map((d) => d.message).join('; ') ?? 'a record is a JSON object',
          });
          continue;
        }
        chunk.push({ source: { file, line: line.line }, row: line.value as OlistOrderRow });
        if (chunk.length >= deps.chunkSize) await flush();
      }
      await flush();
      res.json(report);
    },
  };
}
