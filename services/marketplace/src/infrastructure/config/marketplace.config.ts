import { parseTopicOverrides, type TopicOverrides } from '@mercado/messaging';
import { serviceConfigSchema, type ServiceConfig } from '@mercado/service-kit';
import Joi from 'joi';

/** The service's configuration: the kit's common variables plus its topics and import chunk. */
export interface MarketplaceConfig extends ServiceConfig {
  /** `catalog.topic=actual` pairs; integration tests point the service at unique topics. */
  KAFKA_TOPIC_OVERRIDES: TopicOverrides;
  /** Records per transaction of a bulk import. */
  IMPORT_CHUNK_SIZE: number;
}

export const marketplaceConfigSchema = serviceConfigSchema<Omit<MarketplaceConfig, keyof ServiceConfig>>(
  { serviceName: 'marketplace', defaultPort: 3004 },
  {
    KAFKA_TOPIC_OVERRIDES: Joi.string()
      .default({})
      .custom((value: string) => parseTopicOverrides(value))
      .messages({ 'any.custom': 'must be catalog.topic=actual.topic pairs separated by commas' }),
    IMPORT_CHUNK_SIZE: Joi.number().integer().min(1).max(10_000).default(1_000),
  },
) as unknown as Joi.ObjectSchema<MarketplaceConfig>;
