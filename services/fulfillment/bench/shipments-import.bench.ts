// Bulk import benchmark: ~100k rows shaped like Olist's orders file (statuses, missing and odd times in
// Olist's proportions) streamed as NDJSON to POST /imports/shipments of a real fulfillment process
// (its own database, outbox rows in the same transactions, the relay publishing to Kafka).
// Prints rows/s and the service's peak RSS. Run: pnpm --filter @mercado/fulfillment-service bench
//   options: --rows 100000 --chunk 1000 --rerun (import the same rows again)
import os from 'node:os';
import path from 'node:path';
import { TOPICS } from '@mercado/contracts';
import { mintToken } from '@mercado/service-kit';
import { countBenchRows, cpuSecondsOf, memoryOf, mib, startBenchService } from '@mercado/testing';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] !== undefined ? args[index + 1]! : fallback;
};
const ROWS = Number(option('rows', '100000'));
const CHUNK = option('chunk', '1000');

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Olist's local text (São Paulo wall clock) of a day and second offset from 2017-01-01. */
function localText(base: number, seconds: number): string {
  const d = new Date(base + seconds * 1000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Rows of an orders file: 97% delivered, then shipped, canceled, unavailable, invoiced, processing… */
export function* ordersRows(count: number, seed = 7): Generator<string> {
  const next = random(seed);
  const base = Date.UTC(2017, 0, 1, 8, 0, 0);
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  for (let i = 0; i < count; i += 1) {
    const roll = next();
    const status =
      roll < 0.9702 ? 'delivered' : roll < 0.9813 ? 'shipped' : roll < 0.9876 ? 'canceled' : roll < 0.9937 ? 'unavailable' : roll < 0.9969 ? 'invoiced' : 'processing';
    const purchase = Math.floor(next() * 600 * 86_400);
    const approved = next() < 0.0016 ? null : purchase + Math.floor(next() * 86_400);
    const carrier =
      status === 'delivered' || status === 'shipped' || (status === 'canceled' && next() < 0.1) ? (approved ?? purchase) + Math.floor(next() * 5 * 86_400) : null;
    const delivered = status === 'delivered' && next() > 0.0001 ? (carrier ?? purchase) + Math.floor((2 + next() * 20) * 86_400) : null;
    const estimateDay = Math.floor((purchase + (15 + next() * 20) * 86_400) / 86_400) * 86_400;
    yield JSON.stringify({
      order_id: `${hex(seed)}${hex(i)}${hex(next() * 2 ** 32)}${hex(next() * 2 ** 32)}`,
      customer_id: `${hex(next() * 2 ** 32)}${hex(i)}${hex(seed)}${hex(next() * 2 ** 32)}`,
      order_status: status,
      order_purchase_timestamp: localText(base, purchase),
      order_approved_at: approved === null ? '' : localText(base, approved),
      order_delivered_carrier_date: carrier === null ? '' : localText(base, carrier),
      order_delivered_customer_date: delivered === null ? '' : localText(base, delivered),
      order_estimated_delivery_date: localText(Date.UTC(2017, 0, 1), estimateDay),
    });
  }
}

async function main(): Promise<void> {
  const service = await startBenchService({
    main: path.join(__dirname, '..', 'src', 'main.js'),
    name: 'fulfillment',
    topicOverrides: {
      [TOPICS.salesOrder.name]: 'bench_sales_order',
      [TOPICS.fulfillmentShipment.name]: 'bench_fulfillment_shipment',
    },
    env: { IMPORT_CHUNK_SIZE: CHUNK, KAFKA_CONSUMER_GROUP: `bench_fulfillment_${process.pid}` },
  });
  const pid = service.process.pid!;
  try {
    const token = await mintToken({ scopes: ['shipments:write', 'shipments:read'], ttl: '1h' });
    const idle = memoryOf(pid);
    let sampledPeak = idle.rss;
    const sampler = setInterval(() => (sampledPeak = Math.max(sampledPeak, memoryOf(pid).rss)), 100);
    const cpuBefore = cpuSecondsOf(pid);
    const first = await service.post('/imports/shipments', ordersRows(ROWS), token);
    const cpu = cpuSecondsOf(pid) - cpuBefore;
    if (first.status !== 200) throw new Error(`import answered ${first.status}: ${JSON.stringify(first.body).slice(0, 500)}`);
    const shipments = await countBenchRows(service.database, 'SELECT count(*) AS n FROM shipment');
    const published = await service.drained();
    const b = first.body;
    console.log(
      `fulfillment bulk import benchmark (${new Date().toISOString()}, ${os.cpus().length} CPU ${os.cpus()[0]?.model ?? ''}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version})`,
    );
    console.log(`input: ${ROWS} orders-file rows, chunk ${CHUNK}`);
    console.log(`answer: received ${b.received}, created ${b.created}, unchanged ${b.unchanged}, rejected ${b.rejected}, chunks ${b.chunks}`);
    console.log(`stored: ${shipments} shipments; ${published.events} events on the topic, the last ${published.seconds.toFixed(1)} s after the answer`);
    console.log(`import: ${first.seconds.toFixed(1)} s, ${Math.round(ROWS / first.seconds)} rows/s; service CPU ${cpu.toFixed(1)} s (load ${os.loadavg()[0]!.toFixed(1)})`);
    console.log(`service RSS: idle ${mib(idle.rss)}, peak ${mib(Math.max(memoryOf(pid).peak, sampledPeak))}`);
    if (args.includes('--rerun')) {
      const again = await service.post('/imports/shipments', ordersRows(ROWS), token);
      const after = await service.drained();
      console.log(
        `re-run: ${again.seconds.toFixed(1)} s, ${Math.round(ROWS / again.seconds)} rows/s, created ${again.body.created}, unchanged ${again.body.unchanged}, events on the topic ${after.events}`,
      );
    }
    clearInterval(sampler);
  } finally {
    await service.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
