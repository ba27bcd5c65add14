import { parseTopicOverrides, type TopicOverrides } from '@mercado/messaging';
import { serviceConfigSchema, type ServiceConfig } from '@mercado/service-kit';
import Joi from 'joi';

export interface CustomerConfig extends ServiceConfig {
  /** `catalog.topic=actual` pairs; integration tests point the service at unique topics. */
  KAFKA_TOPIC_OVERRIDES: TopicOverrides;
  /**
   * Consumer names (groups and inbox keys) are `<prefix>.<consumer>`; the prefix is `customer` in
   * every deployment, so that replicas share the work. Tests and benchmarks on a shared broker set
   * their own.
   */
  KAFKA_CONSUMER_PREFIX: string;
  /** Records per transaction in a bulk import. */
  IMPORT_CHUNK_SIZE: number;
  DATABASE_POOL_SIZE: number;
}

type Extra = Pick<CustomerConfig, 'KAFKA_TOPIC_OVERRIDES' | 'KAFKA_CONSUMER_PREFIX' | 'IMPORT_CHUNK_SIZE' | 'DATABASE_POOL_SIZE'>;

export const customerConfigSchema = serviceConfigSchema<Extra>(
  { serviceName: 'customer', defaultPort: 3002 },
  {
    KAFKA_TOPIC_OVERRIDES: Joi.string()
      .default({})
      .custom((value: string) => parseTopicOverrides(value))
      .messages({ 'any.custom': 'must be catalog.topic=actual.topic pairs separated by commas' }),
    KAFKA_CONSUMER_PREFIX: Joi.string()
      .pattern(/^[A-Za-z0-9._-]+$/)
      .default('customer')
      .messages({ 'string.pattern.base': 'must be letters, digits, dots, dashes or underscores' }),
    IMPORT_CHUNK_SIZE: Joi.number().integer().min(1).max(10_000).default(2_000),
    DATABASE_POOL_SIZE: Joi.number().integer().min(2).max(100).default(10),
  },
) as unknown as Joi.ObjectSchema<CustomerConfig>;
