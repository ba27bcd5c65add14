import Joi from 'joi';
import { TOPICS } from '@mercado/contracts';
import { serviceConfigSchema, type ServiceConfig } from '@mercado/service-kit';

/** The service's configuration: the kit's common variables plus its topics, consumer group and import chunk. */
export interface FulfillmentConfig extends ServiceConfig {
  /** The topic sales publishes orders on (tests give each run its own). */
  KAFKA_TOPIC_SALES_ORDER: string;
  /** The topic fulfillment publishes shipments on. */
  KAFKA_TOPIC_FULFILLMENT_SHIPMENT: string;
  /** The consumer group (and inbox name) of the sales.order consumer. */
  KAFKA_CONSUMER_GROUP: string;
  /** Create the topics and their dead-letter topics at start-up when missing. */
  KAFKA_PROVISION_TOPICS: boolean;
  /** Records per transaction of a bulk import. */
  IMPORT_CHUNK_SIZE: number;
}

const topicName = () =>
  Joi.string()
    .pattern(/^[A-Za-z0-9._-]{1,249}$/)
    .messages({ 'string.pattern.base': 'must be a Kafka topic name (letters, digits, . _ -)' });

export const fulfillmentConfigSchema = serviceConfigSchema<Omit<FulfillmentConfig, keyof ServiceConfig>>(
  { serviceName: 'fulfillment', defaultPort: 3003 },
  {
    KAFKA_TOPIC_SALES_ORDER: topicName().default(TOPICS.salesOrder.name),
    KAFKA_TOPIC_FULFILLMENT_SHIPMENT: topicName().default(TOPICS.fulfillmentShipment.name),
    KAFKA_CONSUMER_GROUP: Joi.string()
      .pattern(/^[A-Za-z0-9._-]{1,200}$/)
      .default('fulfillment.sales-order')
      .messages({ 'string.pattern.base': 'must be a consumer group name (letters, digits, . _ -)' }),
    KAFKA_PROVISION_TOPICS: Joi.boolean().default(true),
    IMPORT_CHUNK_SIZE: Joi.number().integer().min(1).max(10_000).default(1_000),
  },
) as unknown as Joi.ObjectSchema<FulfillmentConfig>;
