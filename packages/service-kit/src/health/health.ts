import { redactUrlPasswords } from '../logging/redaction';

/** One dependency readiness depends on. `check` resolves when it is usable and rejects (or times out) otherwise. */
export interface HealthCheck {
  name: string;
  check: () => Promise<unknown>;
  /** Default 2000 ms. */
  timeoutMs?: number;
}

export interface CheckResult {
  status: 'up' | 'down';
  durationMs: number;
  error?: string;
}

export interface ReadinessReport {
  status: 'ready' | 'not-ready';
  checks: Record<string, CheckResult>;
}

export const DEFAULT_CHECK_TIMEOUT_MS = 2000;

/** The checks behind /health/ready. Liveness needs none: answering at all is the proof. */
export class HealthRegistry {
  private readonly checks = new Map<string, HealthCheck>();
  private shuttingDown = false;

  register(...checks: HealthCheck[]): this {
    for (const check of checks) {
      if (this.checks.has(check.name)) throw new Error(`health check "${check.name}" is registered twice`);
      this.checks.set(check.name, check);
    }
    return this;
  }

  /** From the shutdown signal on, readiness fails so load balancers stop sending traffic. */
  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  get isShuttingDown(): boolean {
    return this.shuttingDown;
  }

  /** Runs every check in parallel, each under its timeout. */
  async readiness(): Promise<ReadinessReport> {
    const entries = await Promise.all([...this.checks.values()].map(async (check) => [check.name, await run(check)] as const));
    const checks: Record<string, CheckResult> = Object.fromEntries(entries);
    if (this.shuttingDown) checks.shutdown = { status: 'down', durationMs: 0, error: 'the service is shutting down' };
    const ready = Object.values(checks).every((result) => result.status === 'up');
    return { status: ready ? 'ready' : 'not-ready', checks };
  }
}

async function run(check: HealthCheck): Promise<CheckResult> {
  const started = performance.now();
  const timeoutMs = check.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      Promise.resolve().then(check.check),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { status: 'up', durationMs: elapsed(started) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: 'down', durationMs: elapsed(started), error: redactUrlPasswords(message) || 'check failed' };
  } finally {
    clearTimeout(timer);
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}

/** Database ping: `SELECT 1` through a pg Pool, a typeorm DataSource or anything with `query`. */
export function databaseCheck(database: { query(sql: string): Promise<unknown> }, name = 'database'): HealthCheck {
  return { name, check: () => database.query('SELECT 1') };
}

/** Kafka reachability: any call that needs a broker answer, e.g. `() => admin.describeCluster()`. */
export function kafkaCheck(ping: () => Promise<unknown>, name = 'kafka'): HealthCheck {
  return { name, check: ping };
}

/** A condition the service sets itself, such as "migrations done": down until `set(true)`. */
export function flagCheck(name: string, pendingMessage = `${name} not done`): HealthCheck & { set(done: boolean): void } {
  let done = false;
  return {
    name,
    check: async () => {
      if (!done) throw new Error(pendingMessage);
    },
    set(value: boolean) {
      done = value;
    },
  };
}
