import { catalog } from '@mercado/contracts';
import { type Pool } from '@mercado/postgres';
import { type Kafka } from 'kafkajs';
import { RebuildWarehouse, rebuildIdOf, type RebuildProgress, type RebuildReport } from '../application/commands/rebuild-warehouse/rebuild-warehouse.handler';
import { KafkaEventLog } from './kafka/kafka-event-log';
import { ensureMetaSchema } from './sql/migrator';
import { isPermanentApplyFailure, PgWarehouseSchemas } from './sql/pg-warehouse.schemas';
import { WAREHOUSE_SCHEMA } from './sql/sql-session';

export interface RebuildWarehouseOptions {
  pool: Pool;
  kafka: Kafka;
  /**
   * The topics to replay, logical name → physical name. By default every topic of the catalog under
   * its own name; tests map them to unique topics.
   */
  topics?: Record<string, string>;
  /** The live schema to replace (`dw`). */
  schema?: string;
  onProgress?: RebuildProgress;
  /** Stop waiting for a partition that does not progress after this long. */
  idleTimeoutMs?: number;
}

/** Every topic of the catalog, under its own name. */
export function catalogTopics(): Record<string, string> {
  return Object.fromEntries(catalog.topics().map((t) => [t.name, t.name]));
}

/**
 * Rebuilds the warehouse from the beginning of every topic into a new schema and swaps it in
 * atomically (see RebuildWarehouse). Records the run in dw_meta.rebuild_log.
 */
export async function rebuildWarehouse(options: RebuildWarehouseOptions): Promise<RebuildReport> {
  const schemas = new PgWarehouseSchemas(options.pool, options.schema ?? WAREHOUSE_SCHEMA);
  const log = new KafkaEventLog({ kafka: options.kafka, topics: Object.values(options.topics ?? catalogTopics()), idleTimeoutMs: options.idleTimeoutMs });
  const rebuildId = rebuildIdOf(new Date());
  await ensureMetaSchema(options.pool);
  await options.pool.query(`INSERT INTO dw_meta.rebuild_log (rebuild_id, started_at, status) VALUES ($1, now(), 'running')`, [rebuildId]);
  try {
    const report = await new RebuildWarehouse({ schemas, log, isPermanent: isPermanentApplyFailure, onProgress: options.onProgress }).execute(rebuildId);
    await options.pool.query(`UPDATE dw_meta.rebuild_log SET finished_at = now(), status = 'swapped', events = $2 WHERE rebuild_id = $1`, [rebuildId, report.events]);
    return report;
  } catch (error) {
    await options.pool
      .query(`UPDATE dw_meta.rebuild_log SET finished_at = now(), status = 'failed', error = $2 WHERE rebuild_id = $1`, [rebuildId, String(error)])
      .catch(() => undefined);
    throw error;
  }
}
