import { catalog, type EventEnvelope, TOPICS } from '@mercado/contracts';
import { type TopicSpecification } from '@mercado/messaging';

export interface FulfillmentTopicNames {
  salesOrder: string;
  fulfillmentShipment: string;
}

/**
 * The topics the service uses, under their configured names (a test gives each run its own): the
 * topic an envelope is published on, and what provisioning creates.
 */
export function fulfillmentTopics(names: FulfillmentTopicNames) {
  const renamed = new Map<string, string>([
    [TOPICS.salesOrder.name, names.salesOrder],
    [TOPICS.fulfillmentShipment.name, names.fulfillmentShipment],
  ]);
  return {
    names,
    /** OutboxWriter's topicOf: the catalog's topic of the event, renamed when configured. */
    topicOf(envelope: EventEnvelope): string {
      const topic = catalog.topicOf(envelope.type);
      return renamed.get(topic) ?? topic;
    },
    /** The topics to make sure of at start-up, with the catalog's partitions and retention. */
    specifications(): TopicSpecification[] {
      return [
        { ...TOPICS.salesOrder, name: names.salesOrder },
        { ...TOPICS.fulfillmentShipment, name: names.fulfillmentShipment },
      ];
    },
  };
}
