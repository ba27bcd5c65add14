/*
 * Rebuild-by-replay rate of the warehouse on an Olist-scale history (bench/olist-history.ts): the
 * history is published to unique Kafka topics (as many partitions as the catalog gives each), then the
 * real rebuild command (dist/interface/cli/rebuild-warehouse.cli.js) replays them from the earliest
 * offset into a fresh schema and swaps it in, pointed at the topics with KAFKA_TOPIC_OVERRIDES.
 * Measured: the command's wall time, its peak memory and CPU (/usr/bin/time), and the CPU of its
 * PostgreSQL backends (sampled from /proc while it runs).
 *
 *   KAFKA_BROKERS=127.0.0.1:19092 pnpm --filter @mercado/warehouse-service bench:replay
 *   BENCH_ORDERS=20000 … (a smaller history)
 *
 * The database (mercado_warehouse_replay_bench) is kept for bench:api; the topics are deleted.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { catalog } from '@mercado/contracts';
import { createPool, ensureDatabase, withDatabaseName } from '@mercado/postgres';
import { createTestTopics, type TestTopics } from '@mercado/testing';
import { Kafka, logLevel, type Message } from 'kafkajs';
import { Client } from 'pg';
import { loadGeolocation } from '../src/infrastructure/sql/geolocation.loader';
import { migrateWarehouse } from '../src/infrastructure/sql/migrator';
import { findKeyViolations, warehouseTables } from '../src/infrastructure/sql/table-keys';
import { OLIST_SCALE, olistHistory } from './olist-history';

const REPLAY_BENCH_DATABASE = 'mercado_warehouse_replay_bench';
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(',');
const orders = Number(process.env.BENCH_ORDERS ?? OLIST_SCALE.orders);
const ratio = orders / OLIST_SCALE.orders;
const serviceRoot = path.resolve(__dirname, '../../..');

async function main(): Promise<void> {
  const url = withDatabaseName(serverUrl, REPLAY_BENCH_DATABASE);
  const admin = new Client({ connectionString: withDatabaseName(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${REPLAY_BENCH_DATABASE} WITH (FORCE)`);
  await admin.end();
  await ensureDatabase(url);
  const pool = createPool(url, { max: 1 });
  const created: TestTopics[] = [];
  try {
    await migrateWarehouse(pool);
    const history = olistHistory({
      orders,
      products: Math.max(100, Math.round(OLIST_SCALE.products * ratio)),
      sellers: Math.max(10, Math.round(OLIST_SCALE.sellers * ratio)),
    });
    // Reference data the rebuild copies from the live schema (it comes from a file, not from events).
    const geo = await loadGeolocation(pool, history.geolocation());
    console.log(
      `history model: ${history.orders.length} orders, ${history.persons} persons; geolocation ${geo.rows} samples`,
    );

    const byPartitions = new Map<number, string[]>();
    for (const topic of catalog.topics())
      byPartitions.set(topic.partitions, [...(byPartitions.get(topic.partitions) ?? []), topic.name]);
    for (const [partitions, names] of byPartitions)
      created.push(await withRetries(() => createTestTopics(brokers, names, partitions)));
    const topics: Record<string, string> = Object.assign({}, ...created.map((c) => c.names));
    for (const [logical, count] of Object.entries(history.partitions)) {
      if (catalog.topics().find((t) => t.name === logical)?.partitions !== count)
        throw new Error(`${logical}: the history has ${count} partitions, the catalog another count`);
    }

    const published = await publish(history, topics);
    console.log(
      `published ${published.events} events (${(published.bytes / 2 ** 20).toFixed(0)} MiB) in ${published.seconds.toFixed(1)} s`,
    );

    const result = await timeRebuild(url, topics);
    const tables = await warehouseTables(pool, 'dw');
    const counts: string[] = [];
    for (const table of tables)
      counts.push(
        `${table}=${(await pool.query<{ n: number }>(`SELECT count(*)::integer AS n FROM dw.${table}`)).rows[0]!.n}`,
      );
    const violations = await findKeyViolations(pool, 'dw');
    const logged = (
      await pool.query<{ events: number; status: string }>(
        'SELECT events, status FROM dw_meta.rebuild_log ORDER BY started_at DESC LIMIT 1',
      )
    ).rows[0];

    console.log(
      `\nrebuild: ${logged?.status}, ${logged?.events} events applied (published ${published.events})`,
    );
    console.log(
      `wall clock of the command: ${result.wall.toFixed(1)} s → REPLAY RATE ${(published.events / result.wall).toFixed(0)} events/s`,
    );
    console.log(`peak memory of the command (max RSS): ${(result.maxRssKb / 1024).toFixed(0)} MiB`);
    console.log(
      `CPU: Node ${result.nodeCpu.toFixed(1)} s (${((result.nodeCpu * 1e6) / published.events).toFixed(1)} µs/event), ` +
        `PostgreSQL backends ${result.postgresCpu.toFixed(1)} s (${((result.postgresCpu * 1e6) / published.events).toFixed(1)} µs/event) → ` +
        `${(published.events / (result.nodeCpu + result.postgresCpu)).toFixed(0)} events per CPU-second`,
    );
    console.log(`load average: ${result.loadBefore.toFixed(2)} → ${result.loadAfter.toFixed(2)}`);
    console.log(`tables: ${counts.join(', ')}`);
    console.log(`key violations: ${violations.length === 0 ? 'none' : JSON.stringify(violations)}`);
    console.log(
      `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    );
    console.log(`database kept for bench:api: ${REPLAY_BENCH_DATABASE}`);
    if (logged?.status !== 'swapped' || Number(logged.events) !== published.events || violations.length > 0)
      process.exitCode = 1;
  } finally {
    await pool.end();
    for (const topics of created) await topics.delete().catch(() => undefined);
  }
}

/** Publishes every topic-partition of the history to its partition, as the producers' outboxes would. */
async function publish(
  history: ReturnType<typeof olistHistory>,
  topics: Record<string, string>,
): Promise<{ events: number; bytes: number; seconds: number }> {
  const kafka = new Kafka({ clientId: 'warehouse-replay-bench', brokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const started = performance.now();
  let events = 0;
  let bytes = 0;
  try {
    for (const [logical, count] of Object.entries(history.partitions)) {
      for (let partition = 0; partition < count; partition++) {
        let messages: Message[] = [];
        let batchBytes = 0;
        const inFlight: Promise<unknown>[] = [];
        const flush = async () => {
          if (messages.length === 0) return;
          inFlight.push(producer.send({ topic: topics[logical]!, acks: -1, messages }));
          messages = [];
          batchBytes = 0;
          // A few requests in flight; order within the partition is kept by the broker connection.
          if (inFlight.length >= 4) await Promise.all(inFlight.splice(0));
        };
        for (const event of history.partition(logical, partition)) {
          const value = JSON.stringify(event);
          bytes += value.length;
          batchBytes += value.length;
          messages.push({ key: event.subject ?? null, value, partition });
          events++;
          // Under the broker's 1 MB record-batch limit.
          if (batchBytes >= 512 * 1024) await flush();
        }
        await flush();
        await Promise.all(inFlight);
      }
    }
  } finally {
    await producer.disconnect();
  }
  return { events, bytes, seconds: (performance.now() - started) / 1000 };
}

interface RebuildRun {
  wall: number;
  maxRssKb: number;
  nodeCpu: number;
  postgresCpu: number;
  loadBefore: number;
  loadAfter: number;
}

/** Runs the rebuild command under /usr/bin/time, sampling the CPU of its PostgreSQL backends. */
async function timeRebuild(url: string, topics: Record<string, string>): Promise<RebuildRun> {
  const monitor = new Client({ connectionString: url });
  await monitor.connect();
  const ticks = Number(process.env.CLK_TCK ?? 100);
  const backendCpu = new Map<number, number>();
  const sample = async () => {
    const { rows } = await monitor.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE application_name = 'warehouse-rebuild'`,
    );
    for (const { pid } of rows) {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        backendCpu.set(pid, (Number(fields[11]) + Number(fields[12])) / ticks);
      } catch {
        // The backend ended between the query and the read: its last sample stands.
      }
    }
  };
  const loadBefore = os.loadavg()[0]!;
  const started = performance.now();
  const child = spawn(
    '/usr/bin/time',
    ['-f', 'TIME %e %U %S %M', process.execPath, 'dist/interface/cli/rebuild-warehouse.cli.js'],
    {
      cwd: serviceRoot,
      env: {
        ...process.env,
        DATABASE_URL: url,
        KAFKA_BROKERS: brokers.join(','),
        KAFKA_TOPIC_OVERRIDES: Object.entries(topics)
          .map(([logical, actual]) => `${logical}=${actual}`)
          .join(','),
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'inherit', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const timer = setInterval(() => void sample().catch(() => undefined), 250);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(timer);
  const wall = (performance.now() - started) / 1000;
  await monitor.end();
  const timed = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(stderr);
  if (code !== 0 || !timed) throw new Error(`the rebuild command failed (exit ${code}):\n${stderr}`);
  return {
    wall,
    maxRssKb: Number(timed[4]),
    nodeCpu: Number(timed[2]) + Number(timed[3]),
    postgresCpu: [...backendCpu.values()].reduce((a, b) => a + b, 0),
    loadBefore,
    loadAfter: os.loadavg()[0]!,
  };
}

/** The shared broker sometimes answers a fresh topic's metadata late (UNKNOWN_TOPIC_OR_PARTITION). */
async function withRetries<T>(action: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await action();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
