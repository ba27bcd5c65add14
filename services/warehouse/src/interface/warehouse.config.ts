import { parseTopicOverrides, type TopicOverrides } from '@mercado/messaging';
import { serviceConfigSchema, type ServiceConfig } from '@mercado/service-kit';
import Joi from 'joi';

export interface WarehouseConfig extends ServiceConfig {
  /** `catalog.topic=actual` pairs; integration tests point the service at unique topics. */
  KAFKA_TOPIC_OVERRIDES: TopicOverrides;
  /** The consumer is `<prefix>.warehouse` (its group and inbox key); `warehouse` in every deployment. */
  KAFKA_CONSUMER_PREFIX: string;
  DATABASE_POOL_SIZE: number;
  /** Upper bound of one partition's batch in bytes: ~8,000 events at 4 MB. */
  CONSUMER_MAX_BYTES_PER_PARTITION: number;
  /** Cheap quality checks after applied batches (debounced), on by default. */
  QUALITY_BATCH_RUNS: boolean;
  /** Cheap runs start at most once per this many milliseconds (5 s). */
  QUALITY_BATCH_INTERVAL_MS: number;
  /** Full quality runs on a schedule, on by default. */
  QUALITY_SCHEDULE: boolean;
  /** Milliseconds between the end of a scheduled full run and the start of the next (1 h). */
  QUALITY_SCHEDULE_INTERVAL_MS: number;
  /** Per-check statement timeout of every quality run (60 s). */
  QUALITY_STATEMENT_TIMEOUT_MS: number;
  /** Read answers kept until the marts change (the next applied batch), on by default; off for benchmarks of the queries themselves. */
  READ_CACHE: boolean;
  /** Largest share of the imported rows an import may reject before the rejected-share expectation fails (0.01). */
  QUALITY_MAX_REJECTED_SHARE: number;
}

type WarehouseOwnConfig = Pick<
  WarehouseConfig,
  | 'KAFKA_TOPIC_OVERRIDES'
  | 'KAFKA_CONSUMER_PREFIX'
  | 'DATABASE_POOL_SIZE'
  | 'CONSUMER_MAX_BYTES_PER_PARTITION'
  | 'QUALITY_BATCH_RUNS'
  | 'QUALITY_BATCH_INTERVAL_MS'
  | 'QUALITY_SCHEDULE'
  | 'QUALITY_SCHEDULE_INTERVAL_MS'
  | 'QUALITY_STATEMENT_TIMEOUT_MS'
  | 'QUALITY_MAX_REJECTED_SHARE'
  | 'READ_CACHE'
>;

export const warehouseConfigSchema = serviceConfigSchema<WarehouseOwnConfig>(
  { serviceName: 'warehouse', defaultPort: 3005 },
  {
    KAFKA_TOPIC_OVERRIDES: Joi.string()
      .default({})
      .custom((value: string) => parseTopicOverrides(value))
      .messages({ 'any.custom': 'must be catalog.topic=actual.topic pairs separated by commas' }),
    KAFKA_CONSUMER_PREFIX: Joi.string()
      .pattern(/^[A-Za-z0-9._-]+$/)
      .default('warehouse')
      .messages({ 'string.pattern.base': 'must be letters, digits, dots, dashes or underscores' }),
    DATABASE_POOL_SIZE: Joi.number().integer().min(2).max(100).default(10),
    CONSUMER_MAX_BYTES_PER_PARTITION: Joi.number().integer().min(64 * 1024).max(64 * 1024 * 1024).default(4 * 1024 * 1024),
    QUALITY_BATCH_RUNS: Joi.boolean().default(true),
    QUALITY_BATCH_INTERVAL_MS: Joi.number().integer().min(500).default(5_000),
    QUALITY_SCHEDULE: Joi.boolean().default(true),
    QUALITY_SCHEDULE_INTERVAL_MS: Joi.number().integer().min(1_000).default(3_600_000),
    QUALITY_STATEMENT_TIMEOUT_MS: Joi.number().integer().min(100).default(60_000),
    QUALITY_MAX_REJECTED_SHARE: Joi.number().min(0).max(1).default(0.01),
    READ_CACHE: Joi.boolean().default(true),
  },
) as unknown as Joi.ObjectSchema<WarehouseConfig>;
