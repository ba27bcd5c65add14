/**
 * Benchmark of the event backbone: outbox insert → relay → Kafka → consumer → committed effect.
 * Not a test: it prints figures (see docs/benchmarks.md). Run with `pnpm --filter @mercado/messaging bench`.
 *
 * Scenarios, each on a fresh database and topic (6 partitions) of the real servers:
 *  1. throughput: BENCH_EVENTS (200,000) events written as fast as the writer can (transactions of
 *     1,000), relay and batch consumer running meanwhile; end to end events/s from the first insert
 *     to the last effect applied.
 *  2. latency: a steady BENCH_RATE (1,000) events/s for BENCH_SECONDS (30) s; latency of each event
 *     from its creation (envelope time, just before the insert) to its effect row (clock_timestamp()
 *     in the consumer's transaction).
 *  3. baseline: the naive consumer (eachMessage, one transaction and one INSERT per message) on
 *     BENCH_NAIVE_EVENTS (20,000) events, same relay, same writer.
 * The relay and the consumer run as separate processes; their peak RSS is reported.
 *
 * Environment: KAFKA_BROKERS (127.0.0.1:9092), DATABASE_URL (postgres://postgres@127.0.0.1:5432/postgres).
 */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPool, type Pool } from '@mercado/postgres';
