import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ImportSummary } from '../import/olist-import';
import { OLIST_FILE_KINDS } from '../olist/olist-files';
import {
  countRejectedRows,
  countRejectedRowsByFile,
  deadLettersIn,
  enforceQualityGate,
  formatQualityGate,
  ordersPublished,
  QualityGateFailedError,
  qualityRunRequest,
  type QualityRunAnswer,
} from './quality-gate';

/** The per-file run parameters: every kind read 0 and rejected 0 unless given. */
const perFile = (given: Record<string, number> = {}) => ({
  ...Object.fromEntries(
    OLIST_FILE_KINDS.flatMap((kind) => [
      [`rows_read_${kind}`, 0],
      [`rejected_rows_${kind}`, 0],
    ]),
  ),
  rows_read_customers: 100,
  rows_read_orders: 50,
  rows_read_order_items: 60,
  ...given,
});

const file = (
  name: string,
  target: string,
  read: number,
  rejectedByReader: number,
  rejectedByService: number,
) => ({
  file: name,
  target,
  read,
  rejectedByReader,
  sent: read - rejectedByReader,
  accepted: read - rejectedByReader - rejectedByService,
  unchanged: 0,
  rejectedByService,
  seconds: 1,
});

function summary(rejectsReport: string): ImportSummary {
  return {
    files: [
      file('olist_customers_dataset.csv', 'customer /imports/customers', 100, 2, 0),
      file('olist_orders_dataset.csv', 'sales /imports/orders', 50, 3, 1),
      file('olist_orders_dataset.csv', 'fulfillment /imports/shipments', 50, 3, 4),
      file('olist_order_items_dataset.csv', 'sales /imports/orders (with their orders)', 60, 1, 0),
    ],
    rejectsReport,
    seconds: 2,
    rowsRead: 210,
    rowsPerSecond: 105,
  };
}

const answer = (value: number, failing: QualityRunAnswer['failing'] = []): QualityRunAnswer => ({
  id: 'run-1',
  score: {
    value,
    evaluated: 189,
    passed: 189 - failing.length,
    failed: failing.length,
    errored: 0,
    skipped: 0,
  },
  inputs: { rejectedRows: 7, deadLetters: 1 },
  failing,
});
const rejectedShare = {
  suite: 'raw',
  expectationId: 'ingestion.rejected_rows:share',
  kind: 'expect_run_parameter_ratio_to_be_between',
  table: 'quality.runs',
  severity: 'error',
  status: 'failed',
  unexpectedCount: null,
  elementCount: null,
  observedValue: { ratio: 0.2 },
};
const badZip = {
  ...rejectedShare,
  suite: 'staging',
  expectationId: 'stg_seller.zip_prefix:regex',
  kind: 'expect_column_values_to_match_regex',
  table: 'dw.stg_seller',
  unexpectedCount: 2,
  elementCount: 40,
};

describe('the figures the gate gathers', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'quality-gate-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('publishes as orders the orders file’s rows the sales service holds, and the rows read', () => {
    expect(ordersPublished(summary('x'))).toBe(46);
    const headOnly = {
      ...summary('x'),
      files: [file('olist_orders_dataset.head.csv', 'sales /imports/orders', 10, 0, 0)],
    };
    expect(ordersPublished(headOnly)).toBe(10);
    expect(qualityRunRequest(summary('x'), 7, 1)).toEqual({
      params: { orders: 46, imported_rows: 210, ...perFile() },
      inputs: { rejectedRows: 7, deadLetters: 1 },
    });
  });

  it('gives each file kind its rows read (the orders file once) and its rejected rows, excerpts included', () => {
    const rejected = new Map([
      ['olist_orders_dataset.csv', 4],
      ['olist_order_items_dataset.head.csv', 2],
      ['elsewhere.csv', 9],
    ]);
    const request = qualityRunRequest(summary('x'), 15, 0, rejected);
    expect(request.params).toEqual({
      orders: 46,
      imported_rows: 210,
      ...perFile({ rejected_rows_orders: 4, rejected_rows_order_items: 2 }),
    });
    expect(Object.keys(request.params).every((name) => /^[a-z_][a-z0-9_]*$/.test(name))).toBe(true);
  });

  it('counts each rejected row once, whatever the services and columns that refused it', async () => {
    const report = path.join(dir, 'rejects.ndjson');
    const reject = (file: string, line: number, reason: string) =>
      JSON.stringify({ file, line, column: 'x', value: '', reason });
    await writeFile(
      report,
      [
        reject('olist_orders_dataset.csv', 10, 'sales: bad'),
        reject('olist_orders_dataset.csv', 10, 'fulfillment: bad'),
        reject('olist_orders_dataset.csv', 11, 'bad date'),
        reject('olist_order_items_dataset.csv', 10, 'no order with this order_id in the orders file'),
        '',
      ].join('\n'),
    );
    expect(await countRejectedRows(report)).toBe(3);
    expect(await countRejectedRowsByFile(report)).toEqual(
      new Map([
        ['olist_orders_dataset.csv', 2],
        ['olist_order_items_dataset.csv', 1],
      ]),
    );
    const empty = path.join(dir, 'empty.ndjson');
    await writeFile(empty, '');
    expect(await countRejectedRows(empty)).toBe(0);
  });

  it('sums the dead-lettered event counters of a metrics page', () => {
    const text = [
      '# HELP messaging_events_dead_lettered_total events sent to a dead-letter topic',
      'messaging_events_dead_lettered_total{topic="sales.order.v1",consumer="warehouse",reason="schema-violation"} 2',
      'messaging_events_dead_lettered_total{topic="x",consumer="y",reason="z"} 3',
      'messaging_events_consumed_total{topic="x"} 100',
    ].join('\n');
    expect(deadLettersIn(text)).toBe(5);
    expect(deadLettersIn('')).toBe(0);
  });

  it('prints the score and inputs, and the failing expectations only when the gate fails', () => {
    expect(formatQualityGate(answer(0.9912, [badZip]))).toEqual([
      'Data quality: 99.12 % (passes the 95.00 % gate; 188 passed, 1 failed, 0 errored, 0 skipped; run run-1)',
      '  inputs: 7 rejected CSV rows, 1 dead-lettered events',
    ]);
    expect(formatQualityGate(answer(0.89, [rejectedShare, badZip])).slice(2)).toEqual([
      '  failing expectations, heaviest first:',
      '    - [error] raw/ingestion.rejected_rows:share (expect_run_parameter_ratio_to_be_between on quality.runs): observed {"ratio":0.2}',
      '    - [error] staging/stg_seller.zip_prefix:regex (expect_column_values_to_match_regex on dw.stg_seller): 2 of 40 unexpected',
    ]);
    const many = answer(
      0.5,
      Array.from({ length: 25 }, (_, i) => ({ ...badZip, expectationId: `e${i}` })),
    );
    expect(formatQualityGate(many).at(-1)).toBe('    ... and 5 more (GET /quality/failing)');
    expect(formatQualityGate({ ...answer(1), score: { ...answer(1).score, evaluated: 0 } })[0]).toContain(
      'FAILS',
    );
  });
});

