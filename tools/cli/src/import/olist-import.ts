// `mercado import <dir>`: streams the nine Olist files through the reader, sends each file's good rows to
// the owning service's bulk import endpoint as NDJSON (contexts in parallel), and writes every row that
// could not be taken (by the reader, by the import's own rules — a repeated natural key, a line or payment
// of no order — or by a service) to one rejects report.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { OLIST_FILES, type OlistFileKind } from '../olist/olist-files';
import type { OlistReject, OlistRecordByKind } from '../olist/olist-records';
import { RepeatedKeyCheck } from '../olist/olist-natural-keys';
import { readOlistFile } from '../olist/olist-reader';
import { formatReject } from '../olist/rejects-report';
import { resolveOlistFiles } from '../oracle/load-raw-olist';
import { UploadError, uploadNdjson, type SourcedRecord, type UploadSummary } from './ndjson-upload';
import { toOlistText, type OlistTextRow } from './olist-text';

export interface ServiceEndpoints {
  sales: string;
  customer: string;
  fulfillment: string;
  marketplace: string;
  warehouse: string;
}

export interface FileImportSummary {
  file: string;
  target: string;
  read: number;
  /** Rows the import refused itself: the reader's (bad values, broken quoting) and repeated natural keys. */
  rejectedByReader: number;
  sent: number;
  accepted: number;
  unchanged: number;
  /** Rows the service refused (cross-record rules, conflicts). */
  rejectedByService: number;
  seconds: number;
}

export interface ImportSummary {
  files: FileImportSummary[];
  rejectsReport: string;
  seconds: number;
  rowsRead: number;
  rowsPerSecond: number;
}

export interface ImportOptions {
  dir: string;
  endpoints: ServiceEndpoints;
  token: string;
  rejectsPath: string;
  chunkSize?: number;
  progress?: (line: string) => void;
}

/** Where each file goes. Orders go twice: to sales (with their lines and payments) and to fulfillment. */
export const IMPORT_ROUTES: ReadonlyArray<{
  kind: OlistFileKind;
  service: keyof ServiceEndpoints;
  path: string;
}> = [
  { kind: 'category_translation', service: 'marketplace', path: '/imports/translations' },
  { kind: 'products', service: 'marketplace', path: '/imports/products' },
  { kind: 'sellers', service: 'marketplace', path: '/imports/sellers' },
  { kind: 'customers', service: 'customer', path: '/imports/customers' },
  { kind: 'orders', service: 'sales', path: '/imports/orders' },
  { kind: 'orders', service: 'fulfillment', path: '/imports/shipments' },
  { kind: 'order_reviews', service: 'customer', path: '/imports/reviews' },
  { kind: 'geolocation', service: 'warehouse', path: '/imports/geolocation' },
];

class RejectsWriter {
  private constructor(
    readonly path: string,
    private readonly out: WriteStream,
  ) {}

  static async open(file: string): Promise<RejectsWriter> {
    const out = createWriteStream(file, { encoding: 'utf8' });
    await once(out, 'open');
    return new RejectsWriter(file, out);
  }

  async write(reject: OlistReject): Promise<void> {
    if (!this.out.write(formatReject(reject, 'ndjson'))) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve, reject) =>
      this.out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
  }
}

function withoutOrderId(row: OlistTextRow): OlistTextRow {
  const { order_id: _orderId, ...rest } = row;
  return rest;
}

type Sourced = { line: number; row: OlistTextRow };
type Grouped = Map<string, { items: Sourced[]; payments: Sourced[] }>;

