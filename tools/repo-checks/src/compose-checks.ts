import path from 'node:path';
import { PLATFORM_SERVICES, platformService, type PlatformService } from './platform-services';
import {
  fileExists,
  interpolate,
  isMapping,
  list,
  listFiles,
  mapping,
  readText,
  readYaml,
  text,
  type Mapping,
} from './repo-files';

// Each check returns the problems it found, one sentence each; an empty list means the files agree.

export const COMPOSE_FILE = 'docker-compose.yml';

export interface ComposeFile {
  services: Record<string, Mapping>;
  raw: Mapping;
}

export function loadCompose(root: string, relative = COMPOSE_FILE): ComposeFile {
  const raw = mapping(readYaml(root, relative));
  const services: Record<string, Mapping> = {};
  for (const [name, definition] of Object.entries(mapping(raw.services)))
    services[name] = mapping(definition);
  return { services, raw };
}

/** A service's environment as strings, whether written as a mapping or as a KEY=VALUE list. */
export function environmentOf(service: Mapping): Record<string, string> {
  const environment: Record<string, string> = {};
  const declared = service.environment;
  if (Array.isArray(declared)) {
    for (const entry of declared) {
      const [key, ...value] = String(entry).split('=');
      if (key) environment[key] = interpolate(value.join('='));
    }
  } else {
    for (const [key, value] of Object.entries(mapping(declared))) {
      const asText = text(value);
      if (asText !== undefined) environment[key] = interpolate(asText);
    }
  }
  return environment;
}

export function imageOf(service: Mapping): string {
  return interpolate(text(service.image) ?? '');
}

/** Compose services built from this repository (they have a build section), by name. */
export function builtServices(compose: ComposeFile): Array<[string, Mapping]> {
  return Object.entries(compose.services).filter(([, service]) => service.build !== undefined);
}

function findByImage(compose: ComposeFile, imagePrefix: string): Array<[string, Mapping]> {
  return Object.entries(compose.services).filter(([, service]) => imageOf(service).startsWith(imagePrefix));
}

function buildArgs(build: unknown): Record<string, string> {
  const args: Record<string, string> = {};
  const declared = mapping(build).args;
  if (Array.isArray(declared)) {
    for (const entry of declared) {
      const [key, ...value] = String(entry).split('=');
      if (key) args[key] = value.join('=');
    }
  } else {
    for (const [key, value] of Object.entries(mapping(declared))) args[key] = interpolate(text(value) ?? '');
  }
  return args;
}

/** Container ports published by a compose service ("host:container", "container", or long form). */
export function containerPorts(service: Mapping): number[] {
  return list(service.ports).map((entry) => {
    if (isMapping(entry)) return Number(entry.target);
    const parts = interpolate(String(entry)).split('/')[0]!.split(':');
    return Number(parts[parts.length - 1]);
  });
}

/**
 * Every service built here: its build context is the repository root, the Dockerfile exists, the
 * SERVICE build argument names the compose service, and services/<name>/package.json is the
 * @mercado/<name>-service package whose build output pnpm deploy will ship.
 */
export function checkServiceBuilds(compose: ComposeFile, root: string): string[] {
  const problems: string[] = [];
  const built = builtServices(compose);
  for (const expected of PLATFORM_SERVICES) {
    if (!built.some(([name]) => name === expected.name)) {
      problems.push(`${COMPOSE_FILE} has no service "${expected.name}" built from this repository`);
    }
  }
  for (const [name, service] of built) {
    const build = typeof service.build === 'string' ? { context: service.build } : mapping(service.build);
    const context = text(build.context) ?? '.';
    if (path.resolve(root, context) !== path.resolve(root)) {
      problems.push(
        `${name}: build context is "${context}", but the Dockerfile needs the repository root (".")`,
      );
    }
    const dockerfile = text(build.dockerfile) ?? 'Dockerfile';
    if (!fileExists(path.resolve(root, context), dockerfile)) {
      problems.push(`${name}: Dockerfile ${dockerfile} does not exist`);
    }
    const args = buildArgs(build);
    const expected = platformService(name);
    if (!expected) {
      problems.push(`${name}: is built from this repository but is not one of the platform services`);
      continue;
    }
    if (args.SERVICE !== name) {
      problems.push(`${name}: build argument SERVICE is "${args.SERVICE ?? ''}", expected "${name}"`);
    }
    if (args.PORT !== String(expected.port)) {
      problems.push(`${name}: build argument PORT is "${args.PORT ?? ''}", expected "${expected.port}"`);
    }
    const serviceName = args.SERVICE ?? name;
    const manifestPath = `services/${serviceName}/package.json`;
    if (!fileExists(root, manifestPath)) {
      problems.push(`${name}: ${manifestPath} is missing`);
      continue;
    }
    const manifest = mapping(JSON.parse(readText(root, manifestPath)));
    if (manifest.name !== expected.packageName) {
      problems.push(
        `${name}: ${manifestPath} is named "${String(manifest.name)}", expected "${expected.packageName}"`,
      );
    }
    if (!text(mapping(manifest.scripts).build)) {
      problems.push(`${name}: ${manifestPath} has no build script for turbo to run`);
    }
    if (!list(manifest.files).includes('dist')) {
      problems.push(
        `${name}: ${manifestPath} "files" must include "dist", the only files pnpm deploy copies into the image`,
      );
    }
  }
  return problems;
}

