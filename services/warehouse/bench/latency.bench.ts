/*
 * Event-to-mart latency of a running warehouse at a steady order rate: the built service
 * (dist/main.js) is started as a process of its own (port 4701, a throwaway database, topics of its
 * own); sellers and products are published first, then every 100 ms a tenth of BENCH_RATE orders,
 * each as its customer's registration, the order placed and approved, its payment and its shipment
 * created (five events, timed now). Read at the end:
 *   - `warehouse_event_to_mart_seconds` from /metrics (the difference over the measured window;
 *     quantiles interpolated within its buckets, as Prometheus' histogram_quantile does);
 *   - mart visibility: every 100 ms the orders counted by mart_executive_dashboard; the k-th order
 *     published is taken as visible when the mart counts k orders (partitions are applied in any
 *     order, so this is an estimate of the same latency, not an exact one).
 *
 *   KAFKA_BROKERS=127.0.0.1:19092 pnpm --filter @mercado/warehouse-service bench:latency
 *   BENCH_RATE=500 BENCH_SECONDS=60 BENCH_PORT=4701 (the defaults)
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { catalog, uuidv7, type EventEnvelope } from '@mercado/contracts';
import { createTestDatabase, createTestTopics, uniqueName, type TestTopics } from '@mercado/testing';
import { Kafka, logLevel, type TopicMessages } from 'kafkajs';
import { Client } from 'pg';

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(',');
const port = Number(process.env.BENCH_PORT ?? 4701);
const rate = Number(process.env.BENCH_RATE ?? 500);
const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const SELLERS = 300;
const PRODUCTS = 3_000;
const TICK_MS = 100;
const serviceRoot = path.resolve(__dirname, '../../..');

const envelope = (type: string, subject: string, time: string, data: unknown): EventEnvelope => ({
  id: uuidv7(),
  type,
  source: '/mercado/bench',
  subject,
  time,
  specversion: '1.0',
  datacontenttype: 'application/json',
  dataschema: `urn:mercado:${type}:1`,
  dataversion: 1,
  data,
});
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
const id = (kind: number, n: number, run: number) => `${hex(kind, 2)}${hex(run, 8)}${hex(n, 22)}`;
const zipOf = (n: number) => String(1000 + ((n * 7919) % 98000)).padStart(5, '0');
const STATES = ['SP', 'SP', 'RJ', 'MG', 'RS', 'PR', 'BA'];
/** São Paulo's local date of an instant (UTC−3, no daylight saving since 2019). */
const localDate = (ms: number) => new Date(ms - 3 * 3_600_000).toISOString().slice(0, 10);

function orderEvents(n: number, run: number, now: number): { topic: string; event: EventEnvelope }[] {
  const time = new Date(now).toISOString();
  const orderId = id(1, n, run);
  const customerId = id(2, n, run);
  const personId = id(6, n, run);
  const zip = zipOf(n);
  const seller = id(4, n % SELLERS, run);
  const price = 1_000 + (n % 20_000);
  const freight = 800 + (n % 3_000);
  return [
    {
      topic: 'customer.customer.v1',
      event: envelope('customer.customer.registered', personId, time, {
        customer_unique_id: personId,
        accounts: [customerId],
        location: { zip_prefix: zip, city: `cidade ${zip}`, state: STATES[n % STATES.length] },
      }),
    },
    {
      topic: 'sales.order.v1',
      event: envelope('sales.order.placed', orderId, time, {
        order_id: orderId,
        customer_id: customerId,
        purchased_at: time,
        lines: [
          {
            line_number: 1,
            product_id: id(3, n % PRODUCTS, run),
            seller_id: seller,
            shipping_limit_at: new Date(now + 3 * 86_400_000).toISOString(),
            price_cents: price,
            freight_cents: freight,
          },
        ],
        imported: false,
      }),
    },
    {
      topic: 'sales.order.v1',
      event: envelope('sales.order.approved', orderId, time, { order_id: orderId, approved_at: time }),
    },
    {
      topic: 'sales.payment.v1',
      event: envelope('sales.payment.recorded', orderId, time, {
        order_id: orderId,
        sequential: 1,
        type: 'credit_card',
        installments: 1,
        value_cents: price + freight,
      }),
    },
    {
      topic: 'fulfillment.shipment.v1',
      event: envelope('fulfillment.shipment.created', orderId, time, {
        order_id: orderId,
        customer_id: customerId,
        estimated_delivery_date: localDate(now + 20 * 86_400_000),
        seller_shipping_limits: [
          { seller_id: seller, shipping_limit_at: new Date(now + 3 * 86_400_000).toISOString() },
        ],
      }),
    },
  ];
}

