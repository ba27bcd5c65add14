import type Joi from 'joi';

/**
 * One published (type, version) of an integration event. A published definition never changes in a
 * way that rejects data it accepted before (the frozen fixtures under fixtures/ enforce this); a
 * breaking change is a new version with its own definition.
 */
export interface EventDefinition<TData = unknown, TType extends string = string> {
  /** e.g. `sales.order.placed`: `<context>.<aggregate>.<past-tense fact>`. */
  readonly type: TType;
  /** Schema version of `data`, from 1. */
  readonly version: number;
  /** The Kafka topic the event is published on. */
  readonly topic: string;
  readonly description: string;
  readonly schema: Joi.ObjectSchema<TData>;
  /** The aggregate id: the envelope subject and the Kafka message key. */
  key(data: TData): string;
  /** Realistic examples (taken from real Olist rows where possible); each must validate. */
  readonly fixtures: readonly TData[];
}

/** Any definition, whatever its data type. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyEventDefinition = EventDefinition<any, string>;

/** The data type of a definition: `EventData<typeof salesOrderPlacedV1>` is `OrderPlacedV1`. */
export type EventData<TDefinition> = TDefinition extends EventDefinition<infer TData, string> ? TData : never;

export type CleanupPolicy = 'delete' | 'compact';

export interface TopicDefinition {
  readonly name: string;
  readonly partitions: number;
  /** -1 keeps messages forever. */
  readonly retentionMs: number;
  readonly cleanupPolicy: CleanupPolicy;
  /** Event types published on the topic. */
  readonly events: readonly string[];
  /** What the Kafka key (and envelope subject) is, e.g. `order_id`. */
  readonly key: string;
  readonly description: string;
}

export function defineEvent<TData, TType extends string>(
  definition: EventDefinition<TData, TType>,
): EventDefinition<TData, TType> {
  return Object.freeze({ ...definition, fixtures: Object.freeze([...definition.fixtures]) });
}
