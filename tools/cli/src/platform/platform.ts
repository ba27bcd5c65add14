import path from 'node:path';
import type { ServiceEndpoints } from '../import/olist-import';
import { platformServices, type PlatformService } from './service-catalog';
import { Supervisor, type RunningChild } from './supervisor';

export interface PlatformStartOptions {
  root: string;
  /** Server the five databases live on (any database in the path; it is replaced). */
  serverUrl: string;
  kafkaBrokers: string;
  /** Services listen on base+1 … base+5. */
  portBase: number;
  databasePrefix: string;
  readyTimeoutMs: number;
  logDir: string;
  /** The environment the services inherit. */
  env: NodeJS.ProcessEnv;
  /** Variables set on every service on top of `env` (topic overrides, consumer names of a test run). */
  serviceEnv?: (service: PlatformService) => Record<string, string>;
}

export interface RunningPlatformService {
  service: PlatformService;
  port: number;
  url: string;
  databaseUrl: string;
  child: RunningChild;
}

export interface RunningPlatform {
  services: RunningPlatformService[];
  endpoints: ServiceEndpoints;
  stop(): Promise<void>;
}

export function platformDatabaseUrl(serverUrl: string, databasePrefix: string, service: PlatformService): string {
  const url = new URL(serverUrl);
  url.pathname = `/${databasePrefix}${service.database}`;
  return url.toString();
}

/**
 * Starts the five built services (services/<name>/dist/main.js) as child processes and waits until each
 * is ready. Used by `mercado up`, the end-to-end tests and the pipeline benchmark. On a failed start
 * every child already started is stopped before the error is thrown.
 */
export async function startPlatform(options: PlatformStartOptions): Promise<RunningPlatform> {
  const supervisor = new Supervisor();
  const services: RunningPlatformService[] = [];
  try {
    for (const service of platformServices) {
      const port = options.portBase + (service.port - 3000);
      const databaseUrl = platformDatabaseUrl(options.serverUrl, options.databasePrefix, service);
      const child = supervisor.start({
        name: service.name,
        command: process.execPath,
        args: [path.join(options.root, 'services', service.name, 'dist', 'main.js')],
        env: {
          ...options.env,
          PORT: String(port),
          DATABASE_URL: databaseUrl,
          KAFKA_BROKERS: options.kafkaBrokers,
          LOG_LEVEL: options.env.LOG_LEVEL ?? 'info',
          NODE_ENV: options.env.NODE_ENV ?? 'development',
          ...options.serviceEnv?.(service),
        },
        logFile: path.join(options.logDir, `${service.name}.log`),
        readyUrl: `http://127.0.0.1:${port}/health/ready`,
      });
      services.push({ service, port, url: `http://127.0.0.1:${port}`, databaseUrl, child });
      // One at a time: each service provisions the catalog's topics at start, and concurrent
      // createTopics calls for the same topics race inside the broker.
      await supervisor.waitReady(child, options.readyTimeoutMs);
    }
  } catch (error) {
    await supervisor.stopAll();
    throw error;
  }
  return {
    services,
    endpoints: Object.fromEntries(services.map((s) => [s.service.name, s.url])) as unknown as ServiceEndpoints,
    stop: () => supervisor.stopAll(),
  };
}
