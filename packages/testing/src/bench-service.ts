// Runs a service's built main.js as a real process for a benchmark (its own database and topics),
// streams NDJSON bodies to it, and measures the process from /proc.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { Readable } from 'node:stream';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';

export const BENCH_SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const BENCH_BROKERS = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';

export function benchDatabaseUrl(database: string): string {
  const url = new URL(BENCH_SERVER_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** BENCH_PORT when given (machines shared by several people give each a port range), else any free port. */
export async function freePort(): Promise<number> {
  if (process.env.BENCH_PORT) return Number(process.env.BENCH_PORT);
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Resident memory of a process: current (VmRSS) and peak (VmHWM), in bytes. */
export function memoryOf(pid: number): { rss: number; peak: number } {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return { rss: 0, peak: 0 }; // the process has ended
  }
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** CPU seconds (user + system) a process has used. */
export function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export function mib(bytes: number): string {
  return `${Math.round(bytes / 2 ** 20)} MiB`;
}

export interface BenchService {
  baseUrl: string;
  process: ChildProcess;
  database: string;
  /** Catalog topic → this run's topic. */
  topics: Record<string, string>;
  /** Waits until the relay published (and so removed) every outbox row; resolves with the events on the run's topics. */
  drained(): Promise<{ events: number; seconds: number }>;
  /** Streams NDJSON lines to `path`; resolves with the JSON answer and the seconds it took. */
  post(path: string, lines: Iterable<string>, token: string): Promise<{ status: number; body: Record<string, unknown>; seconds: number }>;
  stop(): Promise<void>;
}

export async function startBenchService(options: {
  main: string;
  name: string;
  topicOverrides: Record<string, string>;
  env?: Record<string, string>;
}): Promise<BenchService> {
  const run = `${Date.now().toString(36)}_${process.pid}`;
  const database = `bench_${options.name}_${run}`;
  const overrides = Object.fromEntries(Object.entries(options.topicOverrides).map(([topic, actual]) => [topic, `${actual}_${run}`]));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [options.main], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: benchDatabaseUrl(database),
      KAFKA_BROKERS: BENCH_BROKERS,
      KAFKA_TOPIC_OVERRIDES: Object.entries(overrides)
        .map(([topic, actual]) => `${topic}=${actual}`)
        .join(','),
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM') console.error(`${options.name} exited: code ${code}, signal ${signal}`);
  });
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${options.name} exited with ${child.exitCode}`);
    if (await fetch(`${baseUrl}/health/ready`).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) throw new Error(`${options.name} did not become ready within 90 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  return {
    baseUrl,
    process: child,
    database,
    topics: overrides,
    async drained() {
      const started = performance.now();
      for (;;) {
        const left = await countBenchRows(database, 'SELECT count(*) AS n FROM messaging_outbox');
        if (left === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const seconds = (performance.now() - started) / 1000;
      const admin = new Kafka({ brokers: BENCH_BROKERS.split(','), clientId: `${options.name}-bench`, logLevel: logLevel.NOTHING }).admin();
      await admin.connect();
      let events = 0;
      for (const topic of Object.values(overrides)) {
        for (const partition of await admin.fetchTopicOffsets(topic)) events += Number(partition.high) - Number(partition.low);
      }
      await admin.disconnect();
      return { events, seconds };
    },
    post(path, lines, token) {
      const chunks = (function* () {
        let batch = '';
        for (const line of lines) {
          batch += `${line}\n`;
          if (batch.length > 64 * 1024) {
            yield batch;
            batch = '';
          }
        }
        if (batch) yield batch;
      })();
      const started = performance.now();
      return new Promise((resolve, reject) => {
        const request = http.request(`${baseUrl}${path}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-ndjson', Authorization: `Bearer ${token}` },
        });
        request.on('response', (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (body += chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body: JSON.parse(body) as Record<string, unknown>, seconds: (performance.now() - started) / 1000 }),
          );
        });
        request.on('error', reject);
        Readable.from(chunks).pipe(request);
      });
    },
    async stop() {
      child.kill('SIGTERM');
      if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
      const admin = new Client({ connectionString: BENCH_SERVER_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.end();
      const kafkaAdmin = new Kafka({ brokers: BENCH_BROKERS.split(','), clientId: `${options.name}-bench`, logLevel: logLevel.NOTHING }).admin();
      await kafkaAdmin.connect();
      await kafkaAdmin
        .deleteTopics({ topics: Object.values(overrides).flatMap((topic) => [topic, `${topic}.dlq`]) })
        .catch(() => undefined);
      await kafkaAdmin.disconnect();
    },
  };
}

/** Counts rows of the service's database. */
export async function countBenchRows(database: string, sql: string): Promise<number> {
  const db = new Client({ connectionString: benchDatabaseUrl(database) });
  await db.connect();
  try {
    return Number((await db.query<{ n: string }>(sql)).rows[0]!.n);
  } finally {
    await db.end();
  }
}

/** The CPU seconds of every PostgreSQL backend of `database` seen so far (each at its last sample). */
export function backendCpuSampler(admin: Client, database: string): { sample(): Promise<void>; total(): number } {
  const seconds = new Map<number, number>();
  return {
    async sample() {
      const { rows } = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [database]);
      for (const { pid } of rows) {
        try {
          seconds.set(pid, cpuSecondsOf(pid));
        } catch {
          // ended between the query and the read: its last sample stands
        }
      }
    },
    total: () => [...seconds.values()].reduce((sum, value) => sum + value, 0),
  };
}

/** Waits for a service process's /health/ready, failing when it exits or after `timeoutMs`. */
export async function waitUntilReady(baseUrl: string, service: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.exitCode !== null) throw new Error(`the service exited with ${service.exitCode}`);
    const ready = await fetch(`${baseUrl}/health/ready`).then((r) => r.ok, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the service did not become ready within ${timeoutMs / 1000} s`);
}
