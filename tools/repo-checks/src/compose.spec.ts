import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  checkBindMounts,
  checkDashboard,
  checkDockerfile,
  checkGrafana,
  checkInfrastructure,
  checkPrometheus,
  checkServiceBuilds,
  checkServiceEnvironment,
  containerPorts,
  environmentOf,
  loadCompose,
  type ComposeFile,
} from './compose-checks';
import {
  checkMetricNames,
  observabilityExpressions,
  registeredMetricNames,
  selectedMetrics,
} from './observability-checks';
import { PLATFORM_SERVICES } from './platform-services';
import { checkPortDefaults, cliServicePorts, CLI_SERVICE_CATALOG, declaredDefaultPorts } from './port-checks';
import { fileExists, interpolate, mapping, readText, REPO_ROOT, type Mapping } from './repo-files';

const DOCKERFILE = 'infra/docker/service.Dockerfile';

function readDockerfile(): { dockerfile: string; dockerignore: string | undefined } {
  return {
    dockerfile: readText(REPO_ROOT, DOCKERFILE),
    dockerignore: fileExists(REPO_ROOT, `${DOCKERFILE}.dockerignore`)
      ? readText(REPO_ROOT, `${DOCKERFILE}.dockerignore`)
      : undefined,
  };
}

describe('docker-compose.yml, read against the code', () => {
  const compose = loadCompose(REPO_ROOT);

  it('builds every platform service from its own package with the shared Dockerfile', () => {
    expect(checkServiceBuilds(compose, REPO_ROOT)).toEqual([]);
    expect(Object.keys(compose.services)).toEqual(
      expect.arrayContaining(PLATFORM_SERVICES.map((s) => s.name)),
    );
  });

  it('gives each service its default port, its own database, Kafka, auth settings, and healthy dependencies', () => {
    expect(checkServiceEnvironment(compose)).toEqual([]);
    // Spot-check what the checks read, so that a parser change cannot empty them silently.
    expect(environmentOf(compose.services.sales!)).toMatchObject({
      PORT: '3001',
      DATABASE_URL: 'postgres://mercado:mercado@postgres:5432/sales',
      KAFKA_BROKERS: 'kafka:9092',
      AUTH_ISSUER: 'mercado-dev',
      AUTH_AUDIENCE: 'mercado',
    });
    expect(containerPorts(compose.services.warehouse!)).toEqual([3005]);
  });

  it('runs Kafka, the release the project tests, as one KRaft node, and PostgreSQL 16, both with healthchecks', () => {
    expect(checkInfrastructure(compose, REPO_ROOT)).toEqual([]);
  });

  it('mounts only files that exist in the checkout', () => {
    expect(checkBindMounts(compose, REPO_ROOT)).toEqual([]);
  });

  it('has Prometheus scrape exactly the compose services, each as its own job, on /metrics', () => {
    expect(checkPrometheus(compose, REPO_ROOT)).toEqual([]);
  });

  it('provisions Grafana with the Prometheus data source and dashboards whose panels use it', () => {
    expect(checkGrafana(compose, REPO_ROOT)).toEqual([]);
  });

  it('has a Dockerfile that installs from the lockfile, builds and deploys one service, and runs it as non-root', () => {
    const { dockerfile, dockerignore } = readDockerfile();
    expect(checkDockerfile(dockerfile, dockerignore)).toEqual([]);
  });
});