import { createTestDatabase, uniqueName, type TestDatabase } from '@mercado/testing';
import { createKafkaClient, ensureMessagingSchema, OutboxWriter, provisionTopics } from '../src';
import { runScript, type ChildScript } from '../src/test-support/child-script';
import { EFFECT_TABLE_SQL, effectCounts } from '../src/test-support/effect-table';
import { deleteTopics } from '../src/test-support/kafka-probes';
import { uuidv7, type EventEnvelope } from '@mercado/contracts';
import { orderApproved } from '../src/test-support/sample-events';
import { MemoryLogger } from '../src/test-support/silent-logger';

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const EVENTS = Number(process.env.BENCH_EVENTS ?? 200_000);
const NAIVE_EVENTS = Number(process.env.BENCH_NAIVE_EVENTS ?? 20_000);
const RATE = Number(process.env.BENCH_RATE ?? 1_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CONCURRENCY = process.env.BENCH_CONSUMER_CONCURRENCY ?? '3';
const SCRIPTS = path.resolve(__dirname, '..', 'src', 'test-support');

const logger = new MemoryLogger();

/**
 * Events for the writer: one envelope built (and validated) by createEnvelope, then copied with a new
 * id, key and time, so that the writer measures the backbone rather than the schema validation a
 * service does when it creates an event.
 */
const template = orderApproved('template');
function event(subject: string, at: Date = new Date()): EventEnvelope {
  const time = at.toISOString();
  return { ...template, id: uuidv7(at.getTime()), subject, time, data: { order_id: subject, approved_at: time.replace('Z', '+00:00') } };
}
const kafka = createKafkaClient({ brokers, clientId: 'backbone-bench', logger });

interface Figures {
  events: number;
  seconds: number;
  writerSeconds: number;
  /** From the event's creation (just before its insert) to its effect row. */
  latency: { p50: number; p99: number; max: number };
  relayRssMb: number;
  consumerRssMb: number;
  /**
   * CPU time per event, in µs: the relay, the consumer, the writer (this process), the scenario's
   * PostgreSQL backends, and the Kafka broker (shared: includes whatever else it served meanwhile).
   */
  cpuPerEvent: { relay: number; consumer: number; writer: number; postgres: number; kafka: number };
}

class Scenario {
  private constructor(
    readonly database: TestDatabase,
    readonly pool: Pool,
    readonly topic: string,
    readonly relay: ChildScript,
    readonly consumer: ChildScript,
  ) {}

  static async start(mode: 'batch' | 'naive'): Promise<Scenario> {
    const database = await createTestDatabase(serverUrl, 'bench');
    const pool = createPool(database.url, { max: 4 });
    await ensureMessagingSchema(pool);
    await pool.query(EFFECT_TABLE_SQL);
    const topic = uniqueName(`bench_${mode}`);
    await provisionTopics(kafka, [{ name: topic, partitions: 6 }]);
    const env = { DATABASE_URL: database.url, KAFKA_BROKERS: brokers.join(',') };
    const relay = runScript(path.join(SCRIPTS, 'relay.process.js'), { ...env, RELAY_BATCH_SIZE: '2000' });
    const consumer = runScript(path.join(SCRIPTS, 'consumer.process.js'), {
      ...env,
      CONSUMER_TOPIC: topic,
      CONSUMER_GROUP: uniqueName(`bench_${mode}_group`),
      CONSUMER_MODE: mode,
      CONSUMER_CONCURRENCY: CONCURRENCY,
    });
    const scenario = new Scenario(database, pool, topic, relay, consumer);
    await Promise.all([relay.waitForLine((l) => l.event === 'started'), consumer.waitForLine((l) => l.event === 'started')]);
    // Warm-up: the first event pays for the group join and the producer's connection.
    await scenario.writer.append(pool, [event('warmup')]);
    await scenario.applied(1, 60_000);
    return scenario;
  }

  readonly writer = new OutboxWriter({ topicOf: () => this.topic });

  /** Resolves when the consumer has applied `total` events (including the warm-up). */
  applied(total: number, timeoutMs = 600_000): Promise<unknown> {
    return this.consumer.waitForLine((l) => l.event === 'applied' && (l.total as number) >= total, timeoutMs);
  }

  /** Writes `count` events as fast as possible, in transactions of 1,000. */
  async burst(count: number, label: string): Promise<void> {
    for (let written = 0; written < count; written += 1_000) {
      const size = Math.min(1_000, count - written);
      await this.writer.append(this.pool, Array.from({ length: size }, (_, i) => event(`${label}-${(written + i) % 10_007}`)));
    }
  }

  /** Writes `rate` events per second for `seconds`, in a transaction every 10 ms. */
  async steady(rate: number, seconds: number, label: string): Promise<number> {
    const started = performance.now();
    const total = rate * seconds;
    let written = 0;
    while (written < total) {
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate));
      if (due > written) {
        const now = new Date();
        await this.writer.append(this.pool, Array.from({ length: due - written }, (_, i) => event(`${label}-${(written + i) % 10_007}`, now)));
        written = due;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return written;
  }

  async latency(label: string): Promise<Figures['latency']> {
    const { rows } = await this.pool.query<{ p50: number; p99: number; max: number }>(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99,
              max(ms) AS max
       FROM (SELECT extract(epoch FROM applied_at - event_time) * 1000 AS ms FROM messaging_test_effect WHERE subject LIKE $1) l`,
      [`${label}-%`],
    );
    return { p50: Number(rows[0]!.p50), p99: Number(rows[0]!.p99), max: Number(rows[0]!.max) };
  }

  /** Stops both processes (SIGTERM) and returns their peak RSS in MB; checks the effect; cleans up. */
  async finish(
    expected: number,
    writerCpuMs: number,
    kafkaCpuMs: number,
  ): Promise<Pick<Figures, 'relayRssMb' | 'consumerRssMb' | 'cpuPerEvent'>> {
    // The database's backends (relay session, consumer pool, writer pool) are alive until now.
    const backends = await this.pool.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
    const postgresCpuMs = backends.rows.reduce((sum, { pid }) => sum + processCpuMs(pid), 0);
    this.relay.process.kill('SIGTERM');
    this.consumer.process.kill('SIGTERM');
    const [relayStopped, consumerStopped] = await Promise.all([
      this.relay.waitForLine((l) => l.event === 'stopped', 60_000),
      this.consumer.waitForLine((l) => l.event === 'stopped', 60_000),
    ]);
    const counts = await effectCounts(this.pool);
    if (counts.total !== expected || counts.distinct !== expected) {
      throw new Error(`effect check failed: expected ${expected} rows, got ${JSON.stringify(counts)}`);
    }
    await this.pool.end();
    await this.database.drop();
    await deleteTopics(kafka, [this.topic, `${this.topic}.dlq`]);
    return {
      relayRssMb: Math.round((relayStopped.maxRssKb as number) / 1024),
      consumerRssMb: Math.round((consumerStopped.maxRssKb as number) / 1024),
      cpuPerEvent: {
        relay: Math.round(((relayStopped.cpuMs as number) * 1000) / expected),
        consumer: Math.round(((consumerStopped.cpuMs as number) * 1000) / expected),
        writer: Math.round((writerCpuMs * 1000) / expected),
        postgres: Math.round((postgresCpuMs * 1000) / expected),
        kafka: Math.round((kafkaCpuMs * 1000) / expected),
      },
    };
  }
}

/** CPU time (user + system) a process has used, from /proc; 0 when it cannot be read. */
function processCpuMs(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}
const CLOCK_TICKS = 100;

/** The shared broker's process (kafka.sh keeps its pid), for its CPU time. */
function brokerPid(): number {
  try {
    return Number(readFileSync(path.resolve(__dirname, '..', '..', '..', '..', '.cache', 'kafka', `run-${brokers[0]!.split(':')[1]}`, 'kafka.pid'), 'utf8'));
  } catch {
    return 0;
  }
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
}

async function throughput(mode: 'batch' | 'naive', events: number): Promise<Figures> {
  const scenario = await Scenario.start(mode);
  const cpu = process.cpuUsage();
  const broker = processCpuMs(brokerPid());
  const started = performance.now();
  await scenario.burst(events, 'burst');
  const writerSeconds = (performance.now() - started) / 1000;
  await scenario.applied(events + 1);
  const seconds = (performance.now() - started) / 1000;
  const latency = await scenario.latency('burst');
  return { events, seconds, writerSeconds, latency, ...(await scenario.finish(events + 1, cpuMs(cpu), processCpuMs(brokerPid()) - broker)) };
}

async function steadyLatency(): Promise<Figures> {
  const scenario = await Scenario.start('batch');
  const cpu = process.cpuUsage();
  const broker = processCpuMs(brokerPid());
  const started = performance.now();
  const events = await scenario.steady(RATE, SECONDS, 'steady');
  const writerSeconds = (performance.now() - started) / 1000;
  await scenario.applied(events + 1);
  const seconds = (performance.now() - started) / 1000;
  const latency = await scenario.latency('steady');
  return { events, seconds, writerSeconds, latency, ...(await scenario.finish(events + 1, cpuMs(cpu), processCpuMs(brokerPid()) - broker)) };
}

function machine(): string[] {
  const kafkaVersion = /<kafka\.version>(.*)<\/kafka\.version>/.exec(
    readFileSync(path.resolve(__dirname, '..', '..', '..', '..', 'infra', 'kafka', 'pom.xml'), 'utf8'),
  )?.[1];
  const free = (() => {
    try {
      return execSync('free -h', { encoding: 'utf8' }).trim().split('\n').slice(0, 2).join(' | ').replace(/\s+/g, ' ');
    } catch {
      return `${Math.round(os.totalmem() / 2 ** 30)} GiB total`;
    }
  })();
  return [
    `date: ${new Date().toString()}`,
    `cpus (nproc): ${os.availableParallelism()} x ${os.cpus()[0]?.model ?? '?'}`,
    `memory (free -h): ${free}`,
    `load average at start: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`,
    `node ${process.version}, kafka ${kafkaVersion ?? '?'} (broker ${brokers.join(',')})`,
  ];
}

const rate = (f: Figures): number => Math.round(f.events / f.seconds);
const ms = (value: number): string => `${value.toFixed(1)} ms`;

async function main(): Promise<void> {
  const header = machine();
  const pg = createPool(serverUrl, { max: 1 });
  header.push(`postgres: ${(await pg.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v}`);
  await pg.end();
  for (const line of header) console.log(line);

  console.log(`\n1. throughput, batch consumer: ${EVENTS} events ...`);
  const batch = await throughput('batch', EVENTS);
  console.log(`   ${rate(batch)} events/s end to end (${batch.seconds.toFixed(1)} s; writer done after ${batch.writerSeconds.toFixed(1)} s)`);

  console.log(`\n2. latency at a steady ${RATE} events/s for ${SECONDS} s ...`);
  const steady = await steadyLatency();
  console.log(`   p50 ${ms(steady.latency.p50)}, p99 ${ms(steady.latency.p99)}, max ${ms(steady.latency.max)} (${steady.events} events)`);

  console.log(`\n3. baseline, naive consumer (eachMessage, a transaction per message): ${NAIVE_EVENTS} events ...`);
  const naive = await throughput('naive', NAIVE_EVENTS);
  console.log(`   ${rate(naive)} events/s end to end (${naive.seconds.toFixed(1)} s)`);

  const rows = [
    ['', 'events', 'seconds', 'events/s', 'p50', 'p99', 'relay RSS', 'consumer RSS', 'CPU µs/event: relay, consumer, writer, postgres, kafka'],
    ['batch, burst', batch, 'burst'],
    ['batch, steady', steady, 'steady'],
    ['naive, burst', naive, 'burst'],
  ].map((row, index) => {
    if (index === 0) return row as string[];
    const f = row[1] as Figures;
    return [row[0] as string, String(f.events), f.seconds.toFixed(1), String(rate(f)), ms(f.latency.p50), ms(f.latency.p99), `${f.relayRssMb} MB`, `${f.consumerRssMb} MB`, `${f.cpuPerEvent.relay}, ${f.cpuPerEvent.consumer}, ${f.cpuPerEvent.writer}, ${f.cpuPerEvent.postgres}, ${f.cpuPerEvent.kafka}`];
  });
  console.log('\nsummary');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  console.log(`\nbatch / naive throughput: ${(rate(batch) / rate(naive)).toFixed(1)}x`);
  console.log(`writer (this process) peak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  console.log(`load average at end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