function kafkaAdvertisedAddresses(compose: ComposeFile): Map<string, Set<string>> {
  const byService = new Map<string, Set<string>>();
  for (const [name, service] of findByImage(compose, 'apache/kafka')) {
    const advertised = environmentOf(service).KAFKA_ADVERTISED_LISTENERS ?? '';
    const addresses = new Set(
      advertised
        .split(',')
        .map((listener) => listener.trim().replace(/^[A-Z_]+:\/\//, ''))
        .filter(Boolean),
    );
    byService.set(name, addresses);
  }
  return byService;
}

/**
 * Every built service listens on its default port, publishes it, reaches its own database on the
 * compose PostgreSQL server, reaches Kafka through an advertised listener, has its auth settings and
 * waits for healthy Kafka and PostgreSQL.
 */
export function checkServiceEnvironment(compose: ComposeFile): string[] {
  const problems: string[] = [];
  const postgresServices = new Set(findByImage(compose, 'postgres').map(([name]) => name));
  const kafkaAddresses = kafkaAdvertisedAddresses(compose);
  const databaseOwners = new Map<string, string>();
  for (const [name, service] of builtServices(compose)) {
    const expected: PlatformService | undefined = platformService(name);
    if (!expected) continue;
    const environment = environmentOf(service);
    if (environment.PORT !== String(expected.port)) {
      problems.push(
        `${name}: PORT is "${environment.PORT ?? ''}", expected the service default ${expected.port}`,
      );
    }
    if (!containerPorts(service).includes(expected.port)) {
      problems.push(`${name}: does not publish container port ${expected.port}`);
    }

    const databaseUrl = environment.DATABASE_URL;
    if (!databaseUrl) {
      problems.push(`${name}: DATABASE_URL is not set`);
    } else {
      let url: URL | undefined;
      try {
        url = new URL(databaseUrl);
      } catch {
        problems.push(`${name}: DATABASE_URL "${databaseUrl}" is not a URL`);
      }
      if (url) {
        const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
        if (!['postgres:', 'postgresql:'].includes(url.protocol)) {
          problems.push(`${name}: DATABASE_URL must be a postgres:// URL, not ${url.protocol}`);
        }
        if (!postgresServices.has(url.hostname)) {
          problems.push(`${name}: DATABASE_URL host "${url.hostname}" is not the compose PostgreSQL service`);
        }
        if (database !== name) {
          problems.push(
            `${name}: DATABASE_URL names database "${database}", expected its own database "${name}"`,
          );
        }
        const owner = databaseOwners.get(database);
        if (owner) problems.push(`${name}: shares database "${database}" with ${owner}`);
        databaseOwners.set(database, name);
      }
    }

    const brokers = (environment.KAFKA_BROKERS ?? '')
      .split(',')
      .map((broker) => broker.trim())
      .filter(Boolean);
    if (brokers.length === 0) problems.push(`${name}: KAFKA_BROKERS is not set`);
    for (const broker of brokers) {
      const host = broker.split(':')[0]!;
      const advertised = kafkaAddresses.get(host);
      if (!advertised) {
        problems.push(`${name}: KAFKA_BROKERS names "${broker}", which is not a compose Kafka service`);
      } else if (!advertised.has(broker)) {
        problems.push(
          `${name}: KAFKA_BROKERS names "${broker}", but Kafka advertises only ${[...advertised].join(', ')}`,
        );
      }
    }

    for (const key of ['AUTH_ISSUER', 'AUTH_AUDIENCE', 'LOG_LEVEL']) {
      if (!environment[key]) problems.push(`${name}: ${key} is not set`);
    }
    if (!environment.AUTH_JWKS_FILE && !environment.AUTH_JWKS_URL) {
      problems.push(`${name}: neither AUTH_JWKS_FILE nor AUTH_JWKS_URL is set`);
    }

    const dependsOn = mapping(service.depends_on);
    for (const dependency of [...postgresServices, ...kafkaAddresses.keys()]) {
      const condition = text(mapping(dependsOn[dependency]).condition);
      if (condition !== 'service_healthy') {
        problems.push(`${name}: must wait for ${dependency} with condition service_healthy`);
      }
    }
  }
  return problems;
}

function healthcheckProblems(name: string, service: Mapping): string[] {
  const healthcheck = mapping(service.healthcheck);
  const test = healthcheck.test;
  const command = Array.isArray(test) ? test.map(String) : typeof test === 'string' ? [test] : [];
  if (healthcheck.disable === true || command.length === 0 || command[0] === 'NONE') {
    return [`${name}: has no healthcheck`];
  }
  return [];
}

/** Reads <kafka.version> from infra/kafka/pom.xml, the release the project tests against. */
export function testedKafkaVersion(root: string): string | undefined {
  return /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(readText(root, 'infra/kafka/pom.xml'))?.[1];
}

/** Kafka (KRaft, one node, the tested release) and PostgreSQL 16 are present and have healthchecks. */
export function checkInfrastructure(compose: ComposeFile, root: string): string[] {
  const problems: string[] = [];
  const kafka = findByImage(compose, 'apache/kafka');
  const postgres = findByImage(compose, 'postgres');
  if (kafka.length !== 1)
    problems.push(`${COMPOSE_FILE} must have exactly one apache/kafka service, found ${kafka.length}`);
  if (postgres.length !== 1)
    problems.push(`${COMPOSE_FILE} must have exactly one postgres service, found ${postgres.length}`);
  const tested = testedKafkaVersion(root);
  for (const [name, service] of kafka) {
    problems.push(...healthcheckProblems(name, service));
    const tag = imageOf(service).split(':')[1];
    if (tag !== tested)
      problems.push(
        `${name}: image tag is ${tag ?? 'missing'}, but the project tests Kafka ${tested} (infra/kafka/pom.xml)`,
      );
    const environment = environmentOf(service);
    const roles = (environment.KAFKA_PROCESS_ROLES ?? '').split(',').map((role) => role.trim());
    if (!roles.includes('broker') || !roles.includes('controller')) {
      problems.push(`${name}: KAFKA_PROCESS_ROLES must be broker,controller (a single KRaft node)`);
    }
    for (const key of [
      'KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR',
      'KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR',
    ]) {
      if (environment[key] !== '1')
        problems.push(`${name}: ${key} must be 1 on a single node, is "${environment[key] ?? ''}"`);
    }
  }
  for (const [name, service] of postgres) {
    problems.push(...healthcheckProblems(name, service));
    if (!/^postgres:16(\b|[.-])/.test(imageOf(service)))
      problems.push(`${name}: image is ${imageOf(service)}, expected postgres:16`);
  }
  return problems;
}

interface BindMount {
  service: string;
  source: string;
  target: string;
}

export function bindMounts(compose: ComposeFile): BindMount[] {
  const mounts: BindMount[] = [];
  for (const [name, service] of Object.entries(compose.services)) {
    for (const volume of list(service.volumes)) {
      if (isMapping(volume)) {
        if (volume.type === 'bind')
          mounts.push({
            service: name,
            source: path.posix.normalize(String(volume.source)),
            target: String(volume.target),
          });
        continue;
      }
      const [source, target] = interpolate(String(volume)).split(':');
      if (source && target && (source.startsWith('.') || source.startsWith('/'))) {
        mounts.push({ service: name, source: path.posix.normalize(source), target });
      }
    }
  }
  return mounts;
}

/** Every file or folder that compose mounts from the checkout exists. */
export function checkBindMounts(compose: ComposeFile, root: string): string[] {
  return bindMounts(compose)
    .filter((mount) => !fileExists(root, mount.source))
    .map((mount) => `${mount.service}: mounts ${mount.source}, which does not exist`);
}

function hostPathMountedAt(compose: ComposeFile, target: string): string | undefined {
  for (const mount of bindMounts(compose)) {
    if (mount.target === target) return mount.source;
    if (target.startsWith(`${mount.target}/`))
      return path.posix.join(mount.source, target.slice(mount.target.length + 1));
  }
  return undefined;
}

/** The Prometheus scrape targets are exactly the built services at their ports, on /metrics. */
export function checkPrometheus(compose: ComposeFile, root: string): string[] {
  const problems: string[] = [];
  const prometheus = findByImage(compose, 'prom/prometheus');
  if (prometheus.length !== 1)
    return [`${COMPOSE_FILE} must have exactly one prom/prometheus service, found ${prometheus.length}`];
  const [prometheusName, prometheusService] = prometheus[0]!;
  const command = list(prometheusService.command).map(String);
  const configTarget =
    command.find((argument) => argument.startsWith('--config.file='))?.slice('--config.file='.length) ??
    '/etc/prometheus/prometheus.yml';
  const configSource = hostPathMountedAt(compose, configTarget);
  if (!configSource) return [`${prometheusName}: nothing from the checkout is mounted at ${configTarget}`];
  if (!fileExists(root, configSource)) return [`${prometheusName}: ${configSource} does not exist`];
  const config = mapping(readYaml(root, configSource));

  const targets = new Map<string, string>();
  for (const job of list(config.scrape_configs).map(mapping)) {
    const jobName = text(job.job_name) ?? '?';
    const metricsPath = text(job.metrics_path) ?? '/metrics';
    for (const staticConfig of list(job.static_configs).map(mapping)) {
      for (const target of list(staticConfig.targets).map(String)) {
        targets.set(target, jobName);
        if (metricsPath !== '/metrics')
          problems.push(
            `${configSource}: job ${jobName} scrapes ${metricsPath}, the services serve /metrics`,
          );
      }
    }
  }
  const expected = new Map<string, string>();
  for (const [name, service] of builtServices(compose)) {
    expected.set(`${name}:${environmentOf(service).PORT ?? '?'}`, name);
  }
  for (const [target, name] of expected) {
    if (!targets.has(target))
      problems.push(`${configSource}: does not scrape ${target} (compose service ${name})`);
    else if (targets.get(target) !== name)
      problems.push(
        `${configSource}: scrapes ${target} as job "${targets.get(target)}", expected job "${name}"`,
      );
  }
  for (const target of targets.keys()) {
    if (!expected.has(target))
      problems.push(`${configSource}: scrapes ${target}, which is not a compose service built here`);
  }
  for (const ruleFile of list(config.rule_files).map(String)) {
    const source = hostPathMountedAt(compose, ruleFile);
    if (!source || !fileExists(root, source)) {
      problems.push(`${configSource}: rule file ${ruleFile} is not mounted from the checkout`);
    } else if (list(mapping(readYaml(root, source)).groups).length === 0) {
      problems.push(`${source}: has no rule groups`);
    }
  }
  return problems;
}

/**
 * Grafana's provisioning: a Prometheus data source pointing at the compose Prometheus, a dashboard
 * provider reading the mounted dashboards, and dashboards whose panels use that data source.
 */
export function checkGrafana(compose: ComposeFile, root: string): string[] {
  const problems: string[] = [];
  const grafana = findByImage(compose, 'grafana/grafana');
  if (grafana.length !== 1)
    return [`${COMPOSE_FILE} must have exactly one grafana/grafana service, found ${grafana.length}`];
  const [grafanaName] = grafana[0]!;
  const provisioning = hostPathMountedAt(compose, '/etc/grafana/provisioning');
  if (!provisioning) return [`${grafanaName}: nothing is mounted at /etc/grafana/provisioning`];

  const prometheusNames = findByImage(compose, 'prom/prometheus').map(([name]) => name);
  const datasourceUids = new Set<string>();
  const datasourceFiles = [`${provisioning}/datasources/prometheus.yml`].filter((file) =>
    fileExists(root, file),
  );
  if (datasourceFiles.length === 0) problems.push(`${provisioning}/datasources/prometheus.yml is missing`);
  for (const file of datasourceFiles) {
    for (const datasource of list(mapping(readYaml(root, file)).datasources).map(mapping)) {
      if (datasource.type !== 'prometheus') continue;
      const uid = text(datasource.uid);
      if (uid) datasourceUids.add(uid);
      const host = new URL(text(datasource.url) ?? 'http://invalid').hostname;
      if (!prometheusNames.includes(host))
        problems.push(`${file}: data source URL host "${host}" is not the compose Prometheus`);
    }
  }
  if (datasourceUids.size === 0)
    problems.push(`${provisioning}/datasources: no Prometheus data source with a uid`);

  const providerFile = `${provisioning}/dashboards/mercado.yml`;
  if (!fileExists(root, providerFile)) return [...problems, `${providerFile} is missing`];
  for (const provider of list(mapping(readYaml(root, providerFile)).providers).map(mapping)) {
    const dashboardsTarget = text(mapping(provider.options).path) ?? '';
    const dashboardsSource = hostPathMountedAt(compose, dashboardsTarget);
    if (!dashboardsSource || !fileExists(root, dashboardsSource)) {
      problems.push(`${providerFile}: dashboards path ${dashboardsTarget} is not mounted from the checkout`);
      continue;
    }
    const dashboards = listFiles(root, dashboardsSource, ['.json']);
    if (dashboards.length === 0) problems.push(`${dashboardsSource}: holds no dashboard`);
    for (const file of dashboards) {
      problems.push(...checkDashboard(file, readText(root, file), datasourceUids));
    }
  }
  return problems;
}

/** A dashboard parses, and every panel and query names a provisioned data source and has a query. */
export function checkDashboard(file: string, source: string, datasourceUids: ReadonlySet<string>): string[] {
  let dashboard: Mapping;
  try {
    dashboard = mapping(JSON.parse(source));
  } catch (error) {
    return [`${file}: is not valid JSON (${(error as Error).message})`];
  }
  const problems: string[] = [];
  if (!text(dashboard.uid)) problems.push(`${file}: has no uid`);
  const panels = list(dashboard.panels).map(mapping);
  if (panels.length === 0) problems.push(`${file}: has no panels`);
  for (const panel of panels) {
    if (panel.type === 'row') continue;
    const title = text(panel.title) ?? '?';
    const uid = text(mapping(panel.datasource).uid);
    if (!uid || !datasourceUids.has(uid))
      problems.push(`${file}: panel "${title}" uses data source "${uid ?? ''}", which is not provisioned`);
    const targets = list(panel.targets).map(mapping);
    if (targets.length === 0) problems.push(`${file}: panel "${title}" has no query`);
    for (const target of targets) {
      if (!text(target.expr)) problems.push(`${file}: panel "${title}" has a query without an expression`);
    }
  }
  return problems;
}

const ESSENTIAL_CONTEXT_PATHS = [
  'package.json',
  'pnpm-lock.yaml',
  'pnpm-workspace.yaml',
  'packages',
  'services',
  'tools',
  'turbo.json',
  'tsconfig.base.json',
];

/**
 * The service Dockerfile: Node 24, frozen lockfile install, turbo build of the named service,
 * pnpm deploy, a non-root user, a HEALTHCHECK and `node dist/main.js`; and its ignore file keeps the
 * installed modules out without dropping anything the workspace install needs.
 */
export function checkDockerfile(dockerfile: string, dockerignore: string | undefined): string[] {
  const problems: string[] = [];
  const expectations: Array<[RegExp, string]> = [
    [/^ARG NODE_IMAGE=node:24(-slim)?$/m, 'builds FROM node:24 (ARG NODE_IMAGE=node:24-slim)'],
    [/^ARG SERVICE$/m, 'takes the SERVICE build argument'],
    [/pnpm install --frozen-lockfile/, 'installs with pnpm install --frozen-lockfile'],
    [
      /pnpm turbo run build --filter="?@mercado\/\$\{SERVICE\}-service\.\.\."?/,
      'builds with turbo --filter @mercado/${SERVICE}-service...',
    ],
    [/deploy --prod/, 'copies the production files with pnpm deploy --prod'],
    [/^HEALTHCHECK .*\/health\/live/ms, 'has a HEALTHCHECK on /health/live'],
    [/^CMD \["node", "dist\/main\.js"\]$/m, 'starts with CMD ["node", "dist/main.js"]'],
  ];
  for (const [pattern, meaning] of expectations) {
    if (!pattern.test(dockerfile)) problems.push(`the Dockerfile no longer ${meaning}`);
  }
  const finalStage = dockerfile.split(/^FROM /m).pop() ?? '';
  const user = /^USER (\S+)/m.exec(finalStage)?.[1];
  if (!user || user === 'root' || user === '0' || user.startsWith('0:')) {
    problems.push(
      `the Dockerfile's final stage runs as ${user ?? 'root (no USER)'}; it must run as a non-root user`,
    );
  }
  if (dockerignore === undefined) {
    problems.push(
      'the Dockerfile has no .dockerignore beside it: node_modules and caches would enter the build context',
    );
  } else {
    const patterns = dockerignore
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    if (!patterns.includes('**/node_modules'))
      problems.push('the .dockerignore must exclude **/node_modules');
    for (const pattern of patterns) {
      const plain = pattern.replace(/^\/|\/$/g, '');
      if (ESSENTIAL_CONTEXT_PATHS.includes(plain))
        problems.push(`the .dockerignore excludes ${pattern}, which the workspace install needs`);
    }
  }
  return problems;
}
