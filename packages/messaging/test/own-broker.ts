import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const KAFKA_SH = path.resolve(__dirname, '..', '..', '..', 'infra', 'kafka', 'kafka.sh');

/**
 * A Kafka broker of the test's own (infra/kafka/kafka.sh on a free port, data in a temporary
 * directory), which the test may stop and start. The shared broker is never touched.
 */
export class OwnBroker {
  private constructor(
    readonly port: number,
    readonly dataDir: string,
  ) {}

  static async create(): Promise<OwnBroker> {
    return new OwnBroker(await freePortPair(), await mkdtemp(path.join(os.tmpdir(), 'mercado-kafka-')));
  }

  get brokers(): string[] {
    return [`127.0.0.1:${this.port}`];
  }

  start(): Promise<void> {
    return this.run('start');
  }

  stop(): Promise<void> {
    return this.run('stop');
  }

  /** Stops the broker and deletes its data. */
  async destroy(): Promise<void> {
    await this.stop().catch(() => undefined);
    await rm(this.dataDir, { recursive: true, force: true });
  }

  private run(command: 'start' | 'stop'): Promise<void> {
    // KAFKA_BROKERS (set by the jest global setup for the shared broker) would make kafka.sh use that
    // cluster instead of starting one: leave it out.
    const { KAFKA_BROKERS: _shared, ...env } = process.env;
    return new Promise((resolve, reject) => {
      execFile(
        KAFKA_SH,
        [command],
        {
          // A loaded machine (2 cores shared by every test) can take a while to start a JVM.
          env: { ...env, KAFKA_PORT: String(this.port), KAFKA_DATA_DIR: this.dataDir, KAFKA_START_TIMEOUT: '150' },
          timeout: 180_000,
        },
        (error, _stdout, stderr) => (error ? reject(new Error(`kafka.sh ${command} failed: ${stderr}`)) : resolve()),
      );
    });
  }
}

/** A free port whose successor (the controller's port) is free too. */
async function freePortPair(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await listenOn(0);
    if (port < 65_000 && (await listenOn(port + 1).then(() => true, () => false))) return port;
  }
  throw new Error('no two consecutive free ports found');
}

function listenOn(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as net.AddressInfo;
      server.close(() => resolve(bound));
    });
  });
}
