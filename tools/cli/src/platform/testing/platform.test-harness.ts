import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { catalog } from '@mercado/contracts';
import { mintToken } from '@mercado/service-kit';
import { createTestTopics, testInfrastructure, uniqueName, type TestTopics } from '@mercado/testing';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { ALL_SCOPES } from '../up.command';
import { committedConsumerLag } from '../committed-lag';
import { startPlatform, type RunningPlatform } from '../platform';
import { repoRoot } from '../repo-root';
import { platformServices, type PlatformService } from '../service-catalog';
import { tail } from '../supervisor';

/*
 * Test and benchmark support: the five built services as real processes (as `mercado up` starts them),
 * on databases of this run's own prefix, topics of this run's own names (KAFKA_TOPIC_OVERRIDES) and
 * consumer groups of its own, so that runs sharing a broker and a server never see each other's data.
 * stop() stops the processes, drops the five databases and deletes the topics and their dead-letter twins.
 */

export interface TestPlatformOptions {
  /** Services listen on base+1 … base+5. */
  portBase: number;
  /** Short name for the databases and topics of this run. */
  label: string;
  readyTimeoutMs?: number;
}

export interface TestPlatform extends RunningPlatform {
  /** A bearer token with every scope. */
  token: string;
  /** Catalog topic name → this run's topic. */
  topics: Record<string, string>;
  databasePrefix: string;
  logDir: string;
  /** Messages on each of this run's topics (sum of the partitions' high watermarks), by catalog name. */
  topicMessages(): Promise<Record<string, number>>;
  /**
   * Messages on this run's topics that its consumer groups have not committed, from the broker. A
   * topic counts for a group once it has committed on it; its other partitions count from their low
   * watermark.
   */
  committedLag(): Promise<number>;
  /** Runs one statement on a service's database. */
  query<R = Record<string, unknown>>(service: PlatformService['name'], text: string, values?: unknown[]): Promise<R[]>;
  /** The last lines of each service's log, for failure messages. */
  logTails(lines?: number): string;
}

export async function startTestPlatform(options: TestPlatformOptions): Promise<TestPlatform> {
  const infra = testInfrastructure();
  const run = uniqueName(options.label);
  const databasePrefix = `${run}_`;
  const logDir = mkdtempSync(path.join(tmpdir(), `mercado-${options.label}-`));
  const kafka = new Kafka({ clientId: run, brokers: infra.kafkaBrokers, logLevel: logLevel.NOTHING });
  const created: TestTopics[] = [];
  const clients = new Map<string, Client>();
  let platform: RunningPlatform | undefined;

  const cleanUp = async () => {
    await platform?.stop();
    for (const client of clients.values()) await client.end().catch(() => undefined);
    const admin = new Client({ connectionString: infra.databaseUrl });
    await admin.connect();
    try {
      for (const service of platformServices)
        await admin.query(`DROP DATABASE IF EXISTS "${databasePrefix}${service.database}" WITH (FORCE)`);
    } finally {
      await admin.end();
    }
    for (const topics of created) await topics.delete().catch(() => undefined);
    const names = created.flatMap((c) => Object.values(c.names));
    const admin2 = kafka.admin();
    await admin2.connect();
    const existing = new Set(await admin2.listTopics());
    const dlqs = names.map((name) => `${name}.dlq`).filter((name) => existing.has(name));
    if (dlqs.length > 0) await admin2.deleteTopics({ topics: dlqs, timeout: 10_000 }).catch(() => undefined);
    await admin2.disconnect();
    rmSync(logDir, { recursive: true, force: true });
  };

  try {
    // As many partitions as the catalog gives each topic, so that the services' provisioning finds them complete.
    const byPartitions = new Map<number, string[]>();
    for (const topic of catalog.topics())
      byPartitions.set(topic.partitions, [...(byPartitions.get(topic.partitions) ?? []), topic.name]);
    for (const [partitions, names] of byPartitions)
      created.push(await createTestTopics(infra.kafkaBrokers, names, partitions));
    const topics: Record<string, string> = Object.assign({}, ...created.map((c) => c.names));
    const overrides = Object.entries(topics)
      .map(([logical, actual]) => `${logical}=${actual}`)
      .join(',');
    platform = await startPlatform({
      root: repoRoot(),
      serverUrl: infra.databaseUrl,
      kafkaBrokers: infra.kafkaBrokers.join(','),
      portBase: options.portBase,
      databasePrefix,
      readyTimeoutMs: options.readyTimeoutMs ?? 90_000,
      logDir,
      env: { ...process.env, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn', NODE_ENV: 'development' },
      serviceEnv: (service) => ({
        KAFKA_TOPIC_OVERRIDES: overrides,
        // Consumer groups (and inbox keys) of this run: sales, customer and warehouse name theirs from a
        // prefix, fulfillment takes the group itself.
        KAFKA_CONSUMER_PREFIX: `${run}_${service.name}`,
        KAFKA_CONSUMER_GROUP: `${run}_${service.name}`,
      }),
    });
    const running = platform;
    const token = await mintToken({ scopes: ALL_SCOPES, ttl: '2h', subject: run });

    const client = async (service: PlatformService['name']) => {
      let found = clients.get(service);
      if (!found) {
        found = new Client({ connectionString: running.services.find((s) => s.service.name === service)!.databaseUrl });
        await found.connect();
        clients.set(service, found);
      }
      return found;
    };

    return {
      ...running,
      token,
      topics,
      databasePrefix,
      logDir,
      async topicMessages() {
        const admin = kafka.admin();
        await admin.connect();
        try {
          const counts: Record<string, number> = {};
          for (const [logical, actual] of Object.entries(topics)) {
            const offsets = await admin.fetchTopicOffsets(actual);
            counts[logical] = offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
          }
          return counts;
        } finally {
          await admin.disconnect();
        }
      },
      committedLag: () =>
        committedConsumerLag({
          kafkaBrokers: infra.kafkaBrokers,
          topics: Object.values(topics),
          isPlatformGroup: (groupId) => groupId.startsWith(run),
        }),
      async query<R>(service: PlatformService['name'], text: string, values?: unknown[]) {
        return (await (await client(service)).query(text, values)).rows as R[];
      },
      logTails(lines = 15) {
        return running.services
          .map((s) => `--- ${s.service.name} (${s.child.spec.logFile})\n${tail(s.child.spec.logFile, lines)}`)
          .join('\n');
      },
      stop: cleanUp,
    };
  } catch (error) {
    await cleanUp().catch(() => undefined);
    throw error;
  }
}
