import { type OutboundMessage } from '../../domain/message';

/**
 * Sends messages to topics, resolving once every one is acknowledged by all in-sync replicas.
 * Messages with the same topic and key are written in the order given.
 */
export interface EventPublisher {
  publish(messages: readonly OutboundMessage[]): Promise<void>;
}
