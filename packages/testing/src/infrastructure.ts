import net from 'node:net';

export type InfrastructureSource = 'environment' | 'local' | 'testcontainers';

export interface TestInfrastructure {
  kafkaBrokers: string[];
  /** A server-level URL (its database is the maintenance database); tests create their own databases. */
  databaseUrl: string;
  source: InfrastructureSource;
}

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const PROBE_TIMEOUT_MS = 2_000;

export class InfrastructureUnavailableError extends Error {
  constructor(details: string) {
    super(
      [
        'Integration tests need a real Kafka broker and a real PostgreSQL server, and none was found.',
        details,
        'Fix one of these ways:',
        '  - run all tests the way the README says: ./mercado test   (starts a local Kafka for you)',
        '  - start the local broker yourself: infra/kafka/kafka.sh start   and make sure PostgreSQL answers on 127.0.0.1:5432',
        '    (pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)',
        '  - point at running servers: KAFKA_BROKERS=host:9092 DATABASE_URL=postgres://user@host:5432/postgres',
        '  - on a machine with Docker, the tests start Kafka and PostgreSQL containers themselves (testcontainers).',
      ].join('\n'),
    );
    this.name = 'InfrastructureUnavailableError';
  }
}

/** Resolves true when a TCP connection to host:port succeeds within the timeout. */
export function tcpAnswers(host: string, port: number, timeoutMs = PROBE_TIMEOUT_MS): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean): void => {
      socket.removeAllListeners();
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export function parseHostPort(address: string, defaultPort: number): { host: string; port: number } {
  const match = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(address.trim());
  if (!match) throw new Error(`not a host:port address: ${address}`);
  return { host: match[1]!, port: match[2] ? Number(match[2]) : defaultPort };
}

function databaseHostPort(url: string): { host: string; port: number } {
  const parsed = new URL(url);
  return { host: parsed.hostname || '127.0.0.1', port: parsed.port ? Number(parsed.port) : 5432 };
}

async function answers(address: { host: string; port: number }): Promise<boolean> {
  return tcpAnswers(address.host, address.port);
}

export interface ResolveOptions {
  env?: NodeJS.ProcessEnv;
  /** Starts containers when neither the environment nor local servers answer (defaults to testcontainers). */
  startContainers?: () => Promise<TestInfrastructure | undefined>;
}

/**
 * Finds the infrastructure for integration tests, in this order: environment variables when set;
 * else the locally provisioned Kafka (infra/kafka/kafka.sh) and the local PostgreSQL; else
 * testcontainers when a Docker engine answers; else fails at once saying what to run.
 */
export async function resolveTestInfrastructure(options: ResolveOptions = {}): Promise<TestInfrastructure> {
  const env = options.env ?? process.env;
  if (env.KAFKA_BROKERS || env.DATABASE_URL) {
    const kafkaBrokers = (env.KAFKA_BROKERS ?? `127.0.0.1:${env.KAFKA_PORT ?? 9092}`).split(',').map((b) => b.trim());
    const databaseUrl = env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
    const kafkaOk = await answers(parseHostPort(kafkaBrokers[0]!, 9092));
    const pgOk = await answers(databaseHostPort(databaseUrl));
    if (!kafkaOk || !pgOk) {
      throw new InfrastructureUnavailableError(
        [
          kafkaOk ? '' : `Kafka at KAFKA_BROKERS=${kafkaBrokers.join(',')} does not answer.`,
          pgOk ? '' : `PostgreSQL at DATABASE_URL=${redactPassword(databaseUrl)} does not answer.`,
        ]
          .filter(Boolean)
          .join('\n'),
      );
    }
    return { kafkaBrokers, databaseUrl, source: 'environment' };
  }

  const localKafka = `127.0.0.1:${env.KAFKA_PORT ?? 9092}`;
  const [kafkaOk, pgOk] = await Promise.all([
    answers(parseHostPort(localKafka, 9092)),
    answers(databaseHostPort(DEFAULT_DATABASE_URL)),
  ]);
  if (kafkaOk && pgOk) return { kafkaBrokers: [localKafka], databaseUrl: DEFAULT_DATABASE_URL, source: 'local' };

  const containers = await (options.startContainers ?? startContainersWhenDockerAnswers)();
  if (containers) return containers;
  throw new InfrastructureUnavailableError(
    [
      kafkaOk ? '' : `No Kafka broker answers on ${localKafka}.`,
      pgOk ? '' : 'No PostgreSQL server answers on 127.0.0.1:5432.',
      'No Docker engine answers either, so testcontainers cannot start them.',
    ]
      .filter(Boolean)
      .join('\n'),
  );
}

export function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable url>';
  }
}

let stopContainers: (() => Promise<void>) | undefined;

/** Starts Kafka (KRaft) and PostgreSQL containers when a Docker engine answers; undefined otherwise. */
export async function startContainersWhenDockerAnswers(): Promise<TestInfrastructure | undefined> {
  const testcontainers = await import('testcontainers');
  try {
    await testcontainers.getContainerRuntimeClient();
  } catch {
    return undefined;
  }
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const [kafka, postgres] = await Promise.all([
    new KafkaContainer('confluentinc/cp-kafka:7.9.0').withKraft().start(),
    new PostgreSqlContainer('postgres:16-alpine').withUsername('postgres').withPassword('postgres').start(),
  ]);
  stopContainers = async () => {
    await Promise.allSettled([kafka.stop(), postgres.stop()]);
  };
  return {
    kafkaBrokers: [`${kafka.getHost()}:${kafka.getMappedPort(9093)}`],
    databaseUrl: `postgres://postgres:postgres@${postgres.getHost()}:${postgres.getPort()}/postgres`,
    source: 'testcontainers',
  };
}

export async function stopStartedContainers(): Promise<void> {
  await stopContainers?.();
  stopContainers = undefined;
}
