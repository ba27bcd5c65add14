import { list, listFiles, mapping, readText, readYaml } from './repo-files';

export const DASHBOARDS_DIR = 'infra/grafana/dashboards';
export const ALERTS_FILE = 'infra/prometheus/alerts.yml';
const METRIC_SOURCES = ['packages', 'services'];

/** Series every target has without any code of ours: Prometheus' own and prom-client's defaults. */
const BUILT_IN = [/^up$/, /^process_/, /^nodejs_/];

/**
 * The metric names the code registers with prom-client (`new Counter({ name: '...' })` and the like,
 * in packages/ and services/), with the series a histogram or summary adds.
 */
export function registeredMetricNames(root: string): Set<string> {
  const names = new Set<string>();
  const constructor =
    /new (Counter|Gauge|Histogram|Summary)(?:<[^>]*>)?\(\{\s*name:\s*['"]([a-zA-Z_:][a-zA-Z0-9_:]*)['"]/g;
  for (const top of METRIC_SOURCES) {
    for (const file of listFiles(root, top, ['.ts'])) {
      if (file.includes('/node_modules/') || file.includes('/dist/') || /\.(int-)?spec\.ts$/.test(file))
        continue;
      for (const match of readText(root, file).matchAll(constructor)) {
        const [, kind, name] = match as unknown as [string, string, string];
        names.add(name);
        if (kind === 'Histogram')
          for (const suffix of ['_bucket', '_count', '_sum']) names.add(name + suffix);
        if (kind === 'Summary') for (const suffix of ['_count', '_sum']) names.add(name + suffix);
      }
    }
  }
  return names;
}

/** Metric names a PromQL expression selects: the identifiers directly followed by a `{` matcher. */
export function selectedMetrics(expression: string): string[] {
  return [...expression.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\s*\{/g)].map((match) => match[1]!);
}

/** The PromQL expressions of the Grafana dashboards and the Prometheus alert rules, by file. */
export function observabilityExpressions(root: string): Array<{ file: string; expression: string }> {
  const found: Array<{ file: string; expression: string }> = [];
  for (const file of listFiles(root, DASHBOARDS_DIR, ['.json'])) {
    const dashboard = mapping(JSON.parse(readText(root, file)));
    for (const panel of list(dashboard.panels).map(mapping)) {
      for (const target of list(panel.targets).map(mapping)) {
        if (typeof target.expr === 'string') found.push({ file, expression: target.expr });
      }
    }
  }
  for (const group of list(mapping(readYaml(root, ALERTS_FILE)).groups).map(mapping)) {
    for (const rule of list(group.rules).map(mapping)) {
      if (typeof rule.expr === 'string') found.push({ file: ALERTS_FILE, expression: rule.expr });
    }
  }
  return found;
}

/** Every metric a dashboard panel or an alert selects is one that the services expose. */
export function checkMetricNames(
  root: string,
  registered: ReadonlySet<string> = registeredMetricNames(root),
): string[] {
  const problems: string[] = [];
  for (const { file, expression } of observabilityExpressions(root)) {
    const metrics = selectedMetrics(expression);
    if (metrics.length === 0) problems.push(`${file}: "${expression}" selects no metric with a {…} matcher`);
    for (const metric of metrics) {
      if (!registered.has(metric) && !BUILT_IN.some((pattern) => pattern.test(metric))) {
        problems.push(`${file}: ${metric} is not a metric any service registers`);
      }
    }
  }
  return [...new Set(problems)];
}
