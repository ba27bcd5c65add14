import { catalog, type EventEnvelope, TOPICS } from '@mercado/contracts';
import { type TopicSpecification } from '@mercado/messaging';

export interface MarketplaceTopicNames {
  product: string;
  seller: string;
}

/** The topics the service publishes on, under their configured names (a test gives each run its own). */
export function marketplaceTopics(names: MarketplaceTopicNames) {
  const renamed = new Map<string, string>([
    [TOPICS.marketplaceProduct.name, names.product],
    [TOPICS.marketplaceSeller.name, names.seller],
  ]);
  return {
    names,
    topicOf(envelope: EventEnvelope): string {
      const topic = catalog.topicOf(envelope.type);
      return renamed.get(topic) ?? topic;
    },
    specifications(): TopicSpecification[] {
      return [
        { ...TOPICS.marketplaceProduct, name: names.product },
        { ...TOPICS.marketplaceSeller, name: names.seller },
      ];
    },
  };
}