function dimensionEvents(run: number): { topic: string; event: EventEnvelope }[] {
  const time = new Date().toISOString();
  const sellers = Array.from({ length: SELLERS }, (_, s) => {
    const zip = zipOf(s * 13 + 5);
    return {
      topic: 'marketplace.seller.v1',
      event: envelope('marketplace.seller.onboarded', id(4, s, run), time, {
        seller_id: id(4, s, run),
        zip_prefix: zip,
        city: `cidade ${zip}`,
        normalized_city: `cidade ${zip}`,
        state: STATES[s % STATES.length],
      }),
    };
  });
  const products = Array.from({ length: PRODUCTS }, (_, p) => ({
    topic: 'marketplace.product.v1',
    event: envelope('marketplace.product.listed', id(3, p, run), time, {
      product_id: id(3, p, run),
      category_name: 'cama_mesa_banho',
      category_name_en: 'bed_bath_table',
      translation_missing: false,
      name_length: 40,
      description_length: 500,
      photos_qty: 2,
      weight_g: 800,
      length_cm: 20,
      height_cm: 10,
      width_cm: 15,
    }),
  }));
  return [...sellers, ...products];
}

interface Histogram {
  buckets: Map<number, number>;
  count: number;
}

async function scrapeHistogram(base: string): Promise<Histogram> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const buckets = new Map<number, number>();
  let count = 0;
  for (const line of text.split('\n')) {
    const bucket = /^warehouse_event_to_mart_seconds_bucket\{.*le="([^"]+)".*\} (\d+)/.exec(line);
    if (bucket)
      buckets.set(bucket[1] === '+Inf' ? Number.POSITIVE_INFINITY : Number(bucket[1]), Number(bucket[2]));
    const total = /^warehouse_event_to_mart_seconds_count(?:\{.*\})? (\d+)/.exec(line);
    if (total) count = Number(total[1]);
  }
  return { buckets, count };
}

/** histogram_quantile: linear interpolation inside the bucket holding the rank. */
function histogramQuantile(q: number, before: Histogram, after: Histogram): number {
  const bounds = [...after.buckets.keys()].sort((a, b) => a - b);
  const cumulative = bounds.map((le) => (after.buckets.get(le) ?? 0) - (before.buckets.get(le) ?? 0));
  const total = cumulative.at(-1) ?? 0;
  const rank = q * total;
  for (let i = 0; i < bounds.length; i++) {
    if (cumulative[i]! >= rank) {
      const lower = i === 0 ? 0 : bounds[i - 1]!;
      const below = i === 0 ? 0 : cumulative[i - 1]!;
      if (!Number.isFinite(bounds[i]!)) return lower;
      return lower + ((bounds[i]! - lower) * (rank - below)) / Math.max(1, cumulative[i]! - below);
    }
  }
  return Number.NaN;
}

