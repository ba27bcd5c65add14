import { type Expectation } from '../../domain/expectation/expectation';
import { type SampleRow } from '../../domain/result/expectation-result';
import { SEVERITY_FACTOR } from '../../domain/score/score';
import { type Suite } from '../../domain/suite/suite';
import { type DataDocsModel } from '../../application/queries/data-docs-model/data-docs-model.query';
import { type ScorePoint, type StoredResult, type SuiteRunSummary } from '../../application/ports/quality-read-model.port';

/**
 * Renders the data docs: one self-contained HTML page (inline CSS and SVG, no script, no external
 * asset) with the suites, their expectations, the latest results with samples of unexpected rows, and
 * the score history as sparklines. Every value from the data is escaped.
 */
export function renderDataDocs(model: DataDocsModel): string {
  const resultsBySuite = new Map<string, Map<string, StoredResult>>();
  for (const result of model.results) {
    if (!resultsBySuite.has(result.suite)) resultsBySuite.set(result.suite, new Map());
    resultsBySuite.get(result.suite)!.set(result.expectationId, result);
  }
  const runsBySuite = new Map(model.suiteRuns.map((run) => [run.suite, run]));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(model.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(model.title)}</h1>
<p class="muted">Generated ${escapeHtml(model.generatedAt.toISOString())}</p>
${renderOverall(model)}
</header>
<main>
<section id="summary">
<h2>Suites</h2>
<table class="summary">
<thead><tr><th>Suite</th><th>Layer</th><th>Score</th><th>History</th><th>Passed</th><th>Failed</th><th>Errored</th><th>Skipped</th><th>Last run</th></tr></thead>
<tbody>
${model.suites.map((suite) => renderSummaryRow(suite, runsBySuite.get(suite.name), model.history[suite.name] ?? [])).join('\n')}
</tbody>
</table>
</section>
${model.suites.map((suite) => renderSuite(suite, runsBySuite.get(suite.name), resultsBySuite.get(suite.name) ?? new Map(), model.history[suite.name] ?? [])).join('\n')}
<section id="score-formula">
<h2>How the score is computed</h2>
<p>score = &Sigma; w&middot;s&middot;p / &Sigma; w&middot;s over the evaluated expectations, where w is the expectation's weight,
s its severity factor (error ${SEVERITY_FACTOR.error}, warning ${SEVERITY_FACTOR.warning}) and p is 1 when it passed, 0 when it failed or its check errored.
Skipped expectations are left out. The overall score pools every suite's results.</p>
</section>
</main>
</body>
</html>
`;
}

export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function percent(score: number): string {
  return `${(score * 100).toFixed(1)}%`;
}

function scoreClass(score: number): string {
  if (score >= 0.95) return 'good';
  if (score >= 0.8) return 'fair';
  return 'bad';
}

function renderOverall(model: DataDocsModel): string {
  const run = model.latestRun;
  if (!run) return '<p class="muted">No run has been recorded yet.</p>';
  return `<div class="overall">
<div><span class="label">Overall score</span> <span class="score ${scoreClass(run.score)}" data-overall-score="${run.score}">${percent(run.score)}</span></div>
<div><span class="label">Latest run</span> ${escapeHtml(run.startedAt.toISOString())} (${escapeHtml(run.trigger)}, ${run.evaluated} expectations evaluated)</div>
<div><span class="label">Rejected CSV rows</span> <span data-rejected-rows>${run.inputs.rejectedRows}</span></div>
<div><span class="label">Dead-lettered events</span> <span data-dead-letters>${run.inputs.deadLetters}</span></div>
<div><span class="label">Overall history</span> ${sparkline(model.overallHistory, 'overall score')}</div>
</div>`;
}

function renderSummaryRow(suite: Suite, run: SuiteRunSummary | undefined, history: ScorePoint[]): string {
  const anchor = `suite-${slug(suite.name)}`;
  if (!run) return `<tr><td><a href="#${anchor}">${escapeHtml(suite.name)}</a></td><td>${suite.layer}</td><td class="muted" colspan="7">not run yet</td></tr>`;
  return `<tr><td><a href="#${anchor}">${escapeHtml(suite.name)}</a></td><td>${suite.layer}</td><td class="score ${scoreClass(run.score)}">${percent(run.score)}</td><td>${sparkline(history, `${suite.name} score`)}</td><td>${run.passed}</td><td>${run.failed}</td><td>${run.errored}</td><td>${run.skipped}</td><td>${escapeHtml(run.startedAt.toISOString())} (${escapeHtml(run.trigger)})</td></tr>`;
}

function renderSuite(suite: Suite, run: SuiteRunSummary | undefined, results: Map<string, StoredResult>, history: ScorePoint[]): string {
  return `<section class="suite" id="suite-${slug(suite.name)}" data-suite="${escapeHtml(suite.name)}">
<h2>${escapeHtml(suite.name)} <span class="layer">${suite.layer}</span> ${run ? `<span class="score ${scoreClass(run.score)}">${percent(run.score)}</span>` : ''} ${sparkline(history, `${suite.name} score`)}</h2>
${suite.description ? `<p>${escapeHtml(suite.description)}</p>` : ''}
<table class="expectations">
<thead><tr><th>Expectation</th><th>Kind</th><th>Target</th><th>Parameters</th><th>Severity</th><th>Weight</th><th>Cheap</th><th>Status</th><th>Observed</th><th>Unexpected</th></tr></thead>
<tbody>
${suite.expectations.map((expectation) => renderExpectation(expectation, results.get(expectation.id))).join('\n')}
</tbody>
</table>
</section>`;
}

function describeParameters(expectation: Expectation): string {
  const parts: Record<string, unknown> = { ...expectation.parameters };
  if (expectation.rowCondition) parts.rowCondition = expectation.rowCondition;
  if (expectation.mostly !== undefined) parts.mostly = expectation.mostly;
  return Object.keys(parts).length === 0 ? '' : JSON.stringify(parts);
}

function renderExpectation(expectation: Expectation, result: StoredResult | undefined): string {
  const status = result?.status ?? 'not run';
  const unexpected =
    result && result.unexpectedCount !== null ? `${result.unexpectedCount} of ${result.elementCount ?? 0}${result.unexpectedPercent ? ` (${result.unexpectedPercent.toFixed(2)}%)` : ''}` : '';
  const row = `<tr class="status-${status.replace(' ', '-')}" data-expectation="${escapeHtml(expectation.id)}">
<td><code>${escapeHtml(expectation.id)}</code>${expectation.description ? `<div class="muted">${escapeHtml(expectation.description)}</div>` : ''}</td>
<td><code>${escapeHtml(expectation.kind)}</code></td>
<td>${escapeHtml(expectation.table)}${expectation.columns.length > 0 ? `(${escapeHtml(expectation.columns.join(', '))})` : ''}</td>
<td><code>${escapeHtml(describeParameters(expectation))}</code></td>
<td>${expectation.severity}</td>
<td>${expectation.weight}</td>
<td>${expectation.cheap ? 'yes' : ''}</td>
<td class="status">${escapeHtml(status)}</td>
<td><code>${result ? escapeHtml(JSON.stringify(result.observedValue)) : ''}</code>${result?.error ? `<div class="error">${escapeHtml(result.error)}</div>` : ''}</td>
<td>${escapeHtml(unexpected)}</td>
</tr>`;
  if (!result || result.sample.length === 0) return row;
  return `${row}
<tr class="sample"><td colspan="10"><details><summary>Sample of unexpected rows (${result.sample.length})</summary>${renderSample(result.sample)}</details></td></tr>`;
}

function renderSample(sample: readonly SampleRow[]): string {
  const columns = [...new Set(sample.flatMap((row) => Object.keys(row)))];
  const head = columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const body = sample.map((row) => `<tr>${columns.map((c) => `<td>${row[c] === null || row[c] === undefined ? '<span class="null">null</span>' : escapeHtml(row[c])}</td>`).join('')}</tr>`).join('\n');
  return `<table class="sample-rows"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function slug(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, '-');
}

