// The main job's quality gate: once the platform has drained, asks the warehouse for an on-demand run
// of every quality suite with what the import knows (the orders it published, the rows it read and
// rejected, in all and per file) and the events the services dead-lettered, prints the score, and fails
// below 95 % with the failing expectations. The warehouse judges; this module only gathers the figures.
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { OLIST_FILE_KINDS, OLIST_FILES, olistKindOfFileName, type OlistFileKind } from '../olist/olist-files';
import type { ImportSummary } from '../import/olist-import';

export const QUALITY_GATE_THRESHOLD = 0.95;
const LISTED = 20;

/**
 * The body of POST /quality/runs. Besides `orders` and `imported_rows`, `params` has per file kind
 * `rows_read_<kind>` and `rejected_rows_<kind>`, which the raw suite's `ingestion.<kind>.rejected_rows:none`
 * compare (packages/quality fileRowsReadParam, fileRejectedRowsParam).
 */
export interface QualityRunRequest {
  params: { orders: number; imported_rows: number } & Record<string, number>;
  inputs: { rejectedRows: number; deadLetters: number };
}

/** The file kind of a file name of the import (published name, or its `.head.csv` excerpt). */
function kindOfFile(file: string): OlistFileKind | undefined {
  return olistKindOfFileName(path.basename(file).replace(/\.head\.csv$/, '.csv'));
}

export interface FailingExpectation {
  suite: string;
  expectationId: string;
  kind: string;
  table: string;
  severity: string;
  status: string;
  unexpectedCount: number | null;
  elementCount: number | null;
  observedValue: Record<string, unknown>;
  error?: string;
}

/** What the warehouse answers (the part the gate reads). */
export interface QualityRunAnswer {
  id: string;
  score: {
    value: number;
    evaluated: number;
    passed: number;
    failed: number;
    errored: number;
    skipped: number;
  };
  inputs: { rejectedRows: number; deadLetters: number };
  failing: FailingExpectation[];
}

export class QualityGateFailedError extends Error {
  constructor(
    readonly answer: QualityRunAnswer,
    readonly threshold: number,
  ) {
    super(
      answer.score.evaluated === 0
        ? 'quality gate failed: no expectation was evaluated'
        : `quality gate failed: score ${percent(answer.score.value)} is below ${percent(threshold)}`,
    );
    this.name = 'QualityGateFailedError';
  }
}

function percent(value: number): string {
  return `${(value * 100).toFixed(2)} %`;
}

/**
 * Orders the import published: the rows of the orders file the sales service holds (read minus
 * rejected; a repeated order id is among the rejected, as the import keeps the first row of a key).
 */
export function ordersPublished(summary: ImportSummary): number {
  const orders = summary.files.filter(
    (f) =>
      path.basename(f.file).replace('.head', '') === OLIST_FILES.orders.fileName &&
      f.target.startsWith('sales '),
  );
  return orders.reduce((sum, f) => sum + f.read - f.rejectedByReader - f.rejectedByService, 0);
}

/**
 * Rejected CSV rows: the distinct (file, line) pairs of the NDJSON rejects report, so that a row
 * refused by two services, or for two columns, counts once, and orphan lines count too.
 */
export async function countRejectedRows(reportPath: string): Promise<number> {
  let total = 0;
  for (const count of (await countRejectedRowsByFile(reportPath)).values()) total += count;
  return total;
}

/** The same distinct rows, per file as the report names it. */
export async function countRejectedRowsByFile(reportPath: string): Promise<Map<string, number>> {
  const rows = new Map<string, Set<number | string>>();
  const lines = createInterface({
    input: createReadStream(reportPath, { encoding: 'utf8' }),
    crlfDelay: Infinity,
  });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const reject = JSON.parse(line) as { file?: string; line?: number };
    const file = reject.file ?? '';
    let seen = rows.get(file);
    if (seen === undefined) rows.set(file, (seen = new Set()));
    seen.add(reject.line ?? '');
  }
  return new Map([...rows].map(([file, seen]) => [file, seen.size]));
}

/**
 * `rows_read_<kind>` (the file's rows the import read; the orders file is read twice, once counted) and
 * `rejected_rows_<kind>` (its distinct rejected rows) for every file kind, 0 for a file not imported.
 */
export function perFileParams(
  summary: ImportSummary,
  rejectedByFile: ReadonlyMap<string, number>,
): Record<string, number> {
  const read = new Map<OlistFileKind, number>();
  for (const f of summary.files) {
    const kind = kindOfFile(f.file);
    if (kind !== undefined) read.set(kind, Math.max(read.get(kind) ?? 0, f.read));
  }
  const rejected = new Map<OlistFileKind, number>();
  for (const [file, count] of rejectedByFile) {
    const kind = kindOfFile(file);
    if (kind !== undefined) rejected.set(kind, (rejected.get(kind) ?? 0) + count);
  }
  return Object.fromEntries(
    OLIST_FILE_KINDS.flatMap((kind) => [
      [`rows_read_${kind}`, read.get(kind) ?? 0],
      [`rejected_rows_${kind}`, rejected.get(kind) ?? 0],
    ]),
  );
}

/** Σ messaging_events_dead_lettered_total in one Prometheus text exposition. */
export function deadLettersIn(metricsText: string): number {
  let total = 0;
  for (const line of metricsText.split('\n')) {
    const match = /^messaging_events_dead_lettered_total(?:\{[^}]*\})?\s+(\S+)/.exec(line);
    if (match && Number.isFinite(Number(match[1]))) total += Number(match[1]);
  }
  return total;
}

