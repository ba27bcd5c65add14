/*
 * Rebuilds the warehouse from the beginning of every topic and swaps it in (see docs/metrics.md):
 *
 *   DATABASE_URL=… KAFKA_BROKERS=… pnpm --filter @mercado/warehouse-service rebuild
 *
 * The running service keeps consuming meanwhile; its batches wait only during the swap.
 */
import { catalog } from '@mercado/contracts';
import { createKafkaClient, topicResolver } from '@mercado/messaging';
import { createPool } from '@mercado/postgres';
import { createLogger, loadConfigOrExit } from '@mercado/service-kit';
import { rebuildWarehouse } from '../../infrastructure/rebuild-warehouse';
import { warehouseConfigSchema } from '../warehouse.config';

async function main(): Promise<void> {
  const config = loadConfigOrExit(warehouseConfigSchema);
  const logger = createLogger({ serviceName: 'warehouse-rebuild', level: config.LOG_LEVEL });
  const pool = createPool(config.DATABASE_URL, { applicationName: 'warehouse-rebuild', max: 2 });
  const kafka = createKafkaClient({ brokers: config.KAFKA_BROKERS, clientId: 'warehouse-rebuild', logger });
  const topicOf = topicResolver(config.KAFKA_TOPIC_OVERRIDES);
  let last = 0;
  try {
    const report = await rebuildWarehouse({
      pool,
      kafka,
      topics: Object.fromEntries(catalog.topics().map((t) => [t.name, topicOf(t.name)])),
      onProgress: ({ phase, events, batches }) => {
        if (Date.now() - last < 5_000) return;
        last = Date.now();
        logger.info({ phase, events, batches }, 'replaying');
      },
    });
    logger.info(report, 'warehouse rebuilt and swapped in');
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
