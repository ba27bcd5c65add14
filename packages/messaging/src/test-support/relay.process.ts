/**
 * An outbox relay as a process of its own, for the fault tests (which kill it) and the benchmark.
 * Prints one JSON line per event on stdout: {"event":"started"}, {"event":"published","count":n},
 * and on SIGTERM {"event":"stopped","maxRssKb":n}.
 *
 * Environment: DATABASE_URL, KAFKA_BROKERS, RELAY_BATCH_SIZE (2000), and for fault injection
 * RELAY_HANG_AFTER_SENDS=n: after the n-th send is acknowledged, hang before deleting the rows
 * from the outbox (the window in which a crash makes the relay send rows again).
 */
import { type OutboundMessage } from '../domain/message';
import { type EventPublisher } from '../application/ports/event-publisher.port';
import { noopMessagingMetrics } from '../application/ports/messaging-metrics.port';
import { createKafkaClient } from '../infrastructure/kafka/kafka-client';
import { KafkaEventPublisher } from '../infrastructure/kafka/kafka-event.publisher';
import { OutboxRelay } from '../infrastructure/outbox/outbox.relay';
import { MemoryLogger } from './silent-logger';

function say(line: object): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

async function main(): Promise<void> {
  const databaseUrl = required('DATABASE_URL');
  const brokers = required('KAFKA_BROKERS').split(',');
  const hangAfter = Number(process.env.RELAY_HANG_AFTER_SENDS ?? 0);
  const logger = new MemoryLogger();
  const kafkaPublisher = new KafkaEventPublisher(createKafkaClient({ brokers, clientId: 'relay-process', logger }), { logger });
  let sends = 0;
  const publisher: EventPublisher = {
    async publish(messages: readonly OutboundMessage[]) {
      await kafkaPublisher.publish(messages);
      sends++;
      if (hangAfter > 0 && sends >= hangAfter) {
        say({ event: 'hanging', sends });
        await new Promise<never>(() => undefined);
      }
    },
  };
  const relay = new OutboxRelay({
    database: databaseUrl,
    publisher,
    batchSize: Number(process.env.RELAY_BATCH_SIZE ?? 2_000),
    pollIntervalMs: 250,
    standbyRetryMs: 250,
    logger,
    metrics: { ...noopMessagingMetrics, eventsPublished: (_topic, count) => say({ event: 'published', count }) },
  });
  relay.start();
  process.once('SIGTERM', () => {
    void relay
      .stop()
      .then(() => kafkaPublisher.disconnect())
      .finally(() => {
        say({ event: 'stopped', maxRssKb: process.resourceUsage().maxRSS, cpuMs: cpuMs(), warnings: logger.messages('warn').length });
        process.exit(0);
      });
  });
  say({ event: 'started', pid: process.pid });
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

main().catch((error: unknown) => {
  process.stderr.write(`relay process failed: ${String(error)}\n`);
  process.exit(1);
});

/** CPU time (user and system) this process has used, in ms. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return Math.round((user + system) / 1000);
}
