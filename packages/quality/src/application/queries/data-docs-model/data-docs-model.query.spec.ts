import { expectations as e } from '../../../domain/expectation/expectation.builders';
import { defineSuite } from '../../../domain/suite/suite';
import { RunQualitySuitesHandler } from '../../commands/run-quality-suites/run-quality-suites.handler';
import { InMemoryQuality } from '../../testing/in-memory-quality.test-double';
import { rows, ScriptedExecutor } from '../../testing/scripted-executor.test-double';
import { buildDataDocsModel } from './data-docs-model.query';

describe('buildDataDocsModel', () => {
  it('gathers the suites, the latest run and results, and each history', async () => {
    const a = defineSuite({ name: 'a', layer: 'fact', schema: 'dw', expectations: [e.notNull('t', 'x')] });
    const b = defineSuite({ name: 'b', layer: 'mart', schema: 'dw', expectations: [e.notNull('u', 'y')] });
    const store = new InMemoryQuality();
    let unexpected = 1;
    const handler = new RunQualitySuitesHandler({ executor: new ScriptedExecutor(() => rows(4, unexpected)), store });
    await handler.execute({ suites: [a], trigger: 'schedule' });
    unexpected = 0;
    await handler.execute({ suites: [a], trigger: 'on-demand', inputs: { deadLetters: 3 } });

    const model = await buildDataDocsModel(store, [a, b], { clock: () => new Date('2024-02-02T00:00:00Z'), historyLimit: 5 });
    expect(model.title).toBe('Mercado warehouse data quality');
    expect(model.generatedAt.toISOString()).toBe('2024-02-02T00:00:00.000Z');
    expect(model.suites).toEqual([a, b]);
    expect(model.latestRun).toMatchObject({ trigger: 'on-demand', inputs: { rejectedRows: 0, deadLetters: 3 }, score: 1 });
    expect(model.suiteRuns.map((s) => s.suite)).toEqual(['a']);
    expect(model.results.map((r) => [r.suite, r.expectationId, r.status])).toEqual([['a', 't.x:not_null', 'passed']]);
    expect(model.history.a!.map((p) => p.score)).toEqual([0, 1]);
    expect(model.history.b).toEqual([]);
    expect(model.overallHistory).toHaveLength(2);

    const titled = await buildDataDocsModel(store, [a], { title: 'Staging check' });
    expect(titled.title).toBe('Staging check');
  });
});
