import { ALL_EVENTS } from '../events/all-events';
import { type AnyEventDefinition, type TopicDefinition } from './event-definition';
import { TOPIC_SPECS, type TopicSpec } from './topics';

export class CatalogError extends Error {
  override readonly name = 'CatalogError';
}

export interface Catalog {
  /** Every published (type, version), in declaration order. */
  readonly events: readonly AnyEventDefinition[];
  find(type: string, version: number): AnyEventDefinition | undefined;
  /** All versions of a type, oldest first (empty if the type is unknown). */
  versionsOf(type: string): AnyEventDefinition[];
  /** The newest version of a type. */
  latest(type: string): AnyEventDefinition | undefined;
  topics(): TopicDefinition[];
  topic(name: string): TopicDefinition | undefined;
  /** The topic name of an event type (all versions of a type share a topic). Throws if unknown. */
  topicOf(type: string): string;
}

/**
 * Builds a catalog and checks it is coherent: no duplicate (type, version), versions numbered from 1
 * without gaps, every event on a declared topic, all versions of a type on one topic.
 */
export function createCatalog(
  topicSpecs: readonly TopicSpec[],
  events: readonly AnyEventDefinition[],
): Catalog {
  const topicByName = new Map(topicSpecs.map((t) => [t.name, t]));
  const byType = new Map<string, AnyEventDefinition[]>();
  for (const event of events) {
    if (!topicByName.has(event.topic)) {
      throw new CatalogError(`${event.type} v${event.version} is on undeclared topic ${event.topic}`);
    }
    const versions = byType.get(event.type) ?? [];
    if (versions.some((v) => v.version === event.version)) {
      throw new CatalogError(`${event.type} v${event.version} is declared twice`);
    }
    if (versions.some((v) => v.topic !== event.topic)) {
      throw new CatalogError(`all versions of ${event.type} must be on one topic`);
    }
    versions.push(event);
    byType.set(event.type, versions);
  }
  for (const [type, versions] of byType) {
    versions.sort((a, b) => a.version - b.version);
    versions.forEach((definition, index) => {
      if (definition.version !== index + 1) {
        throw new CatalogError(`${type} versions must run 1..n without gaps (found v${definition.version})`);
      }
    });
  }

  const topicDefinitions: TopicDefinition[] = topicSpecs.map((spec) =>
    Object.freeze({
      ...spec,
      events: Object.freeze([...new Set(events.filter((e) => e.topic === spec.name).map((e) => e.type))]),
    }),
  );
  const topicDefinitionByName = new Map(topicDefinitions.map((t) => [t.name, t]));
  const frozenEvents = Object.freeze([...events]);

  return Object.freeze({
    events: frozenEvents,
    find: (type: string, version: number) => byType.get(type)?.find((d) => d.version === version),
    versionsOf: (type: string) => [...(byType.get(type) ?? [])],
    latest: (type: string) => byType.get(type)?.at(-1),
    topics: () => [...topicDefinitions],
    topic: (name: string) => topicDefinitionByName.get(name),
    topicOf: (type: string) => {
      const definition = byType.get(type)?.[0];
      if (!definition) throw new CatalogError(`${type} is not in the catalog`);
      return definition.topic;
    },
  });
}

/** The catalog of every integration event Mercado publishes. */
export const catalog: Catalog = createCatalog(TOPIC_SPECS, ALL_EVENTS);
