import { expectations as e } from '../../../domain/expectation/expectation.builders';
import { defineSuite } from '../../../domain/suite/suite';
import { InMemoryQuality } from '../../testing/in-memory-quality.test-double';
import { metrics, rows, ScriptedExecutor } from '../../testing/scripted-executor.test-double';
import { RunQualitySuitesHandler } from './run-quality-suites.handler';

const orders = defineSuite({
  name: 'fact_orders',
  layer: 'fact',
  schema: 'dw',
  expectations: [
    ...e.key('fact_orders', ['order_id'], { cheap: true }),
    e.between('fact_orders', 'gmv', { minValue: 0 }, { severity: 'warning' }),
    e.rowCountEqual('fact_orders', { param: 'orders' }),
  ],
});
const marts = defineSuite({ name: 'mart', layer: 'mart', schema: 'dw', expectations: [e.rowCountBetween('mart_x', { minValue: 1 }, { cheap: true })] });

function setup(script: ConstructorParameters<typeof ScriptedExecutor>[0]) {
  let tick = 0;
  let id = 0;
  const executor = new ScriptedExecutor(script);
  const store = new InMemoryQuality();
  const handler = new RunQualitySuitesHandler({
    executor,
    store,
    clock: () => new Date(Date.UTC(2024, 0, 1, 0, 0, 0, 10 * tick++)),
    newId: () => `id-${++id}`,
  });
  return { executor, store, handler };
}

describe('RunQualitySuitesHandler', () => {
  it('runs every expectation in one snapshot, judges, scores and stores the run', async () => {
    const { executor, store, handler } = setup((x) => (x.kind === 'expect_table_row_count_to_equal' ? metrics({ rows: 5 }) : x.kind === 'expect_table_row_count_to_be_between' ? metrics({ rows: 0 }) : rows(5, 0)));
    const run = await handler.execute({ suites: [orders, marts], trigger: 'schedule', params: { orders: 5 }, inputs: { rejectedRows: 2 } });
    expect(executor.snapshots).toBe(1);
    expect(executor.measured).toEqual(['fact_orders.order_id:not_null', 'fact_orders.order_id:unique', 'fact_orders.gmv:between', 'fact_orders:row_count_equal', 'mart_x:row_count']);
    expect(run).toMatchObject({ id: 'id-3', trigger: 'schedule', params: { orders: 5 }, inputs: { rejectedRows: 2, deadLetters: 0 } });
    expect(run.suites.map((s) => [s.id, s.suite, s.layer, s.score.value])).toEqual([
      ['id-1', 'fact_orders', 'fact', 1],
      ['id-2', 'mart', 'mart', 0],
    ]);
    // Passed: three errors and a warning (10); failed: the mart's error (3).
    expect(run.score.value).toBeCloseTo(10 / 13);
    expect(run.finishedAt.getTime()).toBeGreaterThan(run.startedAt.getTime());
    expect(run.suites[0]!.results[0]!.durationMs).toBe(10);
    expect(store.runs).toHaveLength(1);
    expect(store.runs[0]!.id).toBe(run.id);
  });

  it('runs only the cheap subset after a batch', async () => {
    const { executor, handler } = setup(() => rows(1, 0));
    const run = await handler.execute({ suites: [orders], trigger: 'batch' });
    expect(executor.measured).toEqual(['fact_orders.order_id:not_null', 'fact_orders.order_id:unique']);
    expect(run.score.evaluated).toBe(2);
  });

  it('turns a check that cannot run into an error result and goes on', async () => {
    const { handler } = setup((x) =>
      x.id === 'fact_orders.order_id:unique' ? new Error('canceling statement due to statement timeout') : x.kind === 'expect_table_row_count_to_equal' ? metrics({ rows: 3 }) : rows(3, 0),
    );
    const run = await handler.execute({ suites: [orders], trigger: 'on-demand', params: { orders: 3 } });
    const statuses = run.suites[0]!.results.map((r) => [r.expectationId, r.status]);
    expect(statuses).toContainEqual(['fact_orders.order_id:unique', 'error']);
    expect(statuses).toContainEqual(['fact_orders.gmv:between', 'passed']);
    expect(run.score.failing[0]).toMatchObject({ status: 'error', error: 'canceling statement due to statement timeout' });
  });

  it('skips an expectation whose run parameter was not supplied, without querying', async () => {
    const { executor, handler } = setup(() => rows(1, 0));
    const run = await handler.execute({ suites: [orders], trigger: 'schedule' });
    expect(executor.measured).not.toContain('fact_orders:row_count_equal');
    expect(run.suites[0]!.results.find((r) => r.expectationId === 'fact_orders:row_count_equal')).toMatchObject({ status: 'skipped', error: 'run parameter "orders" was not supplied' });
    expect(run.score).toMatchObject({ skipped: 1, evaluated: 3, value: 1 });
  });

  it('judges the run inputs as run values, keeping them out of the stored params', async () => {
    const ingestion = defineSuite({
      name: 'raw',
      layer: 'raw',
      expectations: [e.runParameterRatioBetween('quality.runs', 'rejected_rows', 'imported_rows', { maxValue: 0.01 }, { id: 'rejected', weight: 20 })],
    });
    const { handler } = setup(() => metrics({}));
    const heavy = await handler.execute({ suites: [ingestion], trigger: 'on-demand', params: { imported_rows: 1000 }, inputs: { rejectedRows: 50 } });
    expect(heavy.params).toEqual({ imported_rows: 1000 });
    expect(heavy.suites[0]!.results[0]).toMatchObject({ status: 'failed', observedValue: { numerator: 50, denominator: 1000, ratio: 0.05 } });
    const without = await handler.execute({ suites: [ingestion], trigger: 'on-demand', inputs: { rejectedRows: 50 } });
    expect(without.suites[0]!.results[0]).toMatchObject({ status: 'skipped', error: 'run parameter "imported_rows" was not supplied' });
  });

  it('refuses bad commands before measuring anything', async () => {
    const { executor, handler } = setup(() => rows(1, 0));
    await expect(handler.execute({ suites: [orders], trigger: 'hourly' as never })).rejects.toThrow(/unknown trigger "hourly"/);
    await expect(handler.execute({ suites: [orders, orders], trigger: 'schedule' })).rejects.toThrow(/same name/);
    await expect(handler.execute({ suites: [orders], trigger: 'schedule', inputs: { deadLetters: -1 } })).rejects.toThrow(/deadLetters/);
    await expect(handler.execute({ suites: [orders], trigger: 'schedule', params: { orders: Number.POSITIVE_INFINITY } })).rejects.toThrow(/orders/);
    expect(executor.snapshots).toBe(0);
  });

  it('uses the system clock and random ids by default', async () => {
    const store = new InMemoryQuality();
    const run = await new RunQualitySuitesHandler({ executor: new ScriptedExecutor(() => rows(1, 0)), store }).execute({ suites: [marts], trigger: 'schedule' });
    expect(run.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Math.abs(run.startedAt.getTime() - Date.now())).toBeLessThan(60_000);
  });
});
