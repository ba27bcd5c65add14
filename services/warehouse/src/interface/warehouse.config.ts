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
}

export const warehouseConfigSchema = serviceConfigSchema<Pick<WarehouseConfig, 'KAFKA_TOPIC_OVERRIDES' | 'KAFKA_CONSUMER_PREFIX' | 'DATABASE_POOL_SIZE' | 'CONSUMER_MAX_BYTES_PER_PARTITION'>>(
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
  },
) as unknown as Joi.ObjectSchema<WarehouseConfig>;