export function qualityRunRequest(
  summary: ImportSummary,
  rejectedRows: number,
  deadLetters: number,
  rejectedByFile: ReadonlyMap<string, number> = new Map(),
): QualityRunRequest {
  return {
    params: {
      orders: ordersPublished(summary),
      imported_rows: summary.rowsRead,
      ...perFileParams(summary, rejectedByFile),
    },
    inputs: { rejectedRows, deadLetters },
  };
}

function describe(failing: FailingExpectation): string {
  const where = `${failing.suite}/${failing.expectationId} (${failing.kind} on ${failing.table})`;
  if (failing.status === 'error')
    return `[${failing.severity}] ${where}: the check failed to run: ${failing.error ?? ''}`;
  const what =
    failing.unexpectedCount !== null
      ? `${failing.unexpectedCount} of ${failing.elementCount ?? 0} unexpected`
      : `observed ${JSON.stringify(failing.observedValue)}`;
  return `[${failing.severity}] ${where}: ${what}`;
}

/** The lines printed for a run: the score and inputs, and the failing expectations when the gate fails. */
export function formatQualityGate(answer: QualityRunAnswer, threshold = QUALITY_GATE_THRESHOLD): string[] {
  const passed = answer.score.evaluated > 0 && answer.score.value >= threshold;
  const { score, inputs } = answer;
  const lines = [
    `Data quality: ${percent(score.value)} (${passed ? 'passes' : 'FAILS'} the ${percent(threshold)} gate; ` +
      `${score.passed} passed, ${score.failed} failed, ${score.errored} errored, ${score.skipped} skipped; run ${answer.id})`,
    `  inputs: ${inputs.rejectedRows} rejected CSV rows, ${inputs.deadLetters} dead-lettered events`,
  ];
  if (!passed && answer.failing.length > 0) {
    lines.push('  failing expectations, heaviest first:');
    for (const failing of answer.failing.slice(0, LISTED)) lines.push(`    - ${describe(failing)}`);
    if (answer.failing.length > LISTED)
      lines.push(`    ... and ${answer.failing.length - LISTED} more (GET /quality/failing)`);
  }
  return lines;
}

/** Orders the warehouse holds: the executive dashboard's orders over every purchase date. */
async function warehouseOrders(warehouseUrl: string, token: string): Promise<number> {
  const response = await fetch(`${warehouseUrl}/warehouse/executive/kpis?from=2016-01-01&to=2030-12-31`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`warehouse KPIs answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { orders: number }).orders;
}

export interface SettleOptions {
  warehouseUrl: string;
  token: string;
  /** The orders the import published. */
  expected: number;
  timeoutMs?: number;
  intervalMs?: number;
  /** Consecutive looks with the same count that end the wait short of `expected` (10, a second apart). */
  stableLooks?: number;
}

/**
 * Waits until the warehouse holds the published orders, or its count stops moving (an order lost on the
 * way, a dead-lettered event, keeps it short for good), or the timeout: the outboxes and lags the drain watches can read zero
 * while an event chain (sales → fulfillment → sales → warehouse) is still under way, and a run then
 * would report orders that are merely late. Answers the counts seen first and last.
 */
export async function waitForWarehouseOrders(
  options: SettleOptions,
): Promise<{ first: number; last: number; seconds: number }> {
  const started = Date.now();
  const first = await warehouseOrders(options.warehouseUrl, options.token);
  let last = first;
  let same = 1;
  while (
    last < options.expected &&
    same < (options.stableLooks ?? 10) &&
    Date.now() - started < (options.timeoutMs ?? 120_000)
  ) {
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 1_000));
    const now = await warehouseOrders(options.warehouseUrl, options.token);
    same = now === last ? same + 1 : 1;
    last = now;
  }
  return { first, last, seconds: (Date.now() - started) / 1000 };
}

export interface QualityGateOptions {
  warehouseUrl: string;
  /** Every service, for their dead-lettered event counters. */
  serviceUrls: string[];
  token: string;
  summary: ImportSummary;
  threshold?: number;
  say: (line: string) => void;
  /** How the wait for late orders looks (tests shorten it). */
  settle?: Pick<SettleOptions, 'timeoutMs' | 'intervalMs' | 'stableLooks'>;
}

/** Runs the gate: prints the score, throws QualityGateFailedError below the threshold. */
export async function enforceQualityGate(options: QualityGateOptions): Promise<QualityRunAnswer> {
  const threshold = options.threshold ?? QUALITY_GATE_THRESHOLD;
  const [rejectedByFile, deadLetters] = await Promise.all([
    countRejectedRowsByFile(options.summary.rejectsReport),
    Promise.all(
      options.serviceUrls.map(async (url) => deadLettersIn(await (await fetch(`${url}/metrics`)).text())),
    ).then((counts) => counts.reduce((sum, n) => sum + n, 0)),
  ]);
  let rejectedRows = 0;
  for (const count of rejectedByFile.values()) rejectedRows += count;
  const request = qualityRunRequest(options.summary, rejectedRows, deadLetters, rejectedByFile);
  const settled = await waitForWarehouseOrders({
    warehouseUrl: options.warehouseUrl,
    token: options.token,
    expected: request.params.orders,
    ...options.settle,
  });
  if (settled.last !== settled.first)
    options.say(
      `The warehouse was still applying orders: ${settled.first} → ${settled.last} of ${request.params.orders} in ${settled.seconds.toFixed(1)} s.`,
    );
  const response = await fetch(`${options.warehouseUrl}/quality/runs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  if (response.status !== 201)
    throw new Error(`warehouse quality run answered ${response.status}: ${await response.text()}`);
  const answer = (await response.json()) as QualityRunAnswer;
  options.say('');
  for (const line of formatQualityGate(answer, threshold)) options.say(line);
  if (!(answer.score.evaluated > 0 && answer.score.value >= threshold))
    throw new QualityGateFailedError(answer, threshold);
  return answer;
}