describe('the compose checks catch drift', () => {
  let compose: ComposeFile;

  beforeEach(() => {
    compose = loadCompose(REPO_ROOT);
  });

  function environment(service: string): Mapping {
    return mapping(compose.services[service]!.environment);
  }

  it('reports a platform service missing from compose and a build argument that names another service', () => {
    delete compose.services.marketplace;
    mapping(mapping(compose.services.sales!.build).args).SERVICE = 'customer';

    expect(checkServiceBuilds(compose, REPO_ROOT)).toEqual([
      'docker-compose.yml has no service "marketplace" built from this repository',
      'sales: build argument SERVICE is "customer", expected "sales"',
      'sales: services/customer/package.json is named "@mercado/customer-service", expected "@mercado/sales-service"',
    ]);
  });

  it('reports a built service that does not exist in services/ and a Dockerfile that does not exist', () => {
    compose.services.billing = {
      ...compose.services.sales!,
      build: { context: '.', dockerfile: 'infra/docker/nope.Dockerfile', args: { SERVICE: 'billing' } },
    };

    expect(checkServiceBuilds(compose, REPO_ROOT)).toEqual([
      'billing: Dockerfile infra/docker/nope.Dockerfile does not exist',
      'billing: is built from this repository but is not one of the platform services',
    ]);
  });

  it('reports a wrong port, a shared database, a missing Kafka address and a dependency that is not awaited', () => {
    environment('customer').PORT = 3005;
    environment('customer').DATABASE_URL = 'postgres://mercado:mercado@postgres:5432/sales';
    environment('fulfillment').KAFKA_BROKERS = 'kafka:29092';
    delete mapping(compose.services.warehouse!.depends_on).postgres;

    expect(checkServiceEnvironment(compose)).toEqual([
      'customer: PORT is "3005", expected the service default 3002',
      'customer: DATABASE_URL names database "sales", expected its own database "customer"',
      'customer: shares database "sales" with sales',
      'fulfillment: KAFKA_BROKERS names "kafka:29092", but Kafka advertises only kafka:9092, localhost:19092',
      'warehouse: must wait for postgres with condition service_healthy',
    ]);
  });

  it('reports a database on another host and a service without KAFKA_BROKERS or a JWKS', () => {
    environment('sales').DATABASE_URL = 'postgres://mercado:mercado@localhost:5432/sales';
    delete environment('marketplace').KAFKA_BROKERS;
    delete environment('marketplace').AUTH_JWKS_FILE;

    expect(checkServiceEnvironment(compose)).toEqual([
      'sales: DATABASE_URL host "localhost" is not the compose PostgreSQL service',
      'marketplace: KAFKA_BROKERS is not set',
      'marketplace: neither AUTH_JWKS_FILE nor AUTH_JWKS_URL is set',
    ]);
  });

  it('reports Kafka and PostgreSQL without healthchecks, and a Kafka image other than the tested release', () => {
    delete compose.services.kafka!.healthcheck;
    compose.services.kafka!.image = 'apache/kafka:3.9.0';
    compose.services.postgres!.healthcheck = { disable: true };

    expect(checkInfrastructure(compose, REPO_ROOT)).toEqual([
      'kafka: has no healthcheck',
      expect.stringMatching(
        /^kafka: image tag is 3\.9\.0, but the project tests Kafka \d+\.\d+\.\d+ \(infra\/kafka\/pom\.xml\)$/,
      ),
      'postgres: has no healthcheck',
    ]);
  });

  it('reports a bind mount of a file that does not exist', () => {
    compose.services.postgres!.volumes = [
      './infra/docker/postgres/missing.sql:/docker-entrypoint-initdb.d/x.sql:ro',
    ];

    expect(checkBindMounts(compose, REPO_ROOT)).toEqual([
      'postgres: mounts infra/docker/postgres/missing.sql, which does not exist',
    ]);
  });

  it('reports a compose service Prometheus does not scrape and a target that is no compose service', () => {
    compose.services.billing = {
      ...compose.services.sales!,
      environment: { ...environment('sales'), PORT: 3009 },
    };
    delete compose.services.warehouse;

    expect(checkPrometheus(compose, REPO_ROOT)).toEqual([
      'infra/prometheus/prometheus.yml: does not scrape billing:3009 (compose service billing)',
      'infra/prometheus/prometheus.yml: scrapes warehouse:3005, which is not a compose service built here',
    ]);
  });

  it('reports a dashboard panel on a data source that is not provisioned, or without a query', () => {
    const dashboard = JSON.parse(readText(REPO_ROOT, 'infra/grafana/dashboards/mercado-overview.json')) as {
      panels: Mapping[];
    };
    const firstPanel = dashboard.panels.find((panel) => panel.type !== 'row')!;
    firstPanel.datasource = { type: 'prometheus', uid: 'elsewhere' };
    firstPanel.targets = [];

    expect(
      checkDashboard('overview.json', JSON.stringify(dashboard), new Set(['mercado-prometheus'])),
    ).toEqual([
      `overview.json: panel "${String(firstPanel.title)}" uses data source "elsewhere", which is not provisioned`,
      `overview.json: panel "${String(firstPanel.title)}" has no query`,
    ]);
    expect(checkDashboard('broken.json', '{ "panels": [', new Set())).toEqual([
      expect.stringMatching(/^broken\.json: is not valid JSON/),
    ]);
  });

  it('reports a Dockerfile that runs as root, has no healthcheck or lost its ignore file', () => {
    const { dockerfile } = readDockerfile();
    const asRoot = dockerfile
      .replace(/^USER node$/m, 'USER root')
      .replace(/^HEALTHCHECK /m, '# HEALTHCHECK ');

    expect(checkDockerfile(asRoot, undefined)).toEqual([
      'the Dockerfile no longer has a HEALTHCHECK on /health/live',
      "the Dockerfile's final stage runs as root; it must run as a non-root user",
      'the Dockerfile has no .dockerignore beside it: node_modules and caches would enter the build context',
    ]);
    expect(checkDockerfile(dockerfile, 'pnpm-lock.yaml\npackages/\n')).toEqual([
      'the .dockerignore must exclude **/node_modules',
      'the .dockerignore excludes pnpm-lock.yaml, which the workspace install needs',
      'the .dockerignore excludes packages/, which the workspace install needs',
    ]);
  });
});

