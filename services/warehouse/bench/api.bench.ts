/*
 * Latency of every read endpoint of the warehouse API at Olist scale under 50 concurrent clients,
 * with autocannon. The warehouse is the one bench:replay leaves behind (mercado_warehouse_replay_bench:
 * the full Olist-scale history replayed); the built service (dist/main.js) is started on it as a
 * process of its own on port 4700, on topics of its own, and autocannon drives it from this process.
 *
 *   KAFKA_BROKERS=127.0.0.1:19092 pnpm --filter @mercado/warehouse-service bench:replay   # first
 *   KAFKA_BROKERS=127.0.0.1:19092 pnpm --filter @mercado/warehouse-service bench:api
 *   BENCH_SECONDS=10 BENCH_CONNECTIONS=50 BENCH_PORT=4700 (the defaults)
 *   BENCH_DATABASE=… another replayed warehouse; READ_CACHE=false the service without its answer cache
 *   (what every question costs when each one follows a new batch)
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { catalog } from '@mercado/contracts';
import { withDatabaseName } from '@mercado/postgres';
import { ensureDevKeyPair, mintToken } from '@mercado/service-kit';
import { createTestTopics, uniqueName, type TestTopics } from '@mercado/testing';
import autocannon from 'autocannon';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
/** The database bench:replay leaves behind (or a copy of it). */
const REPLAY_BENCH_DATABASE = process.env.BENCH_DATABASE ?? 'mercado_warehouse_replay_bench';

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(',');
const port = Number(process.env.BENCH_PORT ?? 4700);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const serviceRoot = path.resolve(__dirname, '../../..');

interface EndpointResult {
  name: string;
  requests: number;
  non2xx: number;
  errors: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

async function main(): Promise<void> {
  const url = withDatabaseName(serverUrl, REPLAY_BENCH_DATABASE);
  const db = new Client({ connectionString: url });
  await db.connect().catch((error: unknown) => {
    throw new Error(`run bench:replay first (it leaves ${REPLAY_BENCH_DATABASE} behind): ${String(error)}`);
  });
  const { rows: sizes } = await db.query<{ orders: number; sellers: number }>(
    'SELECT (SELECT count(*) FROM dw.fact_orders)::integer AS orders, (SELECT count(*) FROM dw.dim_seller)::integer AS sellers',
  );
  const { rows: top } = await db.query<{ seller_id: string }>(
    'SELECT seller_id FROM dw.mart_seller_performance GROUP BY seller_id ORDER BY sum(orders) DESC, seller_id LIMIT 1',
  );
  await db.end();
  console.log(`warehouse: ${sizes[0]!.orders} orders, ${sizes[0]!.sellers} sellers`);
  const seller = top[0]!.seller_id;

  const keysDir = await mkdtemp(path.join(os.tmpdir(), 'warehouse-api-bench-'));
  const keys = await ensureDevKeyPair(keysDir);
  const byPartitions = new Map<number, string[]>();
  for (const topic of catalog.topics())
    byPartitions.set(topic.partitions, [...(byPartitions.get(topic.partitions) ?? []), topic.name]);
  const created: TestTopics[] = [];
  for (const [partitions, names] of byPartitions) {
    // A busy shared broker answers a fresh topic's metadata with UNKNOWN_TOPIC_OR_PARTITION at times.
    for (let attempt = 1; ; attempt += 1) {
      try {
        created.push(await createTestTopics(brokers, names, partitions));
        break;
      } catch (error) {
        if (attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 2_000));
      }
    }
  }
  const topics: Record<string, string> = Object.assign({}, ...created.map((c) => c.names));

