import path from 'node:path';
import { catalog } from '@mercado/contracts';
import { mintToken } from '@mercado/service-kit';
import { generateOlist } from '../generate';
import { formatImportSummary, importOlist } from '../import/olist-import';
import { runKafkaScript } from './kafka-control';
import { waitForPipelineDrain } from './pipeline-drain';
import { committedConsumerLag } from './committed-lag';
import { enforceQualityGate } from './quality-gate';
import { repoRoot } from './repo-root';
import { startPlatform, type RunningPlatform } from './platform';
import { platformServices, type PlatformService } from './service-catalog';
import { tcpAnswers } from './tcp';

export interface UpOptions {
  /** Start, report, then stop everything and exit (used by tests and smoke checks). */
  exitWhenReady: boolean;
  portBase: number;
  databasePrefix: string;
  readyTimeoutMs: number;
  out: NodeJS.WritableStream;
  /** What to load once the services run: a generated sample, the Olist files of a folder, or nothing. */
  data: { kind: 'generate'; scale: number; seed: number } | { kind: 'dir'; dir: string } | { kind: 'none' };
  /** How long to wait for the warehouse to apply every event of the import. */
  drainTimeoutMs: number;
}

export interface UpResult {
  services: Array<{ name: string; url: string; pid: number }>;
  startedKafka: boolean;
}

/** Every scope the services know, for the development token printed at start. */
export const ALL_SCOPES = [
  'orders:read',
  'orders:write',
  'customers:read',
  'customers:write',
  'shipments:read',
  'shipments:write',
  'catalog:read',
  'catalog:write',
  'warehouse:read',
  'warehouse:write',
];

const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * The platform's main job: starts Kafka (unless KAFKA_BROKERS names a cluster), checks PostgreSQL,
 * starts the five services, waits until each is ready, prints their URLs and health, then runs until
 * SIGINT or SIGTERM and stops every child it started.
 */
