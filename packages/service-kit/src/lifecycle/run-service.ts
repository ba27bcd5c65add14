import type { Logger } from 'pino';
import type { HealthRegistry } from '../health/health';
import type { Stoppable } from './stoppable';

export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;

/** The part of `process` the runner uses (tests pass a fake). */
export interface ProcessLike {
  on(event: 'SIGTERM' | 'SIGINT', listener: () => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  exit(code: number): never | void;
}

export interface RunServiceOptions {
  name: string;
  logger: Logger;
  /** Starts everything and returns what to stop, in start order (stopped in reverse). */
  start: () => Promise<Stoppable[]>;
  /** Deadline for the whole shutdown (default 10 s); past it the process exits 1. */
  shutdownTimeoutMs?: number;
  /** Marked shutting down at the signal, so readiness fails at once. */
  health?: HealthRegistry;
  process?: ProcessLike;
}

export interface RunningService {
  /** Stops everything as a signal would, then exits. */
  shutdown(reason: string): Promise<void>;
}

/**
 * Runs a service: starts it, then on SIGTERM or SIGINT stops every stoppable in reverse start order
 * (HTTP first: no new requests, in-flight ones finish; then consumers and the outbox relay after
 * their batch; then pools) and exits 0, or exits 1 if that takes longer than the deadline. A failed
 * start, an unhandled rejection or an uncaught exception is logged and exits 1.
 */
export async function runService(options: RunServiceOptions): Promise<RunningService> {
  const proc: ProcessLike = options.process ?? process;
  const { logger } = options;
  const deadlineMs = options.shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS;
  let stoppables: Stoppable[] = [];
  let started: Promise<unknown> = Promise.resolve();
  let shuttingDown: Promise<void> | undefined;

  const fail = (message: string) => (error: unknown) => {
    logger.fatal({ err: error }, message);
    proc.exit(1);
  };
  proc.on('unhandledRejection', fail('unhandled promise rejection; exiting'));
  proc.on('uncaughtException', fail('uncaught exception; exiting'));

  const shutdown = (reason: string): Promise<void> => {
    if (shuttingDown) {
      logger.warn({ reason }, 'shutdown already in progress');
      return shuttingDown;
    }
    shuttingDown = (async () => {
      logger.info({ reason, deadlineMs }, `${options.name} shutting down`);
      options.health?.markShuttingDown();
      const deadline = setTimeout(() => {
        logger.error({ deadlineMs }, `${options.name} did not stop within ${deadlineMs} ms; exiting`);
        proc.exit(1);
      }, deadlineMs);
      let failed = false;
      // A signal during start-up waits for the start to finish, then stops what it started.
      await started.catch(() => undefined);
      for (const [index, item] of [...stoppables].reverse().entries()) {
        const name = item.name ?? `stoppable #${stoppables.length - index}`;
        try {
          logger.debug({ component: name }, 'stopping');
          await item.stop();
          logger.debug({ component: name }, 'stopped');
        } catch (error) {
          failed = true;
          logger.error({ err: error, component: name }, 'failed to stop cleanly');
        }
      }
      clearTimeout(deadline);
      logger.info(`${options.name} stopped`);
      proc.exit(failed ? 1 : 0);
    })();
    return shuttingDown;
  };

  proc.on('SIGTERM', () => void shutdown('SIGTERM'));
  proc.on('SIGINT', () => void shutdown('SIGINT'));

  try {
    const starting = options.start();
    started = starting;
    stoppables = await starting;
  } catch (error) {
    logger.fatal({ err: error }, `${options.name} failed to start`);
    proc.exit(1);
    return { shutdown };
  }
  logger.info(`${options.name} started`);
  return { shutdown };
}
