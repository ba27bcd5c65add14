/**
 * A consumer as a process of its own, for the benchmark: applies the events of one topic to
 * messaging_test_effect. CONSUMER_MODE=batch uses EventConsumer (eachBatch, one transaction per
 * batch, set-based SQL); CONSUMER_MODE=naive the eachMessage baseline.
 * Prints {"event":"started"}, {"event":"applied","total":n} (at most every 50 ms) and on SIGTERM
 * {"event":"stopped","maxRssKb":n}.
 *
 * Environment: DATABASE_URL, KAFKA_BROKERS, CONSUMER_TOPIC, CONSUMER_GROUP, CONSUMER_MODE,
 * CONSUMER_CONCURRENCY (partitions processed at once, batch mode; 1).
 */
import { Pool } from 'pg';
import { createKafkaClient } from '../infrastructure/kafka/kafka-client';
import { EventConsumer } from '../infrastructure/kafka/event.consumer';
import { noopMessagingMetrics } from '../application/ports/messaging-metrics.port';
import { recordEffects } from './effect-table';
import { startNaiveConsumer } from './naive-consumer';
import { MemoryLogger } from './silent-logger';

function say(line: object): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

async function main(): Promise<void> {
  const env = (name: string): string => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set`);
    return value;
  };
  const logger = new MemoryLogger();
  const kafka = createKafkaClient({ brokers: env('KAFKA_BROKERS').split(','), clientId: 'consumer-process', logger });
  const pool = new Pool({ connectionString: env('DATABASE_URL'), max: 4 });
  pool.on('error', () => undefined);
  const topic = env('CONSUMER_TOPIC');
  const group = env('CONSUMER_GROUP');

  let total = 0;
  let reported = 0;
  const report = (): void => {
    if (total !== reported) {
      reported = total;
      say({ event: 'applied', total });
    }
  };
  const timer = setInterval(report, 50);
  const onApplied = (count: number): void => {
    total += count;
  };

  let stop: () => Promise<void>;
  if (env('CONSUMER_MODE') === 'naive') {
    const consumer = await startNaiveConsumer({ kafka, groupId: group, topic, pool, onApplied });
    stop = () => consumer.disconnect();
  } else {
    const consumer = new EventConsumer({
      kafka,
      consumer: group,
      topics: [topic],
      pool,
      handler: recordEffects,
      logger,
      partitionsConsumedConcurrently: Number(process.env.CONSUMER_CONCURRENCY ?? 1),
      metrics: { ...noopMessagingMetrics, eventsConsumed: (_topic, _consumer, count) => onApplied(count) },
    });
    await consumer.start();
    stop = () => consumer.stop();
  }
  say({ event: 'started', pid: process.pid });

  process.once('SIGTERM', () => {
    void stop()
      .then(() => pool.end())
      .finally(() => {
        clearInterval(timer);
        report();
        say({ event: 'stopped', maxRssKb: process.resourceUsage().maxRSS, cpuMs: cpuMs(), warnings: logger.messages('warn').length });
        process.exit(0);
      });
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`consumer process failed: ${String(error)}\n`);
  process.exit(1);
});

/** CPU time (user and system) this process has used, in ms. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return Math.round((user + system) / 1000);
}
