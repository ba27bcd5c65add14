import net from 'node:net';
import {
  InfrastructureUnavailableError,
  parseHostPort,
  redactPassword,
  resolveTestInfrastructure,
  tcpAnswers,
} from './infrastructure';
import { uniqueName } from './names';
import { withDatabase } from './test-database';
import { olistRealDir } from './olist-real-dir';

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('resolveTestInfrastructure', () => {
  it('fails at once, naming the closed Kafka address and what to run, when KAFKA_BROKERS does not answer', async () => {
    const port = await closedPort();
    const started = Date.now();
    const attempt = resolveTestInfrastructure({
      env: { KAFKA_BROKERS: `127.0.0.1:${port}`, DATABASE_URL: `postgres://u:secret@127.0.0.1:${port}/db` },
    });
    await expect(attempt).rejects.toThrow(InfrastructureUnavailableError);
    await expect(attempt).rejects.toThrow(`Kafka at KAFKA_BROKERS=127.0.0.1:${port} does not answer`);
    await expect(attempt).rejects.toThrow('./mercado test');
    await expect(attempt).rejects.not.toThrow('secret');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('uses the environment when both servers answer', async () => {
    const server = net.createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      const infra = await resolveTestInfrastructure({
        env: { KAFKA_BROKERS: `127.0.0.1:${port}`, DATABASE_URL: `postgres://u@127.0.0.1:${port}/db` },
      });
      expect(infra).toEqual({
        kafkaBrokers: [`127.0.0.1:${port}`],
        databaseUrl: `postgres://u@127.0.0.1:${port}/db`,
        source: 'environment',
      });
    } finally {
      server.close();
    }
  });

  it('falls back to containers, then to a clear error, when nothing local answers', async () => {
    const port = await closedPort();
    await expect(
      resolveTestInfrastructure({ env: { KAFKA_PORT: String(port) }, startContainers: async () => undefined }),
    ).rejects.toThrow(`No Kafka broker answers on 127.0.0.1:${port}`);
    const fromContainers = { kafkaBrokers: ['h:1'], databaseUrl: 'postgres://h/db', source: 'testcontainers' as const };
    await expect(
      resolveTestInfrastructure({ env: { KAFKA_PORT: String(port) }, startContainers: async () => fromContainers }),
    ).resolves.toBe(fromContainers);
  });
});

describe('helpers', () => {
  it('parses host:port with a default port', () => {
    expect(parseHostPort('kafka:29092', 9092)).toEqual({ host: 'kafka', port: 29092 });
    expect(parseHostPort('localhost', 9092)).toEqual({ host: 'localhost', port: 9092 });
    expect(parseHostPort('[::1]:9092', 1)).toEqual({ host: '::1', port: 9092 });
  });

  it('reports a closed port as not answering', async () => {
    expect(await tcpAnswers('127.0.0.1', await closedPort(), 500)).toBe(false);
  });

  it('makes unique, topic- and database-safe names', () => {
    const a = uniqueName('Sales.Order v1');
    expect(a).toMatch(/^sales_order_v1_\d+_[0-9a-f]{8}$/);
    expect(uniqueName('x')).not.toBe(uniqueName('x'));
  });

  it('swaps the database of a server URL and hides passwords', () => {
    expect(withDatabase('postgres://postgres@127.0.0.1:5432/postgres', 't_1')).toBe('postgres://postgres@127.0.0.1:5432/t_1');
    expect(redactPassword('postgres://u:pw@h:5432/d')).toBe('postgres://u:***@h:5432/d');
  });
});

describe('olistRealDir', () => {
  it('finds shared/olist/real above the repository and honours OLIST_REAL_DIR', () => {
    const found = olistRealDir(__dirname);
    expect(found).toMatch(/shared\/olist\/real$/);
    process.env.OLIST_REAL_DIR = '/elsewhere';
    try {
      expect(olistRealDir(__dirname)).toBe('/elsewhere');
    } finally {
      delete process.env.OLIST_REAL_DIR;
    }
    expect(() => olistRealDir('/')).toThrow('set OLIST_REAL_DIR');
  });
});