export async function importOlist(options: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const files = resolveOlistFiles(options.dir);
  const rejects = await RejectsWriter.open(options.rejectsPath);
  const progress = options.progress ?? (() => undefined);
  const summaries: FileImportSummary[] = [];
  const chunkSize = options.chunkSize ?? 5_000;

  /**
   * Reads one file: good rows as records with their Olist text, rejects to the report; counts both. A row
   * repeating the natural key of an earlier row is rejected (rule R1, as the oracle): the first row counts.
   */
  async function* readGood<K extends OlistFileKind>(kind: K, counters: { read: number; rejected: number }) {
    const repeats = new RepeatedKeyCheck(files[kind], kind);
    for await (const result of readOlistFile(path.join(options.dir, files[kind]), kind, {
      label: files[kind],
    })) {
      counters.read++;
      if (result.kind === 'reject') {
        counters.rejected++;
        await rejects.write(result);
        continue;
      }
      const record = result.record as OlistRecordByKind[K];
      const row = toOlistText[kind](record);
      const repeat = repeats.check(result.line, row);
      if (repeat !== null) {
        counters.rejected++;
        await rejects.write(repeat);
        continue;
      }
      yield { line: result.line, record, row };
    }
  }

  async function send(
    kind: OlistFileKind,
    service: keyof ServiceEndpoints,
    routePath: string,
    records: (counters: { read: number; rejected: number }) => AsyncIterable<SourcedRecord>,
  ): Promise<void> {
    const fileStarted = Date.now();
    const counters = { read: 0, rejected: 0 };
    const url = `${options.endpoints[service]}${routePath}`;
    const label = `${files[kind]} → ${service}`;
    const result: UploadSummary = await uploadNdjson(records(counters), {
      url,
      token: options.token,
      chunkSize,
      onProgress: (s) =>
        progress(
          `${label}: ${s.sent} sent, ${s.accepted} accepted, ${s.unchanged} unchanged, ${s.rejected.length} rejected`,
        ),
    });
    for (const reject of (
      result as UploadSummary & {
        rejected: Array<{ sourceLine?: number; field?: string | null; reason: string; value?: unknown }>;
      }
    ).rejected) {
      await rejects.write({
        kind: 'reject',
        file: files[kind],
        line: reject.sourceLine ?? 0,
        column: reject.field ?? null,
        value: reject.value === undefined ? '' : String(reject.value),
        reason: `${service}: ${reject.reason}`,
      });
    }
    summaries.push({
      file: files[kind],
      target: `${service} ${routePath}`,
      read: counters.read,
      rejectedByReader: counters.rejected,
      sent: result.sent,
      accepted: result.accepted,
      unchanged: result.unchanged,
      rejectedByService: result.rejected.length,
      seconds: (Date.now() - fileStarted) / 1000,
    });
  }

  const plain = <K extends OlistFileKind>(kind: K) =>
    async function* (counters: { read: number; rejected: number }): AsyncIterable<SourcedRecord> {
      for await (const { line, row } of readGood(kind, counters)) {
        yield { sourceLine: line, payload: row };
      }
    };

  // Lines and payments are grouped by order in memory (about 60 MiB at the real dataset's size) so
  // that each order travels with them; everything else streams.
  async function groupLinesAndPayments(): Promise<Grouped> {
    const grouped: Grouped = new Map();
    const entry = (orderId: string) => {
      let found = grouped.get(orderId);
      if (!found) grouped.set(orderId, (found = { items: [], payments: [] }));
      return found;
    };
    for (const [kind, key] of [
      ['order_items', 'items'],
      ['order_payments', 'payments'],
    ] as const) {
      const counters = { read: 0, rejected: 0 };
      // readGood drops a repeated (order_id, order_item_id) or (order_id, payment_sequential): sales would
      // refuse the whole order.
      for await (const { line, record, row } of readGood(kind, counters)) {
        entry(record.orderId)[key].push({ line, row });
      }
      summaries.push({
        file: files[kind],
        target: 'sales /imports/orders (with their orders)',
        read: counters.read,
        rejectedByReader: counters.rejected,
        sent: counters.read - counters.rejected,
        accepted: counters.read - counters.rejected,
        unchanged: 0,
        rejectedByService: 0,
        seconds: 0,
      });
    }
    return grouped;
  }

  const contexts: Array<Promise<void>> = [
    (async () => {
      await send(
        'category_translation',
        'marketplace',
        '/imports/translations',
        plain('category_translation'),
      );
      await Promise.all([
        send('products', 'marketplace', '/imports/products', plain('products')),
        send('sellers', 'marketplace', '/imports/sellers', plain('sellers')),
      ]);
    })(),
    (async () => {
      await send('customers', 'customer', '/imports/customers', plain('customers'));
      await send('order_reviews', 'customer', '/imports/reviews', plain('order_reviews'));
    })(),
    (async () => {
      const grouped = await groupLinesAndPayments();
      await send('orders', 'sales', '/imports/orders', async function* (counters) {
        for await (const { line, record, row } of readGood('orders', counters)) {
          const joined = grouped.get(record.orderId);
          grouped.delete(record.orderId);
          yield {
            sourceLine: line,
            payload: {
              ...row,
              // The nested rows travel without their order_id: the order carries it.
              items: (joined?.items ?? []).map((s) => withoutOrderId(s.row)),
              payments: (joined?.payments ?? []).map((s) => withoutOrderId(s.row)),
            },
          };
        }
        // Lines and payments whose order is not in the orders file cannot be taken: report them.
        for (const [orderId, orphans] of grouped) {
          for (const kind of ['order_items', 'order_payments'] as const) {
            for (const orphan of kind === 'order_items' ? orphans.items : orphans.payments) {
              await rejects.write({
                kind: 'reject',
                file: files[kind],
                line: orphan.line,
                column: 'order_id',
                value: orderId,
                reason: 'no order with this order_id in the orders file',
              });
            }
          }
        }
      });
    })(),
    send('orders', 'fulfillment', '/imports/shipments', plain('orders')),
    send('geolocation', 'warehouse', '/imports/geolocation', plain('geolocation')).catch((error: unknown) => {
      // Geolocation is reference data for distances only: a warehouse without the endpoint still takes
      // everything else, and says so.
      if (error instanceof UploadError && error.status === 404) {
        progress(`${files.geolocation} → warehouse: no geolocation import endpoint; distances stay unknown`);
        return;
      }
      throw error;
    }),
  ];
  const outcomes = await Promise.allSettled(contexts);
  await rejects.close();
  const failures = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failures.length > 0) {
    throw new Error(
      `import failed:\n${failures.map((f) => `  ${f.reason instanceof Error ? f.reason.message : String(f.reason)}`).join('\n')}`,
    );
  }
  const seconds = (Date.now() - started) / 1000;
  const order = IMPORT_ROUTES.map((r) => OLIST_FILES[r.kind].fileName);
  summaries.sort(
    (a, b) => order.indexOf(a.file.replace('.head', '')) - order.indexOf(b.file.replace('.head', '')),
  );
  const rowsRead = summaries
    .filter((s) => !s.target.startsWith('fulfillment'))
    .reduce((sum, s) => sum + s.read, 0);
  return {
    files: summaries,
    rejectsReport: rejects.path,
    seconds,
    rowsRead,
    rowsPerSecond: rowsRead / Math.max(seconds, 0.001),
  };
}

export function formatImportSummary(summary: ImportSummary): string {
  const header = `${'file'.padEnd(42)} ${'to'.padEnd(34)} ${'read'.padStart(8)} ${'accepted'.padStart(9)} ${'unchanged'.padStart(9)} ${'rejected'.padStart(9)}`;
  const rows = summary.files.map(
    (f) =>
      `${f.file.padEnd(42)} ${f.target.padEnd(34)} ${String(f.read).padStart(8)} ${String(f.accepted).padStart(9)} ${String(f.unchanged).padStart(9)} ${String(f.rejectedByReader + f.rejectedByService).padStart(9)}`,
  );
  return [
    header,
    ...rows,
    `${summary.rowsRead} rows read in ${summary.seconds.toFixed(1)} s (${Math.round(summary.rowsPerSecond)} rows/s); rejects: ${summary.rejectsReport}`,
  ].join('\n');
}