describe('compose file reading', () => {
  it('resolves interpolation the way docker compose does', () => {
    expect(interpolate('${LOG_LEVEL:-info}')).toBe('info');
    expect(interpolate('${LOG_LEVEL:-info}', { LOG_LEVEL: 'debug' })).toBe('debug');
    expect(interpolate('${LOG_LEVEL:-info}', { LOG_LEVEL: '' })).toBe('info');
    expect(interpolate('${LOG_LEVEL-info}', { LOG_LEVEL: '' })).toBe('');
    expect(interpolate('$HOST:${PORT}/x', { HOST: 'kafka', PORT: '9092' })).toBe('kafka:9092/x');
    expect(interpolate('price $$5 ${MISSING}')).toBe('price $5 ');
  });

  it('reads an environment written as a KEY=VALUE list and ports in every form', () => {
    expect(environmentOf({ environment: ['PORT=3001', 'DATABASE_URL=postgres://a/b?x=1'] })).toEqual({
      PORT: '3001',
      DATABASE_URL: 'postgres://a/b?x=1',
    });
    expect(
      containerPorts({
        ports: ['3001', '8080:3002', '127.0.0.1:9000:3003/tcp', { target: 3004, published: 1 }],
      }),
    ).toEqual([3001, 3002, 3003, 3004]);
  });
});

describe('dashboards and alerts, read against the metrics the code registers', () => {
  it('select only metrics that the services expose', () => {
    const registered = registeredMetricNames(REPO_ROOT);
    // The service kit's HTTP and messaging metrics are what the dashboard is built on.
    expect([...registered]).toEqual(
      expect.arrayContaining([
        'http_requests_total',
        'http_request_duration_seconds_bucket',
        'messaging_outbox_backlog',
        'messaging_consumer_lag',
      ]),
    );
    expect(observabilityExpressions(REPO_ROOT).length).toBeGreaterThan(10);
    expect(checkMetricNames(REPO_ROOT, registered)).toEqual([]);
  });

  it('report a metric nobody registers', () => {
    const registered = registeredMetricNames(REPO_ROOT);
    registered.delete('messaging_consumer_lag');

    expect(checkMetricNames(REPO_ROOT, registered)).toEqual([
      'infra/grafana/dashboards/mercado-overview.json: messaging_consumer_lag is not a metric any service registers',
      'infra/prometheus/alerts.yml: messaging_consumer_lag is not a metric any service registers',
    ]);
    expect(selectedMetrics('sum(rate(http_requests_total{status=~"5.."}[5m])) / sum(up{job!=""})')).toEqual([
      'http_requests_total',
      'up',
    ]);
  });
});

describe('the ports, read against the services and ./mercado up', () => {
  it('are the ports the CLI starts the services on, and the defaults the services declare', () => {
    expect(checkPortDefaults(REPO_ROOT)).toEqual([]);
    expect([...cliServicePorts(readText(REPO_ROOT, CLI_SERVICE_CATALOG)).entries()]).toEqual(
      PLATFORM_SERVICES.map((service) => [service.name, service.port]),
    );
  });

  it('read the port declarations that would drift', () => {
    expect(
      cliServicePorts("{ name: 'sales', port: 4001, database: 'sales' }, { name: 'customer', port: 3002 }"),
    ).toEqual(
      new Map([
        ['sales', 4001],
        ['customer', 3002],
      ]),
    );
    expect(
      declaredDefaultPorts([
        "serviceConfigSchema({ serviceName: 'sales', defaultPort: 3001 })",
        'const x = 1;',
      ]),
    ).toEqual([3001]);
  });

  it('report a CLI port and a service default that differ from the deployment files', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'repo-checks-ports-'));
    try {
      fs.mkdirSync(path.join(root, 'tools/cli/src/platform'), { recursive: true });
      fs.mkdirSync(path.join(root, 'services/customer/src'), { recursive: true });
      const catalog = readText(REPO_ROOT, CLI_SERVICE_CATALOG).replace(
        "name: 'sales', port: 3001",
        "name: 'sales', port: 4001",
      );
      fs.writeFileSync(path.join(root, CLI_SERVICE_CATALOG), catalog);
      fs.writeFileSync(
        path.join(root, 'services/customer/src/main.ts'),
        "loadConfig(serviceConfigSchema({ serviceName: 'customer', defaultPort: 3012 }));\n",
      );

      expect(checkPortDefaults(root)).toEqual([
        'sales: ./mercado up uses port 4001, the deployment files use 3001',
        'customer: its configuration defaults to port 3012, the deployment files use 3002',
      ]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