const WIDTH = 120;
const HEIGHT = 24;

/**
 * An inline SVG line of the scores, newest at the right; 1 at the top and, at the bottom, the lowest
 * score rounded down to a tenth (at most 0.9), so that a drop from 1 to 0.93 is visible.
 */
export function sparkline(points: readonly ScorePoint[], label: string): string {
  if (points.length === 0) return '<span class="muted">no history</span>';
  const clamp = (score: number) => Math.max(0, Math.min(1, score));
  const floor = Math.min(0.9, Math.floor(Math.min(...points.map((p) => clamp(p.score))) * 10) / 10);
  const y = (score: number) => (HEIGHT - 2 - ((clamp(score) - floor) / (1 - floor)) * (HEIGHT - 4)).toFixed(1);
  const x = (i: number) => (points.length === 1 ? WIDTH / 2 : 1 + (i * (WIDTH - 2)) / (points.length - 1)).toFixed(1);
  const coordinates = points.map((p, i) => `${x(i)},${y(p.score)}`).join(' ');
  const last = points[points.length - 1]!;
  const title = `${label} (scale ${percent(floor)}–100%): ${points.map((p) => `${p.at.toISOString()} ${percent(p.score)}`).join(', ')}`;
  return `<svg class="sparkline" xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(label)}"><title>${escapeHtml(title)}</title>${
    points.length > 1 ? `<polyline fill="none" stroke="#3b6ea5" stroke-width="1.5" points="${coordinates}"/>` : ''
  }<circle cx="${x(points.length - 1)}" cy="${y(last.score)}" r="2" fill="#3b6ea5"/></svg>`;
}

const STYLE = `
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2733;background:#f7f8fa}
header{background:#1d2733;color:#fff;padding:16px 24px}header .muted{color:#b8c2cc}
h1{margin:0 0 4px;font-size:22px}h2{font-size:18px;margin:24px 0 8px}
main{padding:0 24px 32px}
.overall{display:flex;flex-wrap:wrap;gap:8px 24px;margin-top:8px}.overall .label{color:#b8c2cc;margin-right:4px}
table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #dde3e9;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#eef1f5}code{font-size:12px;word-break:break-word}
.muted{color:#6b7785}.layer{font-size:12px;background:#eef1f5;color:#1d2733;border-radius:3px;padding:1px 6px}
.score{font-weight:600}.good{color:#1e7b34}.fair{color:#a86b00}.bad{color:#b3261e}
tr.status-failed td.status,tr.status-error td.status{color:#b3261e;font-weight:600}tr.status-passed td.status{color:#1e7b34}
tr.status-skipped td.status,tr.status-not-run td.status{color:#6b7785}
.error{color:#b3261e;font-size:12px}.null{color:#6b7785;font-style:italic}
.sample-rows{margin:4px 0;width:auto}.sample-rows td,.sample-rows th{font-size:12px}
svg.sparkline{vertical-align:middle;background:#f0f3f7;border-radius:2px}
`;
