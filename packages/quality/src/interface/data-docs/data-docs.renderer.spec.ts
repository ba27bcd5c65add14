import { expectations as e } from '../../domain/expectation/expectation.builders';
import { defineSuite } from '../../domain/suite/suite';
import { RunQualitySuitesHandler } from '../../application/commands/run-quality-suites/run-quality-suites.handler';
import { buildDataDocsModel } from '../../application/queries/data-docs-model/data-docs-model.query';
import { InMemoryQuality } from '../../application/testing/in-memory-quality.test-double';
import { metrics, rows, ScriptedExecutor } from '../../application/testing/scripted-executor.test-double';
import { attributeValues, htmlProblems } from '../testing/html-structure.test-double';
import { escapeHtml, renderDataDocs, sparkline } from './data-docs.renderer';

const orders = defineSuite({
  name: 'fact_orders',
  layer: 'fact',
  schema: 'dw',
  description: 'One row per order <placed>.',
  expectations: [
    ...e.key('fact_orders', ['order_id'], { cheap: true }),
    e.inSet('fact_orders', 'status', ['delivered', 'canceled'], { description: 'known statuses' }),
    e.rowCountEqual('fact_orders', { param: 'orders' }),
    e.meanBetween('fact_reviews', 'score', { minValue: 3.5 }, { severity: 'warning', rowCondition: [{ column: 'score', op: 'is_not_null' }] }),
    e.between('fact_orders', 'gmv', { minValue: 0 }, { mostly: 0.9 }),
  ],
});
const never = defineSuite({ name: 'mart_never', layer: 'mart', schema: 'dw', expectations: [e.notNull('mart_x', 'k')] });

async function model() {
  const store = new InMemoryQuality();
  let round = 0;
  const handler = new RunQualitySuitesHandler({
    store,
    executor: new ScriptedExecutor((x) => {
      if (x.id === 'fact_orders.status:in_set') return rows(10, 2, [{ order_id: 'o1', status: '<script>alert(1)</script>' }, { order_id: 'o2', status: null }]);
      if (x.kind === 'expect_column_mean_to_be_between') return metrics({ mean: round === 0 ? 4.2 : 3.1 });
      if (x.id === 'fact_orders.gmv:between') return new Error('relation "dw.fact_orders" does not exist');
      return rows(10, 0);
    }),
  });
  await handler.execute({ suites: [orders], trigger: 'schedule', inputs: { rejectedRows: 7, deadLetters: 5 } });
  round = 1;
  await handler.execute({ suites: [orders], trigger: 'on-demand', inputs: { rejectedRows: 7, deadLetters: 5 } });
  return buildDataDocsModel(store, [orders, never], { clock: () => new Date('2024-03-01T12:00:00Z') });
}

describe('renderDataDocs', () => {
  it('renders one well-formed, self-contained page', async () => {
    const html = renderDataDocs(await model());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(htmlProblems(html)).toEqual([]);
    expect(html).not.toMatch(/<script|<link|<img|\ssrc=|url\(|@import/i);
    expect(attributeValues(html, 'href').every((href) => href.startsWith('#'))).toBe(true);
  });

  it('shows each suite, each expectation, the latest results and the scores', async () => {
    const docs = await model();
    const html = renderDataDocs(docs);
    expect(attributeValues(html, 'data-suite')).toEqual(['fact_orders', 'mart_never']);
    expect(attributeValues(html, 'data-expectation')).toEqual([...orders.expectations.map((x) => x.id), 'mart_x.k:not_null']);
    const overall = Number(attributeValues(html, 'data-overall-score')[0]);
    expect(overall).toBeCloseTo(docs.latestRun!.score);
    expect(html).toContain(`${(docs.latestRun!.score * 100).toFixed(1)}%`);
    expect(html).toContain('not run yet');
    expect(html).toMatch(/class="status-failed" data-expectation="fact_orders.status:in_set"/);
    expect(html).toMatch(/class="status-skipped" data-expectation="fact_orders:row_count_equal"/);
    expect(html).toMatch(/class="status-not-run" data-expectation="mart_x.k:not_null"/);
    expect(html).toContain('2 of 10 (20.00%)');
    expect(html).toContain('relation &quot;dw.fact_orders&quot; does not exist');
    expect(html).toContain('{&quot;minValue&quot;:0,&quot;mostly&quot;:0.9}');
    expect(html).toContain('known statuses');
  });

  it('shows the samples escaped, nulls marked, and the ingestion inputs', async () => {
    const html = renderDataDocs(await model());
    expect(html).toContain('Sample of unexpected rows (2)');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('<span class="null">null</span>');
    expect(html).toContain('One row per order &lt;placed&gt;.');
    expect(html).toMatch(/<span data-rejected-rows>7<\/span>/);
    expect(html).toMatch(/<span data-dead-letters>5<\/span>/);
  });

  it('draws the score history as inline SVG sparklines', async () => {
    const html = renderDataDocs(await model());
    const svgs = html.match(/<svg class="sparkline"[\s\S]*?<\/svg>/g) ?? [];
    // Overall, the suite's summary row and the suite's heading; the never-run suite has none.
    expect(svgs).toHaveLength(3);
    for (const svg of svgs) expect(svg).toMatch(/<polyline fill="none"[^>]* points="[0-9.]+,[0-9.]+ [0-9.]+,[0-9.]+"\/>/);
    expect(html).toContain('no history');
  });

  it('says so before the first run', () => {
    const html = renderDataDocs({ title: 'T', generatedAt: new Date(0), suites: [never], latestRun: null, suiteRuns: [], results: [], history: {}, overallHistory: [] });
    expect(html).toContain('No run has been recorded yet.');
    expect(htmlProblems(html)).toEqual([]);
  });
});

describe('sparkline', () => {
  const point = (score: number, minute: number) => ({ suite: 's', runId: 'r', trigger: 'schedule' as const, at: new Date(minute * 60_000), score });

  it('puts a score of 1 at the top and 0 at the bottom, newest at the right', () => {
    const svg = sparkline([point(0, 0), point(1, 1)], 's');
    expect(svg).toContain('points="1.0,22.0 119.0,2.0"');
    expect(svg).toContain('<circle cx="119.0" cy="2.0"');
    expect(svg).toContain('<title>s (scale 0.0%–100%): 1970-01-01T00:00:00.000Z 0.0%, 1970-01-01T00:01:00.000Z 100.0%</title>');
  });

  it('starts the scale at the lowest score rounded down to a tenth, so small drops show', () => {
    // 0.95 and 0.85: the scale runs from 0.8 to 1.
    expect(sparkline([point(0.95, 0), point(0.85, 1), point(1, 2)], 's')).toContain('points="1.0,7.0 60.0,17.0 119.0,2.0"');
    expect(sparkline([point(1, 0), point(1, 1)], 's')).toContain('(scale 90.0%–100%)');
  });

  it('draws a single point as a dot and clamps out-of-range scores', () => {
    expect(sparkline([point(2, 0)], 's')).toMatch(/<svg[^>]*><title>[^<]*<\/title><circle cx="60.0" cy="2.0"/);
  });

  it('escapes everything it prints', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
