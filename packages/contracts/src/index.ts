export { type EventEnvelope, dataSchemaUrn } from './envelope/event-envelope';
export { uuidv7, UUID_V7_PATTERN } from './envelope/uuid-v7';
export { envelopeSchema, EVENT_TYPE_PATTERN, TRACEPARENT_PATTERN } from './envelope/envelope.schema';
export { ContractViolationError, type ContractViolationDetail } from './envelope/contract-violation.error';
export { createEnvelope, type EnvelopeMeta } from './envelope/create-envelope';
export {
  validateEnvelope,
  isEvent,
  type EnvelopeValidation,
  type EnvelopeRejection,
} from './envelope/validate-envelope';

export {
  defineEvent,
  type EventDefinition,
  type AnyEventDefinition,
  type EventData,
  type TopicDefinition,
  type CleanupPolicy,
} from './catalog/event-definition';
export { TOPICS, dlqTopicName, type TopicSpec } from './catalog/topics';
export { catalog, createCatalog, CatalogError, type Catalog } from './catalog/catalog';

export * from './schemas/common.schema';
export * from './events/sales/order.events';
export * from './events/sales/payment.events';
export * from './events/customer/customer.events';
export * from './events/customer/review.events';
export * from './events/fulfillment/shipment.events';
export * from './events/marketplace/product.events';
export * from './events/marketplace/seller.events';