async function main(): Promise<void> {
  const database = await createTestDatabase(serverUrl, 'warehouse_latency_bench');
  const byPartitions = new Map<number, string[]>();
  for (const topic of catalog.topics())
    byPartitions.set(topic.partitions, [...(byPartitions.get(topic.partitions) ?? []), topic.name]);
  const created: TestTopics[] = [];
  const kafka = new Kafka({ clientId: 'warehouse-latency-bench', brokers, logLevel: logLevel.NOTHING });
  let topics: Record<string, string> = {};
  let service: ReturnType<typeof spawn> | undefined;
  let exited: Promise<void> = Promise.resolve();
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  const db = new Client({ connectionString: database.url });
  try {
    for (const [partitions, names] of byPartitions)
      created.push(await createTestTopics(brokers, names, partitions));
    topics = Object.assign({}, ...created.map((c) => c.names));
    service = spawn(process.execPath, ['dist/main.js'], {
      cwd: serviceRoot,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        DATABASE_URL: database.url,
        KAFKA_BROKERS: brokers.join(','),
        KAFKA_TOPIC_OVERRIDES: Object.entries(topics)
          .map(([logical, actual]) => `${logical}=${actual}`)
          .join(','),
        KAFKA_CONSUMER_PREFIX: uniqueName('warehouse_latency_bench'),
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const child = service;
    exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    const base = `http://127.0.0.1:${port}`;
    await waitReady(`${base}/health/ready`);
    await db.connect();
    await producer.connect();
    const run = Math.floor(Date.now() / 1000) % 0xffffffff;
    const send = async (items: { topic: string; event: EventEnvelope }[]) => {
      const byTopic = new Map<string, TopicMessages>();
      for (const { topic, event } of items) {
        const physical = topics[topic]!;
        if (!byTopic.has(physical)) byTopic.set(physical, { topic: physical, messages: [] });
        byTopic.get(physical)!.messages.push({ key: event.subject ?? null, value: JSON.stringify(event) });
      }
      await producer.sendBatch({ acks: -1, topicMessages: [...byTopic.values()] });
    };
    const martOrders = async () =>
      Number(
        (
          await db.query<{ n: string }>(
            'SELECT coalesce(sum(orders), 0)::text AS n FROM dw.mart_executive_dashboard',
          )
        ).rows[0]!.n,
      );

    await send(dimensionEvents(run));
    await eventuallyTrue(
      async () =>
        Number(
          (await db.query<{ n: string }>('SELECT count(*)::text AS n FROM dw.dim_product')).rows[0]!.n,
        ) >= PRODUCTS,
    );
    const before = await scrapeHistogram(base);
    const ticks = Number(process.env.CLK_TCK ?? 100);
    // The service's backends, read from /proc: pid → CPU seconds.
    const pgCpu = async () => {
      const { rows } = await db.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE application_name = 'warehouse' AND datname = $1`,
        [database.name],
      );
      const cpu = new Map<number, number>();
      for (const { pid } of rows) {
        try {
          const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
          cpu.set(pid, (Number(fields[11]) + Number(fields[12])) / ticks);
        } catch {
          // ended meanwhile
        }
      }
      return cpu;
    };
    const serviceCpu = () => {
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) / ticks;
    };
    const pgAtStart = await pgCpu();
    const serviceAtStart = serviceCpu();
    const loadBefore = os.loadavg()[0]!;

    // Publish on a fixed schedule; the poller records when the mart counts each order.
    const publishedAt: number[] = [];
    const visibleAt: number[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling || visibleAt.length < publishedAt.length) {
        const counted = await martOrders();
        const now = Date.now();
        while (visibleAt.length < Math.min(counted, publishedAt.length)) visibleAt.push(now);
        if (!polling && Date.now() - (publishedAt.at(-1) ?? now) > 60_000) break;
        await new Promise((resolve) => setTimeout(resolve, TICK_MS));
      }
    })();
    const perTick = (rate * TICK_MS) / 1000;
    const started = Date.now();
    let events = 0;
    for (let tick = 0; tick < (seconds * 1000) / TICK_MS; tick++) {
      const due = started + tick * TICK_MS;
      if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
      const now = Date.now();
      const items = Array.from({ length: perTick }, (_, i) =>
        orderEvents(tick * perTick + i, run, now),
      ).flat();
      await send(items);
      events += items.length;
      for (let i = 0; i < perTick; i++) publishedAt.push(now);
    }
    const publishSeconds = (Date.now() - started) / 1000;
    polling = false;
    await poller;
    const after = await scrapeHistogram(base);
    const pgUsed = [...(await pgCpu())].reduce((sum, [pid, cpu]) => sum + cpu - (pgAtStart.get(pid) ?? 0), 0);
    const serviceUsed = serviceCpu() - serviceAtStart;

    const latencies = visibleAt.map((t, i) => (t - publishedAt[i]!) / 1000).sort((a, b) => a - b);
    const q = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? Number.NaN;
    console.log(
      `published ${publishedAt.length} orders (${events} events) in ${publishSeconds.toFixed(1)} s → ${(publishedAt.length / publishSeconds).toFixed(0)} orders/s, ${(events / publishSeconds).toFixed(0)} events/s`,
    );
    console.log(
      `warehouse_event_to_mart_seconds over ${after.count - before.count} events: ` +
        `p50 ${histogramQuantile(0.5, before, after).toFixed(3)} s, p95 ${histogramQuantile(0.95, before, after).toFixed(3)} s, p99 ${histogramQuantile(0.99, before, after).toFixed(3)} s (interpolated in buckets)`,
    );
    console.log(
      `mart visibility of ${latencies.length}/${publishedAt.length} orders: p50 ${q(0.5).toFixed(3)} s, p95 ${q(0.95).toFixed(3)} s, p99 ${q(0.99).toFixed(3)} s, max ${q(1).toFixed(3)} s`,
    );
    console.log(
      `CPU over the window: warehouse service ${serviceUsed.toFixed(1)} s, its PostgreSQL backends ${pgUsed.toFixed(1)} s (${((1e6 * (serviceUsed + pgUsed)) / events).toFixed(0)} µs/event); ` +
        `load average ${loadBefore.toFixed(2)} → ${os.loadavg()[0]!.toFixed(2)}`,
    );
    const { rows: batches } = await db.query<{ batches: number; events: string; apply: string; p95: string }>(
      `SELECT count(*)::integer AS batches, round(avg(events), 1)::text AS events, round(avg(apply_seconds), 3)::text AS apply,
              round(percentile_cont(0.95) WITHIN GROUP (ORDER BY apply_seconds)::numeric, 3)::text AS p95
       FROM dw_meta.batch_log WHERE applied_at >= to_timestamp($1 / 1000.0)`,
      [started],
    );
    console.log(
      `apply batches in the window: ${batches[0]!.batches}, mean ${batches[0]!.events} events, apply seconds mean ${batches[0]!.apply} / p95 ${batches[0]!.p95}`,
    );
    console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}`);
    if (latencies.length < publishedAt.length) process.exitCode = 1;
  } finally {
    await producer.disconnect().catch(() => undefined);
    await db.end().catch(() => undefined);
    service?.kill('SIGTERM');
    await exited;
    const admin = kafka.admin();
    await admin.connect();
    await admin
      .deleteTopics({ topics: Object.values(topics).map((name) => `${name}.dlq`) })
      .catch(() => undefined);
    await admin.disconnect();
    for (const topics of created) await topics.delete().catch(() => undefined);
    await database.drop();
  }
}

async function eventuallyTrue(probe: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('the warehouse did not apply the dimensions in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
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