  const service = spawn(process.execPath, ['dist/main.js'], {
    cwd: serviceRoot,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: url,
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_TOPIC_OVERRIDES: Object.entries(topics)
        .map(([logical, actual]) => `${logical}=${actual}`)
        .join(','),
      KAFKA_CONSUMER_PREFIX: uniqueName('warehouse_api_bench'),
      AUTH_JWKS_FILE: keys.publicJwksFile,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => service.on('exit', () => resolve()));
  const results: EndpointResult[] = [];
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitReady(`${base}/health/ready`);
    const token = await mintToken({ dir: keysDir, scopes: ['warehouse:read'], ttl: '1h' });
    const endpoints: [string, string][] = [
      ['executive kpis (a year)', '/warehouse/executive/kpis?from=2017-01-01&to=2017-12-31'],
      ['executive kpis (all)', '/warehouse/executive/kpis?from=2016-01-01&to=2018-12-31'],
      [
        'executive series gmv by day (all)',
        '/warehouse/executive/series?from=2016-09-01&to=2018-10-31&metric=gmv&grain=day',
      ],
      [
        'executive series on_time_rate by ISO week',
        '/warehouse/executive/series?from=2016-09-01&to=2018-10-31&metric=on_time_rate&grain=iso_week',
      ],
      [
        'executive series orders by month',
        '/warehouse/executive/series?from=2016-09-01&to=2018-10-31&metric=orders&grain=month',
      ],
      [
        'sellers ranked by revenue (top 50)',
        '/warehouse/sellers?from=2016-09&to=2018-10&by=revenue&limit=50',
      ],
      [
        'sellers ranked by orders (page 20)',
        '/warehouse/sellers?from=2017-01&to=2017-12&by=orders&limit=50&offset=1000',
      ],
      ['one seller (the biggest)', `/warehouse/sellers/${seller}?from=2016-09&to=2018-10`],
      ['segments', '/warehouse/segments'],
      ['deliveries (all state pairs)', '/warehouse/deliveries?from=2016-09&to=2018-10'],
      ['deliveries (from SP)', '/warehouse/deliveries?from=2017-01&to=2018-10&sellerState=SP'],
      ['freshness', '/warehouse/freshness'],
    ];
    // CPU per request (the service process and its PostgreSQL backends, from /proc): steadier than
    // latency on a machine shared with other runs.
    const monitor = new Client({ connectionString: url });
    await monitor.connect();
    const ticks = Number(process.env.CLK_TCK ?? 100);
    const cpuOf = (pid: number) => {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return (Number(fields[11]) + Number(fields[12])) / ticks;
      } catch {
        return 0;
      }
    };
    const cpuNow = async () => {
      const { rows } = await monitor.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE application_name = 'warehouse' AND datname = $1`,
        [REPLAY_BENCH_DATABASE],
      );
      return { service: cpuOf(service.pid!), backends: new Map(rows.map(({ pid }) => [pid, cpuOf(pid)])) };
    };
    for (const [name, pathAndQuery] of endpoints) {
      // Warm up (first plans, connections), then measure.
      await load(`${base}${pathAndQuery}`, token, 2, 10);
      const before = await cpuNow();
      const result = await load(`${base}${pathAndQuery}`, token, seconds, connections);
      const after = await cpuNow();
      results.push({ name, ...result });
      const serviceCpu = after.service - before.service;
      const postgresCpu = [...after.backends].reduce(
        (sum, [pid, cpu]) => sum + cpu - (before.backends.get(pid) ?? 0),
        0,
      );
      const perRequest = (cpu: number) => ((cpu * 1000) / Math.max(1, result.requests)).toFixed(2);
      console.log(
        `${name.padEnd(42)} ${String(result.requests).padStart(7)} req ${result.rps.toFixed(0).padStart(5)} req/s  ` +
          `p50 ${result.p50.toFixed(1)} ms  p95 ${result.p95.toFixed(1)} ms  p99 ${result.p99.toFixed(1)} ms  max ${result.max.toFixed(1)} ms` +
          `  non-2xx ${result.non2xx} errors ${result.errors}  CPU/request: service ${perRequest(serviceCpu)} ms, PostgreSQL ${perRequest(postgresCpu)} ms` +
          `  (load ${os.loadavg()[0]!.toFixed(2)})`,
      );
    }
    await monitor.end();
  } finally {
    service.kill('SIGTERM');
    await exited;
    const kafka = new Kafka({ clientId: 'warehouse-api-bench', brokers, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    await admin
      .deleteTopics({ topics: Object.values(topics).map((name) => `${name}.dlq`) })
      .catch(() => undefined);
    await admin.disconnect();
    for (const topics of created) await topics.delete().catch(() => undefined);
    await rm(keysDir, { recursive: true, force: true });
  }
  console.log(
    `\n${connections} connections, ${seconds} s per endpoint, read cache ${process.env.READ_CACHE ?? 'true (default)'}; machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}`,
  );
  const slow = results.filter((r) => r.p95 >= 50);
  console.log(
    slow.length === 0 ? 'every endpoint: p95 < 50 ms' : `p95 >= 50 ms: ${slow.map((r) => r.name).join(', ')}`,
  );
  if (results.some((r) => r.non2xx > 0 || r.errors > 0)) process.exitCode = 1;
}

/** One autocannon run; the quantiles come from every response's time (autocannon reports no p95). */
async function load(
  url: string,
  token: string,
  duration: number,
  clients: number,
): Promise<Omit<EndpointResult, 'name'>> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections: clients, duration, headers: { authorization: `Bearer ${token}` } },
      (error, done) =>
        error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      times.push(responseTime);
    });
  });
  times.sort((a, b) => a - b);
  const quantile = (q: number) =>
    times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? Number.NaN;
  return {
    requests: times.length,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    rps: times.length / duration,
    p50: quantile(0.5),
    p95: quantile(0.95),
    p99: quantile(0.99),
    max: times.at(-1) ?? Number.NaN,
  };
}

async function waitReady(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await fetch(url)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${url} not ready after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
