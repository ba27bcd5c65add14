/*
 * Apply rate of the warehouse on an Olist-scale synthetic history (bench/olist-history.ts), applied
 * as the consumer would: batches of up to BENCH_BATCH events from one topic-partition at a time,
 * partitions taken in turn, each batch in its own transaction with freshness recorded.
 *
 *   pnpm --filter @mercado/warehouse-service bench
 *   BENCH_ORDERS=20000 BENCH_BATCH=2000 DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres pnpm … bench
 *
 * BENCH_STEPS=1 times every step of a batch apart (one round trip per statement) and prints where the
 * time went; BENCH_DEFER=1 applies as a rebuild's replay does (staging only, the facts and marts derived
 * once at the end, timed apart).
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { type EventEnvelope } from '@mercado/contracts';
import { createPool, ensureDatabase, withDatabaseName, withTransaction } from '@mercado/postgres';
import { Client } from 'pg';
import { loadGeolocation } from '../src/infrastructure/sql/geolocation.loader';
import { migrateWarehouse } from '../src/infrastructure/sql/migrator';
import { findKeyViolations, warehouseTables } from '../src/infrastructure/sql/table-keys';
import { PgWarehouseWriter } from '../src/infrastructure/sql/pg-warehouse.writer';
import { createWarehouseApplier } from '../src/infrastructure/warehouse-applier';
import { OLIST_SCALE, olistHistory } from './olist-history';

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const batchSize = Number(process.env.BENCH_BATCH ?? 2000);
const orders = Number(process.env.BENCH_ORDERS ?? OLIST_SCALE.orders);
const ratio = orders / OLIST_SCALE.orders;
const timeSteps = process.env.BENCH_STEPS === '1';
const deferDerivation = process.env.BENCH_DEFER === '1';

async function main(): Promise<void> {
  const url = withDatabaseName(serverUrl, 'mercado_warehouse_bench');
  const admin = new Client({ connectionString: withDatabaseName(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS mercado_warehouse_bench WITH (FORCE)');
  await admin.end();
  await ensureDatabase(url);
  // One connection: one backend, whose CPU time /proc tells (the server runs on this machine).
  const pool = createPool(url, { max: 1 });
  try {
    await migrateWarehouse(pool);
    const generated = performance.now();
    const history = olistHistory({
      orders,
      products: Math.max(100, Math.round(OLIST_SCALE.products * ratio)),
      sellers: Math.max(10, Math.round(OLIST_SCALE.sellers * ratio)),
    });
    console.log(`history model: ${history.orders.length} orders, ${history.persons} persons (${((performance.now() - generated) / 1000).toFixed(1)} s)`);
    const geo = await loadGeolocation(pool, history.geolocation());
    console.log(`geolocation: ${geo.rows} samples → ${geo.zipPrefixes} zip prefixes`);

    const steps = new Map<string, { seconds: number; count: number }>();
    const observeStep = (step: string, seconds: number) => {
      const entry = steps.get(step) ?? { seconds: 0, count: 0 };
      entry.seconds += seconds;
      entry.count++;
      steps.set(step, entry);
    };
    const applier = createWarehouseApplier({ deferDerivation, ...(timeSteps ? { observeStep } : {}) });
    const backend = (await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    const ticks = Number(process.env.CLK_TCK ?? 100);
    const backendCpu = () => {
      const fields = readFileSync(`/proc/${backend}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) / ticks;
    };
    const cpuAtStart = backendCpu();
    const nodeAtStart = process.cpuUsage();
    const loadAtStart = os.loadavg()[0]!;
    const iterators = Object.entries(history.partitions).flatMap(([topic, count]) =>
      Array.from({ length: count }, (_, p) => ({ topic, events: history.partition(topic, p) })),
    );
    const perTopic = new Map<string, number>();
    const batchSeconds: number[] = [];
    let events = 0;
    let applySeconds = 0;
    const started = performance.now();
    while (iterators.length > 0) {
      for (let i = 0; i < iterators.length; ) {
        const batch: EventEnvelope[] = [];
        const source = iterators[i]!;
        for (let next = source.events.next(); !next.done; next = source.events.next()) {
          batch.push(next.value);
          if (batch.length === batchSize) break;
        }
        if (batch.length < batchSize) iterators.splice(i, 1);
        else i++;
        if (batch.length === 0) continue;
        const t0 = performance.now();
        await withTransaction(pool, (tx) => applier.execute(tx, batch));
        const seconds = (performance.now() - t0) / 1000;
        batchSeconds.push(seconds);
        applySeconds += seconds;
        events += batch.length;
        perTopic.set(source.topic, (perTopic.get(source.topic) ?? 0) + batch.length);
        if (batchSeconds.length % 50 === 0) console.log(`  ${events} events, ${(events / applySeconds).toFixed(0)} events/s so far`);
      }
    }
    let completeSeconds = 0;
    if (deferDerivation) {
      const t0 = performance.now();
      await withTransaction(pool, (tx) => new PgWarehouseWriter(tx, 'dw', timeSteps ? { observeStep } : {}).completeDerivation());
      completeSeconds = (performance.now() - t0) / 1000;
      applySeconds += completeSeconds;
    }
    const wall = (performance.now() - started) / 1000;
    const postgresCpu = backendCpu() - cpuAtStart;
    const nodeUsage = process.cpuUsage(nodeAtStart);
    const nodeCpu = (nodeUsage.user + nodeUsage.system) / 1e6;
    const loadAtEnd = os.loadavg()[0]!;
    batchSeconds.sort((a, b) => a - b);
    const quantile = (q: number) => batchSeconds[Math.min(batchSeconds.length - 1, Math.floor(q * batchSeconds.length))]!;

    const tables = await warehouseTables(pool, 'dw');
    const counts = { rows: [] as { table: string; rows: number }[] };
    for (const table of tables) {
      counts.rows.push({ table, rows: (await pool.query<{ n: number }>(`SELECT count(*)::integer AS n FROM dw.${table}`)).rows[0]!.n });
    }
    const violations = await findKeyViolations(pool, 'dw');

    console.log('\nevents per topic:');
    for (const [topic, count] of [...perTopic].sort()) console.log(`  ${topic.padEnd(26)} ${count}`);
    console.log(`\nbatches: ${batchSeconds.length} of up to ${batchSize} events`);
    console.log(`events applied: ${events}`);
    console.log(`time in apply transactions: ${applySeconds.toFixed(1)} s; wall clock (with generation): ${wall.toFixed(1)} s`);
    console.log(`APPLY RATE: ${(events / applySeconds).toFixed(0)} events/s (wall clock ${(events / wall).toFixed(0)} events/s)`);
    console.log(
      `CPU: PostgreSQL backend ${postgresCpu.toFixed(1)} s, Node ${nodeCpu.toFixed(1)} s (generation included) → ` +
        `${(events / (postgresCpu + nodeCpu)).toFixed(0)} events per CPU-second; load average ${loadAtStart.toFixed(1)} → ${loadAtEnd.toFixed(1)}`,
    );
    if (deferDerivation) console.log(`facts and marts derived once at the end: ${completeSeconds.toFixed(1)} s (in the apply time above)`);
    if (timeSteps) {
      console.log('time per step (wall, one backend):');
      for (const [step, { seconds, count }] of [...steps].sort((a, b) => b[1].seconds - a[1].seconds))
        console.log(`  ${step.padEnd(28)} ${seconds.toFixed(2).padStart(8)} s  ${count} runs  ${((seconds / events) * 1e6).toFixed(1)} µs/event`);
    }
    console.log(`batch seconds: p50 ${quantile(0.5).toFixed(3)}, p95 ${quantile(0.95).toFixed(3)}, max ${quantile(1).toFixed(3)}`);
    console.log(`tables: ${counts.rows.map((r) => `${r.table}=${r.rows}`).join(', ')}`);
    console.log(`key violations: ${violations.length === 0 ? 'none' : JSON.stringify(violations)}`);
    console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
