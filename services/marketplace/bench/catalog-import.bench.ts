// Bulk import benchmark: Olist's real catalogue files (32,951 products, 3,095 sellers, 71 translations)
// streamed as NDJSON to the bulk import endpoints of a real marketplace process (its own database,
// outbox rows in the same transactions, the relay publishing to Kafka). Prints rows/s and the
// service's peak RSS. Run: pnpm --filter @mercado/marketplace-service bench
//   options: --copies 3 (the products and sellers files again under derived ids: more volume)
//            --chunk 1000 --rerun (import the same rows again)
import os from 'node:os';
import path from 'node:path';
import { TOPICS } from '@mercado/contracts';
import { mintToken } from '@mercado/service-kit';
import { countBenchRows, cpuSecondsOf, memoryOf, mib, parseCsv, startBenchService } from '@mercado/testing';
import { readOlistRealFile } from '../src/application/testing/real-olist-files.test-helper';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] !== undefined ? args[index + 1]! : fallback;
};
const COPIES = Number(option('copies', '3'));
const CHUNK = option('chunk', '1000');

/** The file's records as NDJSON lines, `copies` times; copy k > 0 ends its ids in `x` and k (never hex). */
function lines(file: string, idColumn: string, copies: number): { lines: string[]; count: number } {
  const records = parseCsv(readOlistRealFile(file)).map((record) => record.values);
  const out: string[] = [];
  for (let copy = 0; copy < copies; copy += 1) {
    for (const values of records) {
      const id = values[idColumn]!;
      const derived = copy === 0 ? id : `${id.slice(0, 29)}x${copy.toString(16).padStart(2, '0')}`;
      out.push(JSON.stringify({ ...values, [idColumn]: derived }));
    }
  }
  return { lines: out, count: out.length };
}

async function main(): Promise<void> {
  const translations = lines('product_category_name_translation.csv', 'product_category_name', 1);
  const products = lines('olist_products_dataset.csv', 'product_id', COPIES);
  const sellers = lines('olist_sellers_dataset.csv', 'seller_id', COPIES);
  const service = await startBenchService({
    main: path.join(__dirname, '..', 'src', 'main.js'),
    name: 'marketplace',
    topicOverrides: {
      [TOPICS.marketplaceProduct.name]: 'bench_marketplace_product',
      [TOPICS.marketplaceSeller.name]: 'bench_marketplace_seller',
    },
    env: { IMPORT_CHUNK_SIZE: CHUNK },
  });
  const pid = service.process.pid!;
  try {
    const token = await mintToken({ scopes: ['catalog:write', 'catalog:read'], ttl: '1h' });
    const idle = memoryOf(pid);
    let sampledPeak = idle.rss;
    const sampler = setInterval(() => (sampledPeak = Math.max(sampledPeak, memoryOf(pid).rss)), 100);
    console.log(
      `marketplace bulk import benchmark (${new Date().toISOString()}, ${os.cpus().length} CPU ${os.cpus()[0]?.model ?? ''}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version})`,
    );
    console.log(`input: ${translations.count} translations, ${products.count} products, ${sellers.count} sellers (${COPIES} cop${COPIES === 1 ? 'y' : 'ies'} of the real files), chunk ${CHUNK}`);
    for (const [route, input] of [
      ['/imports/translations', translations],
      ['/imports/products', products],
      ['/imports/sellers', sellers],
    ] as const) {
      const cpuBefore = cpuSecondsOf(pid);
      const answer = await service.post(route, input.lines, token);
      if (answer.status !== 200) throw new Error(`${route} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 500)}`);
      const { rejects: _rejects, ...summary } = answer.body;
      console.log(
        `${route}: ${answer.seconds.toFixed(2)} s, ${Math.round(input.count / answer.seconds)} rows/s, service CPU ${(cpuSecondsOf(pid) - cpuBefore).toFixed(1)} s; ${JSON.stringify(summary)}`,
      );
    }
    const published = await service.drained();
    const stored = await countBenchRows(service.database, 'SELECT (SELECT count(*) FROM product) + (SELECT count(*) FROM seller) AS n');
    console.log(`stored: ${stored} products and sellers; ${published.events} events on the topics, the last ${published.seconds.toFixed(1)} s after the answers; service RSS idle ${mib(idle.rss)}, peak ${mib(Math.max(memoryOf(pid).peak, sampledPeak))} (load ${os.loadavg()[0]!.toFixed(1)})`);
    if (args.includes('--rerun')) {
      for (const [route, input] of [
        ['/imports/products', products],
        ['/imports/sellers', sellers],
      ] as const) {
        const again = await service.post(route, input.lines, token);
        console.log(`re-run ${route}: ${again.seconds.toFixed(2)} s, ${Math.round(input.count / again.seconds)} rows/s, unchanged ${again.body.unchanged}, accepted ${again.body.accepted}`);
      }
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