export async function up(options: UpOptions, env: NodeJS.ProcessEnv = process.env): Promise<UpResult> {
  const root = repoRoot();
  const say = (line: string) => options.out.write(`${line}\n`);
  const serverUrl = env.DATABASE_SERVER_URL ?? DEFAULT_SERVER_URL;
  const server = new URL(serverUrl);
  if (!(await tcpAnswers(server.hostname, Number(server.port || 5432), 3_000))) {
    throw new Error(
      `PostgreSQL does not answer at ${server.hostname}:${server.port || 5432}. Start it (pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start) or set DATABASE_SERVER_URL.`,
    );
  }

  let startedKafka = false;
  const kafkaBrokers = env.KAFKA_BROKERS ?? `127.0.0.1:${env.KAFKA_PORT ?? 9092}`;
  if (!env.KAFKA_BROKERS) {
    const kafkaPort = Number(env.KAFKA_PORT ?? 9092);
    const alreadyRunning = await tcpAnswers('127.0.0.1', kafkaPort, 1_000);
    await runKafkaScript(root, 'start', env);
    startedKafka = !alreadyRunning;
  }

  const stopKafka = async () => {
    if (startedKafka) await runKafkaScript(root, 'stop', env).catch((error: Error) => say(error.message));
  };

  let platform: RunningPlatform;
  try {
    platform = await startPlatform({
      root,
      serverUrl,
      kafkaBrokers,
      portBase: options.portBase,
      databasePrefix: options.databasePrefix,
      readyTimeoutMs: options.readyTimeoutMs,
      logDir: path.join(root, '.cache', 'logs'),
      env,
    });
  } catch (error) {
    await stopKafka();
    throw error;
  }
  const stopEverything = async () => {
    await platform.stop();
    await stopKafka();
  };
  const running = platform.services;

  say('');
  say('Mercado is running:');
  say(`  Kafka        ${kafkaBrokers}${startedKafka ? ' (started by this command)' : ''}`);
  say(
    `  PostgreSQL   ${server.hostname}:${server.port || 5432} (databases ${platformServices.map((s) => options.databasePrefix + s.database).join(', ')})`,
  );
  for (const { service, port, child } of running) {
    const health = await fetch(`http://127.0.0.1:${port}/health/ready`)
      .then((r) => r.status)
      .catch(() => 'unreachable');
    say(
      `  ${service.name.padEnd(12)} http://127.0.0.1:${port}  ready=${health}  pid=${child.process.pid}  log=.cache/logs/${service.name}.log`,
    );
  }
  const token = await mintToken({ scopes: ALL_SCOPES, ttl: '12h', subject: 'mercado-up' });
  try {
    if (options.data.kind !== 'none')
      await loadData(
        options,
        root,
        running.map((r) => ({ name: r.service.name, url: `http://127.0.0.1:${r.port}` })),
        token,
        say,
        kafkaBrokers.split(','),
      );
  } catch (error) {
    await stopEverything();
    throw error;
  }
  say('');
  say(`Development token (12 h, every scope):\n  export MERCADO_TOKEN=${token}`);
  say(
    `  curl -H "Authorization: Bearer $MERCADO_TOKEN" http://127.0.0.1:${options.portBase + 5}/openapi.json`,
  );
  const result: UpResult = {
    services: running.map(({ service, port, child }) => ({
      name: service.name,
      url: `http://127.0.0.1:${port}`,
      pid: child.process.pid!,
    })),
    startedKafka,
  };

  if (options.exitWhenReady) {
    await stopEverything();
    say('Stopped (--exit-when-ready).');
    return result;
  }

  say('');
  say('Press Ctrl-C to stop every service' + (startedKafka ? ' and Kafka.' : '.'));
  await new Promise<void>((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      say(`\n${signal}: stopping...`);
      resolve();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
  await stopEverything();
  say('Stopped.');
  return result;
}

async function loadData(
  options: UpOptions,
  root: string,
  services: Array<{ name: PlatformService['name']; url: string }>,
  token: string,
  say: (line: string) => void,
  kafkaBrokers: string[],
): Promise<void> {
  let dir: string;
  if (options.data.kind === 'generate') {
    dir = path.join(root, '.cache', 'sample', `scale-${options.data.scale}-seed-${options.data.seed}`);
    say('');
    say(
      `Generating a synthetic Olist sample (scale ${options.data.scale}, seed ${options.data.seed}) in ${path.relative(root, dir)}`,
    );
    await generateOlist({ scale: options.data.scale, seed: options.data.seed, outDir: dir });
  } else if (options.data.kind === 'dir') {
    dir = path.resolve(options.data.dir);
  } else {
    return;
  }
  const urls = Object.fromEntries(services.map((s) => [s.name, s.url])) as Record<
    PlatformService['name'],
    string
  >;
  say(`Importing ${dir}`);
  const summary = await importOlist({
    dir,
    endpoints: urls,
    token,
    rejectsPath: path.join(root, '.cache', 'import-rejects.ndjson'),
    progress: (line) => say(`  ${line}`),
  });
  say(formatImportSummary(summary));
  const drainSeconds = await waitForPipelineDrain({
    serviceUrls: services.map((s) => s.url),
    timeoutMs: options.drainTimeoutMs,
    // The services' default consumer groups are named after the service (sales.…, warehouse.…).
    committedLag: () =>
      committedConsumerLag({
        kafkaBrokers,
        topics: catalog.topics().map((topic) => topic.name),
        isPlatformGroup: (groupId) => platformServices.some((service) => groupId.startsWith(`${service.name}.`)),
      }),
  });
  say(
    `The warehouse had applied every resulting event ${drainSeconds.toFixed(1)} s after the import ended (${(summary.seconds + drainSeconds).toFixed(1)} s in all).`,
  );
  const response = await fetch(`${urls.warehouse}/warehouse/executive/kpis?from=2016-01-01&to=2030-12-31`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`warehouse KPIs answered ${response.status}: ${await response.text()}`);
  const kpis = (await response.json()) as Record<string, unknown>;
  say('');
  say('Headline KPIs (mart_executive_dashboard, all purchase dates):');
  for (const [key, value] of Object.entries(kpis)) {
    if (key === 'from' || key === 'to') continue;
    say(`  ${key.padEnd(20)} ${value === null ? '—' : String(value)}`);
  }
  // The gate: below 95 % the failing expectations are printed and the main job fails.
  await enforceQualityGate({
    warehouseUrl: urls.warehouse,
    serviceUrls: services.map((s) => s.url),
    token,
    summary,
    say,
  });
}
