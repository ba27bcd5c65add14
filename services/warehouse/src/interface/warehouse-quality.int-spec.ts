import { catalog, type EventEnvelope } from '@mercado/contracts';
import { INGESTED_FILE_KINDS, fileRejectedRowsParam, fileRowsReadParam, warehouseSuites } from '@mercado/quality';
import { warehouseScenario } from '../testing/warehouse-scenario.fixture';
import { eventually, startWarehouseTestService, type WarehouseTestService } from './testing/warehouse-service.test-harness';

/*
 * Data quality wired into the warehouse as main.ts starts it: the scripted history consumed from
 * Kafka triggers cheap runs, on-demand runs come through the HTTP API, and everything read back comes
 * from the quality schema of the service's own database.
 */

interface Problem {
  errors: Array<{ field: string; location: string; message: string }>;
}

describe('the warehouse’s data quality', () => {
  let warehouse: WarehouseTestService;
  const suites = warehouseSuites();
  const cheap = suites.flatMap((s) => s.expectations).filter((x) => x.cheap).length;
  const ingestion = suites.flatMap((s) => s.expectations).filter((x) => x.kind === 'expect_run_parameter_ratio_to_be_between').length;
  // What the main job's gate gives per file: here the orders file lost the 3 rejected rows.
  const perFile = Object.fromEntries(
    INGESTED_FILE_KINDS.flatMap((kind) => [
      [fileRejectedRowsParam(kind), kind === 'orders' ? 3 : 0],
      [fileRowsReadParam(kind), 100],
    ]),
  );

  beforeAll(async () => {
    // Cheap runs at most every half second; no schedule, so every full run here is an on-demand one.
    warehouse = await startWarehouseTestService({ QUALITY_BATCH_INTERVAL_MS: '500', QUALITY_SCHEDULE: 'false' });
    const producer = warehouse.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const events = warehouseScenario().flat();
    try {
      for (const event of events) {
        await producer.send({ topic: warehouse.topics[catalog.topicOf(event.type)]!, acks: -1, messages: [{ key: event.subject, value: JSON.stringify(event) }] });
      }
    } finally {
      await producer.disconnect();
    }
    const distinct = new Set(events.map((e: EventEnvelope) => e.id)).size;
    await eventually(
      'every event applied',
      async () => (await warehouse.sql<{ n: number }>(`SELECT coalesce(sum(events_applied), 0)::int AS n FROM dw_meta.freshness`))[0]!.n,
      (n) => n >= distinct,
    );
  });

  afterAll(async () => {
    await warehouse?.stop();
  });

  const request = async (method: string, path: string, scopes: string[] | null, body?: unknown) => {
    const headers: Record<string, string> = {};
    if (scopes) headers.authorization = `Bearer ${await warehouse.token(scopes)}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${warehouse.baseUrl}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const type = response.headers.get('content-type') ?? '';
    const text = await response.text();
    return { status: response.status, type, text, body: type.includes('json') ? (JSON.parse(text) as Record<string, unknown>) : undefined };
  };
  const read = ['warehouse:read'];
  const write = ['warehouse:write'];
  const ordersInWarehouse = async () => (await warehouse.sql<{ n: number }>(`SELECT count(*)::int AS n FROM dw.fact_orders`))[0]!.n;

  it('runs the cheap checks after applied batches and stores them with the trigger batch', async () => {
    const runs = await eventually(
      'a batch-triggered run',
      () => warehouse.sql<{ trigger: string; evaluated: number; skipped: number }>(`SELECT trigger, evaluated, skipped FROM quality.runs WHERE trigger = 'batch'`),
      (rows) => rows.length > 0,
    );
    // The ingestion shares need the import's row counts, which a batch run does not have.
    expect(ingestion).toBe(2 + INGESTED_FILE_KINDS.length);
    expect(runs[0]).toEqual({ trigger: 'batch', evaluated: cheap - ingestion, skipped: ingestion });
    const latest = await request('GET', '/quality?trigger=batch', read);
    expect(latest.status).toBe(200);
    const bySuite = latest.body!.suites as Array<{ suite: string; trigger: string; evaluated: number }>;
    expect(bySuite.map((s) => s.suite).sort()).toEqual(suites.map((s) => s.name).sort());
    expect(bySuite.every((s) => s.trigger === 'batch')).toBe(true);
  });

  it('runs every suite on demand with the import’s counts, stores the run and answers its score', async () => {
    const orders = await ordersInWarehouse();
    const answer = await request('POST', '/quality/runs', write, { params: { orders, imported_rows: 1_000, ...perFile }, inputs: { rejectedRows: 3, deadLetters: 0 } });
    expect(answer.status).toBe(201);
    const run = answer.body as { id: string; trigger: string; params: unknown; inputs: unknown; score: { value: number; evaluated: number; skipped: number }; failing: Array<{ expectationId: string }> };
    expect(run).toMatchObject({ trigger: 'on-demand', params: { orders, imported_rows: 1_000, ...perFile }, inputs: { rejectedRows: 3, deadLetters: 0 } });
    expect(run.score.evaluated).toBe(suites.reduce((n, s) => n + s.expectations.length, 0));
    expect(run.score.skipped).toBe(0);
    expect(run.score.value).toBeGreaterThan(0);
    expect(run.score.value).toBeLessThanOrEqual(1);
    expect(run.failing.map((f) => f.expectationId)).not.toContain('ingestion.rejected_rows:share');
    expect(run.failing.map((f) => f.expectationId)).not.toContain('fact_orders:row_count_equal');
    // The file that lost them is named; the other files' warnings pass.
    expect(run.failing.map((f) => f.expectationId).filter((id) => /^ingestion\.[a-z_]+\.rejected_rows:none$/.test(id))).toEqual(['ingestion.orders.rejected_rows:none']);
    const stored = await warehouse.sql(`SELECT trigger, score, rejected_rows::int AS rejected, dead_letters::int AS dead, params FROM quality.runs WHERE run_id = $1`, [run.id]);
    expect(stored).toEqual([{ trigger: 'on-demand', score: run.score.value, rejected: 3, dead: 0, params: { orders, imported_rows: 1_000, ...perFile } }]);
  });

  it('lowers the score below the gate when the import rejected too many rows, and counts an order the warehouse lacks', async () => {
    const orders = await ordersInWarehouse();
    const clean = (await request('POST', '/quality/runs', write, { params: { orders, imported_rows: 1_000 }, inputs: { rejectedRows: 0 } })).body as { score: { value: number } };
    const heavy = await request('POST', '/quality/runs', write, { params: { orders: orders + 1, imported_rows: 1_000 }, inputs: { rejectedRows: 200, deadLetters: 2 } });
    const run = heavy.body as { score: { value: number }; failing: Array<{ expectationId: string; observedValue: Record<string, unknown> }> };
    expect(run.score.value).toBeLessThan(0.95);
    expect(run.score.value).toBeLessThan(clean.score.value);
    const failing = Object.fromEntries(run.failing.map((f) => [f.expectationId, f.observedValue]));
    expect(failing['ingestion.rejected_rows:share']).toMatchObject({ numerator: 200, denominator: 1_000, ratio: 0.2 });
    expect(failing['ingestion.dead_letters:none']).toMatchObject({ numerator: 2 });
    expect(failing['fact_orders:row_count_equal']).toMatchObject({ rows: orders, expected: orders + 1 });
  });

  it('lists a defect among the failing expectations with a sample of the bad rows, and the latest run with its inputs', async () => {
    await warehouse.sql(`UPDATE dw.stg_seller SET zip_prefix = '1001' WHERE seller_id = 's1'`);
    const answer = await request('POST', '/quality/runs', write, { params: { imported_rows: 500 }, inputs: { rejectedRows: 1, deadLetters: 0 }, suites: ['staging', 'raw'] });
    expect(answer.status).toBe(201);
    expect((answer.body!.suites as Array<{ suite: string }>).map((s) => s.suite)).toEqual(['raw', 'staging']);
    const failing = await request('GET', '/quality/failing?suite=staging', read);
    expect(failing.status).toBe(200);
    const items = failing.body!.items as Array<{ suite: string; expectationId: string; status: string; unexpectedCount: number; sample: unknown[] }>;
    expect(items.find((i) => i.expectationId === 'stg_seller.zip_prefix:regex')).toMatchObject({
      suite: 'staging',
      status: 'failed',
      unexpectedCount: 1,
      sample: [{ zip_prefix: '1001', seller_id: 's1' }],
    });
    expect(items.every((i) => i.suite === 'staging')).toBe(true);
    const latest = await request('GET', '/quality', read);
    expect(latest.body!.latestRun).toMatchObject({ trigger: 'on-demand', inputs: { rejectedRows: 1, deadLetters: 0 }, params: { imported_rows: 500 }, suites: ['raw', 'staging'] });
    const staging = (latest.body!.suites as Array<{ suite: string; failed: number; score: number }>).find((s) => s.suite === 'staging')!;
    expect(staging.failed).toBeGreaterThanOrEqual(1);
    expect(staging.score).toBeLessThan(1);
    await warehouse.sql(`UPDATE dw.stg_seller SET zip_prefix = '01001' WHERE seller_id = 's1'`);
  });

  it('serves the data docs page naming every suite, with the run’s rejected rows and dead letters', async () => {
    const page = await request('GET', '/quality/docs', read);
    expect(page.status).toBe(200);
    expect(page.type).toContain('text/html');
    expect(page.text).toMatch(/^<!DOCTYPE html>/i);
    for (const suite of suites) expect(page.text).toContain(suite.name);
    expect(page.text).toContain('stg_seller.zip_prefix:regex');
    expect(page.text).toMatch(/<span data-rejected-rows>1<\/span>/);
    expect(page.text).toMatch(/<span data-dead-letters>0<\/span>/);
  });

  it('exports the latest score of each suite in /metrics', async () => {
    const text = await (await fetch(`${warehouse.baseUrl}/metrics`)).text();
    for (const suite of suites) expect(text).toMatch(new RegExp(`^quality_score\\{[^}]*suite="${suite.name}"[^}]*\\} [0-9.e-]+$`, 'm'));
    const staging = /^quality_score\{[^}]*suite="staging"[^}]*\} ([0-9.e-]+)$/m.exec(text)!;
    expect(Number(staging[1])).toBeLessThan(1);
    expect(text).toMatch(/^quality_overall_score(\{[^}]*\})? [0-9.e-]+$/m);
  });

  it('documents the routes in OpenAPI', async () => {
    const spec = (await request('GET', '/openapi.json', null)).body as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(spec.paths['/quality']!)).toEqual(['get']);
    expect(Object.keys(spec.paths['/quality/failing']!)).toEqual(['get']);
    expect(Object.keys(spec.paths['/quality/runs']!)).toEqual(['post']);
    expect(JSON.stringify(spec.paths['/quality/docs'])).toContain('text/html');
  });

  it('enforces the scopes: reads need warehouse:read, a run needs warehouse:write', async () => {
    expect((await request('GET', '/quality', null)).status).toBe(401);
    expect((await request('GET', '/quality', ['orders:read'])).status).toBe(403);
    expect((await request('GET', '/quality/failing', write)).status).toBe(403);
    expect((await request('GET', '/quality/docs', ['orders:read'])).status).toBe(403);
    expect((await request('POST', '/quality/runs', read, {})).status).toBe(403);
    expect((await request('POST', '/quality/runs', null, {})).status).toBe(401);
  });

  it('refuses a bad run request with problem+json naming each bad field, and runs nothing', async () => {
    const onDemandRuns = async () => (await warehouse.sql<{ n: number }>(`SELECT count(*)::int AS n FROM quality.runs WHERE trigger = 'on-demand'`))[0]!.n;
    const before = await onDemandRuns();
    const bad = await request('POST', '/quality/runs', write, {
      params: { orders: 'many', Imported: 3 },
      inputs: { rejectedRows: -1, deadLetters: 1.5, lost: 2 },
      suites: ['nope'],
    });
    expect(bad.status).toBe(400);
    expect(bad.type).toContain('application/problem+json');
    expect((bad.body as unknown as Problem).errors.map((e) => [e.location, e.field]).sort()).toEqual([
      ['body', '/inputs/deadLetters'],
      ['body', '/inputs/lost'],
      ['body', '/inputs/rejectedRows'],
      ['body', '/params/Imported'],
      ['body', '/params/orders'],
      ['body', '/suites/0'],
    ]);
    const badQuery = await request('GET', '/quality/failing?severity=fatal&suite=nope', read);
    expect(badQuery.status).toBe(400);
    expect((badQuery.body as unknown as Problem).errors.map((e) => e.field).sort()).toEqual(['severity', 'suite']);
    expect(await onDemandRuns()).toBe(before);
  });
});
