import { parseTopicOverrides, type TopicOverrides } from '@mercado/messaging';
import { serviceConfigSchema, type ServiceConfig } from '@mercado/service-kit';
import Joi from 'joi';

/** The service's configuration: the kit's common variables plus its topics, consumer group and import chunk. */
export interface FulfillmentConfig extends ServiceConfig {
  /** `catalog.topic=actual` pairs; integration tests point the service at unique topics. */
  KAFKA_TOPIC_OVERRIDES: TopicOverrides;
  /** The consumer group (and inbox name) of the sales.order consumer. */
  KAFKA_CONSUMER_GROUP: string;
  /** Records per transaction of a bulk import. */
  IMPORT_CHUNK_SIZE: number;
}

export const fulfillmentConfigSchema = serviceConfigSchema<Omit<FulfillmentConfig, keyof ServiceConfig>>(
  { serviceName: 'fulfillment', defaultPort: 3003 },
  {
    KAFKA_TOPIC_OVERRIDES: Joi.string()
      .default({})
      .custom((value: string) => parseTopicOverrides(value))
      .messages({ 'any.custom': 'must be catalog.topic=actual.topic pairs separated by commas' }),
    KAFKA_CONSUMER_GROUP: Joi.string()
      .pattern(/^[A-Za-z0-9._-]{1,200}$/)
      .default('fulfillment.sales-order')
      .messages({ 'string.pattern.base': 'must be a consumer group name (letters, digits, . _ -)' }),
    IMPORT_CHUNK_SIZE: Joi.number().integer().min(1).max(10_000).default(1_000),
  },
) as unknown as Joi.ObjectSchema<FulfillmentConfig>;
