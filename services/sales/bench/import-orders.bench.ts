// Bulk import benchmark: Olist-sized synthetic history (100k orders, ~113k lines, ~104k payments)
// streamed as NDJSON to POST /imports/orders of a real sales service process (real HTTP, its own
// PostgreSQL database, outbox rows written in the same transactions, the relay publishing to Kafka).
// Prints rows/s and the service's peak RSS. Run: pnpm --filter @mercado/sales-service bench
//   options: --orders 100000 --chunk 2000 --seed 7 --port N --rerun (import the same body again) --keep (keep the database)
import { spawn } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { TOPICS } from '@mercado/contracts';
import { createKafkaClient } from '@mercado/messaging';
import { mintToken } from '@mercado/service-kit';
import { backendCpuSampler, benchDatabaseUrl, cpuSecondsOf, freePort, memoryOf, mib, waitUntilReady } from '@mercado/testing';
import { Client } from 'pg';
import { generateOrders, type GeneratedCounts } from './olist-orders.generator';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] !== undefined ? args[index + 1]! : fallback;
};
const ORDERS = Number(option('orders', '100000'));
const CHUNK = option('chunk', '2000');
const SEED = Number(option('seed', '7'));
const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BROKERS = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
const RUN = `${Date.now().toString(36)}_${process.pid}`;
const DATABASE = `bench_sales_${RUN}`;
const TOPIC_OVERRIDES = Object.fromEntries(
  [TOPICS.salesOrder.name, TOPICS.salesPayment.name, TOPICS.fulfillmentShipment.name].map((name) => [name, `bench_${name.replace(/\./g, '_')}_${RUN}`]),
);

/** Streams the generated orders as NDJSON; resolves with the answer and the time it took. */
function importOrders(baseUrl: string, token: string, counts: GeneratedCounts): Promise<{ status: number; body: string; seconds: number; startedAt: number }> {
  const lines = (function* () {
    let batch = '';
    for (const order of generateOrders(ORDERS, SEED, counts)) {
      batch += `${JSON.stringify(order)}\n`;
      if (batch.length > 64 * 1024) {
        yield batch;
        batch = '';
      }
    }
    if (batch) yield batch;
  })();
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request(`${baseUrl}/imports/orders`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-ndjson', Authorization: `Bearer ${token}` },
    });
    request.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body, seconds: (performance.now() - started) / 1000, startedAt: started }));
    });
    request.on('error', reject);
    Readable.from(lines).pipe(request);
  });
}