describe('enforceQualityGate', () => {
  let server: http.Server;
  let url: string;
  let dir: string;
  let reply: QualityRunAnswer;
  /** The warehouse's order counts, one per look (46 once they run out). */
  let ordersSeen: number[] = [];
  let runStatus = 201;
  const settle = { intervalMs: 1, timeoutMs: 5_000, stableLooks: 3 };
  const received: Array<{ path: string; auth: string | undefined; body: unknown }> = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'quality-gate-'));
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({
          path: `${req.method} ${req.url}`,
          auth: req.headers.authorization,
          body: body ? JSON.parse(body) : undefined,
        });
        if (req.url === '/metrics') res.end('messaging_events_dead_lettered_total{topic="a"} 1\n');
        else if (req.url?.startsWith('/warehouse/executive/kpis'))
          res
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify({ orders: ordersSeen.shift() ?? 46 }));
        else if (req.url === '/quality/runs')
          res.writeHead(runStatus, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
        else res.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it('asks the warehouse for a run with the import’s figures and the services’ dead letters, and passes at 95 % or more', async () => {
    const report = path.join(dir, 'rejects.ndjson');
    await writeFile(report, `${JSON.stringify({ file: 'a.csv', line: 2 })}\n`);
    reply = answer(0.95);
    const said: string[] = [];
    received.length = 0;
    ordersSeen = [40, 44];
    await expect(
      enforceQualityGate({
        warehouseUrl: url,
        serviceUrls: [url, url],
        token: 't0k',
        summary: summary(report),
        say: (l) => said.push(l),
        settle,
      }),
    ).resolves.toEqual(reply);
    expect(received.filter((r) => r.path === 'GET /metrics')).toHaveLength(2);
    expect(received.find((r) => r.path === 'POST /quality/runs')).toEqual({
      path: 'POST /quality/runs',
      auth: 'Bearer t0k',
      body: {
        params: { orders: 46, imported_rows: 210, ...perFile() },
        inputs: { rejectedRows: 1, deadLetters: 2 },
      },
    });
    expect(received.filter((r) => r.path.startsWith('GET /warehouse/executive/kpis'))).toHaveLength(3);
    expect(said[0]).toMatch(/^The warehouse was still applying orders: 40 → 46 of 46 in [\d.]+ s\.$/);
    expect(said[2]).toMatch(/^Data quality: 95\.00 % \(passes/);
  });

  it('fails below the threshold after printing the failing expectations', async () => {
    const report = path.join(dir, 'none.ndjson');
    await writeFile(report, '');
    reply = answer(0.9499, [rejectedShare]);
    const said: string[] = [];
    // An order lost on the way keeps the warehouse one short: the wait ends once the count stops moving.
    ordersSeen = [45, 45, 45, 45, 45, 45];
    received.length = 0;
    const gate = enforceQualityGate({
      warehouseUrl: url,
      serviceUrls: [],
      token: 't',
      summary: summary(report),
      say: (l) => said.push(l),
      settle,
    });
    await expect(gate).rejects.toThrow(QualityGateFailedError);
    await expect(gate).rejects.toThrow('quality gate failed: score 94.99 % is below 95.00 %');
    expect(said.join('\n')).toContain('raw/ingestion.rejected_rows:share');
    expect(said.join('\n')).not.toContain('still applying');
    expect(received.filter((r) => r.path.startsWith('GET /warehouse/executive/kpis'))).toHaveLength(3);
  });

  it('reports a warehouse that does not answer its KPIs or a run', async () => {
    const report = path.join(dir, 'nothing.ndjson');
    await writeFile(report, '');
    const gate = (warehouseUrl: string) =>
      enforceQualityGate({
        warehouseUrl,
        serviceUrls: [],
        token: 't',
        summary: summary(report),
        say: () => undefined,
        settle,
      });
    await expect(gate(`${url}/nowhere`)).rejects.toThrow(/warehouse KPIs answered 404/);
    runStatus = 503;
    await expect(gate(url)).rejects.toThrow(/warehouse quality run answered 503/);
    runStatus = 201;
  });
});
