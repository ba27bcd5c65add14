import { Kafka, logLevel, type LogEntry, type logCreator } from 'kafkajs';
import { stderrMessagingLogger, type MessagingLogger } from '../../application/ports/messaging-logger.port';

export interface KafkaClientOptions {
  brokers: readonly string[];
  /** Names this process in the broker's logs and quotas, e.g. `sales-relay`. */
  clientId: string;
  logger?: MessagingLogger;
  /** Time to open a connection to a broker (3 s). */
  connectionTimeoutMs?: number;
  /** Time for one request (30 s). */
  requestTimeoutMs?: number;
}

/**
 * The kafkajs client, configured once for the whole package: its retries are short and bounded
 * (our own loops retry for longer, with backoff), and its log lines go to our logger.
 */
export function createKafkaClient(options: KafkaClientOptions): Kafka {
  const logger = options.logger ?? stderrMessagingLogger;
  return new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    connectionTimeout: options.connectionTimeoutMs ?? 3_000,
    requestTimeout: options.requestTimeoutMs ?? 30_000,
    retry: { initialRetryTime: 300, maxRetryTime: 5_000, retries: 6 },
    logLevel: logLevel.WARN,
    logCreator: kafkaLogCreator(logger),
  });
}

function kafkaLogCreator(logger: MessagingLogger): logCreator {
  return () =>
    ({ namespace, level, log }: LogEntry) => {
      const { message, ...details } = log;
      // Said each time an idempotent producer is created with bounded retries, which is our choice:
      // a failed send replaces the producer, and consumers drop the duplicates this may cause.
      if (message.startsWith('Limiting retries for the idempotent producer')) return;
      const entry = { component: `kafkajs.${namespace}`, ...details };
      // kafkajs reports a broker restart as ERROR lines while it reconnects on its own; our code
      // reports what stays broken, so its errors are warnings here.
      if (level <= logLevel.WARN) logger.warn(entry, message);
      else if (level === logLevel.INFO) logger.info(entry, message);
      else logger.debug(entry, message);
    };
}