async function main(): Promise<void> {
  // --port N (or BENCH_PORT) when the machine gives each user a port range; a free one otherwise.
  const port = Number(option('port', process.env.BENCH_PORT ?? '0')) || (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const main = path.join(__dirname, '..', 'src', 'main.js');
  // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the service.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const service = spawn(process.execPath, [...nodeArgs, main], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: benchDatabaseUrl(DATABASE),
      KAFKA_BROKERS: BROKERS,
      KAFKA_TOPIC_OVERRIDES: Object.entries(TOPIC_OVERRIDES)
        .map(([name, actual]) => `${name}=${actual}`)
        .join(','),
      KAFKA_CONSUMER_PREFIX: `bench_sales_${RUN}`,
      IMPORT_CHUNK_SIZE: CHUNK,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const admin = new Client({ connectionString: SERVER_URL });
  await admin.connect();
  try {
    await waitUntilReady(baseUrl, service);
    const token = await mintToken({ scopes: ['orders:write', 'orders:read'], ttl: '1h' });
    const idle = memoryOf(service.pid!);
    let sampledPeak = idle.rss;
    const sampler = setInterval(() => {
      sampledPeak = Math.max(sampledPeak, memoryOf(service.pid!).rss);
    }, 100);

    const counts: GeneratedCounts = { orders: 0, lines: 0, payments: 0 };
    // Pool connections come and go: their CPU is sampled while they live, the last figure kept.
    const backendCpu = backendCpuSampler(admin, DATABASE);
    const backendSampler = setInterval(() => void backendCpu.sample().catch(() => undefined), 500).unref();
    const cpuBefore = cpuSecondsOf(service.pid!);
    const first = await importOrders(baseUrl, token, counts);
    const serviceCpu = cpuSecondsOf(service.pid!) - cpuBefore;
    // The database's share: CPU of the server processes serving this database (pool and relay).
    const backends = await admin.query<{ pid: number; application_name: string }>(
      'SELECT pid, application_name FROM pg_stat_activity WHERE datname = $1',
      [DATABASE],
    );
    const relayCpu = backends.rows.filter((row) => row.application_name === 'outbox-relay').reduce((sum, row) => sum + cpuSecondsOf(row.pid), 0);
    const databaseCpu = backends.rows.reduce((sum, row) => sum + cpuSecondsOf(row.pid), 0);
    const afterFirst = memoryOf(service.pid!);
    if (first.status !== 200) throw new Error(`import answered ${first.status}: ${first.body.slice(0, 500)}`);
    const summary = JSON.parse(first.body) as { received: number; accepted: number; duplicates: number; rejected: unknown[] };
    const rows = counts.orders + counts.lines + counts.payments;

    const db = new Client({ connectionString: benchDatabaseUrl(DATABASE) });
    await db.connect();
    // The import answers once its rows and outbox rows are committed; the relay may still be
    // publishing. Until the outbox is empty is what the events cost end to end.
    while (Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM messaging_outbox')).rows[0]!.n) > 0) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const drainedSeconds = (performance.now() - first.startedAt) / 1000;
    const drainedServiceCpu = cpuSecondsOf(service.pid!) - cpuBefore;
    await backendCpu.sample();
    clearInterval(backendSampler);
    const drainedDatabaseCpu = backendCpu.total();
    const tables = await db.query<{ orders: string; lines: string; payments: string; steps: string; outbox: string }>(
      `SELECT (SELECT count(*) FROM sales_order) AS orders, (SELECT count(*) FROM sales_order_line) AS lines,
              (SELECT count(*) FROM sales_payment) AS payments, (SELECT count(*) FROM sales_order_status_change) AS steps,
              (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM messaging_outbox_position_seq) AS outbox`,
    );
    const stored = tables.rows[0]!;

    console.log(`sales bulk import benchmark (${new Date().toISOString()}, ${os.cpus().length} CPU ${os.cpus()[0]?.model ?? ''}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version})`);
    console.log(`input: ${counts.orders} orders, ${counts.lines} lines, ${counts.payments} payments (${rows} rows), chunk ${CHUNK}`);
    console.log(`summary: received ${summary.received}, accepted ${summary.accepted}, duplicates ${summary.duplicates}, rejected ${summary.rejected.length}`);
    console.log(`stored: ${stored.orders} orders, ${stored.lines} lines, ${stored.payments} payments, ${stored.steps} status steps; ${stored.outbox} events appended to the outbox`);
    console.log(`import: ${first.seconds.toFixed(1)} s, ${Math.round(counts.orders / first.seconds)} orders/s, ${Math.round(rows / first.seconds)} rows/s (orders+lines+payments)`);
    console.log(`service RSS: idle ${mib(idle.rss)}, peak ${mib(Math.max(afterFirst.peak, sampledPeak))}`);
    console.log(
      `CPU: service ${serviceCpu.toFixed(1)} s; PostgreSQL ${databaseCpu.toFixed(1)} s, of which the relay's session ${relayCpu.toFixed(1)} s ` +
        `(machine load ${os.loadavg()[0]!.toFixed(1)})`,
    );
    console.log(
      `outbox drained (every event on Kafka): ${drainedSeconds.toFixed(1)} s after the first byte; CPU by then: service ${drainedServiceCpu.toFixed(1)} s, ` +
        `PostgreSQL ${drainedDatabaseCpu.toFixed(1)} s; ${(((drainedServiceCpu + drainedDatabaseCpu) * 1e6) / rows).toFixed(0)} µs of CPU per row`,
    );

    if (args.includes('--rerun')) {
      const again = await importOrders(baseUrl, token, { orders: 0, lines: 0, payments: 0 });
      const rerun = JSON.parse(again.body) as { accepted: number; duplicates: number };
      const after = (await db.query<{ n: string }>('SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS n FROM messaging_outbox_position_seq')).rows[0]!.n;
      console.log(`re-run: ${again.seconds.toFixed(1)} s, accepted ${rerun.accepted}, duplicates ${rerun.duplicates}, events appended ${Number(after) - Number(stored.outbox)}; peak RSS ${mib(memoryOf(service.pid!).peak)}`);
    }
    clearInterval(sampler);
    await db.end();
  } finally {
    service.kill('SIGTERM');
    await new Promise((resolve) => service.once('exit', resolve));
    if (!args.includes('--keep')) {
      await admin.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
      const kafka = createKafkaClient({ brokers: BROKERS.split(','), clientId: 'sales-bench' });
      const kafkaAdmin = kafka.admin();
      await kafkaAdmin.connect();
      const topics = Object.values(TOPIC_OVERRIDES).flatMap((name) => [name, `${name}.dlq`]);
      await kafkaAdmin.deleteTopics({ topics }).catch(() => undefined);
      await kafkaAdmin.disconnect();
    }
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
