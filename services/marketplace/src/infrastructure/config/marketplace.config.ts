import Joi from 'joi';
import { TOPICS } from '@mercado/contracts';
import { serviceConfigSchema, type ServiceConfig } from '@mercado/service-kit';

/** The service's configuration: the kit's common variables plus its topics and import chunk. */
export interface MarketplaceConfig extends ServiceConfig {
  /** The topic of product events (tests give each run its own). */
  KAFKA_TOPIC_MARKETPLACE_PRODUCT: string;
  /** The topic of seller events. */
  KAFKA_TOPIC_MARKETPLACE_SELLER: string;
  /** Create the topics and their dead-letter topics at start-up when missing. */
  KAFKA_PROVISION_TOPICS: boolean;
  /** Records per transaction of a bulk import. */
  IMPORT_CHUNK_SIZE: number;
}

const topicName = () =>
  Joi.string()
    .pattern(/^[A-Za-z0-9._-]{1,249}$/)
    .messages({ 'string.pattern.base': 'must be a Kafka topic name (letters, digits, . _ -)' });

export const marketplaceConfigSchema = serviceConfigSchema<Omit<MarketplaceConfig, keyof ServiceConfig>>(
  { serviceName: 'marketplace', defaultPort: 3004 },
  {
    KAFKA_TOPIC_MARKETPLACE_PRODUCT: topicName().default(TOPICS.marketplaceProduct.name),
    KAFKA_TOPIC_MARKETPLACE_SELLER: topicName().default(TOPICS.marketplaceSeller.name),
    KAFKA_PROVISION_TOPICS: Joi.boolean().default(true),
    IMPORT_CHUNK_SIZE: Joi.number().integer().min(1).max(10_000).default(1_000),
  },
) as unknown as Joi.ObjectSchema<MarketplaceConfig>;
