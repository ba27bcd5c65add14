import { type MessagingMetrics } from '@mercado/messaging';
import { type Pool } from '@mercado/postgres';
import {
  ensureQualitySchema,
  loadDataDocsModel,
  PgQualityQueries,
  QualityRunner,
  type QualityRunOptions,
  registerQualityMetrics,
  renderDataDocs,
  type Trigger,
  warehouseSuites,
} from '@mercado/quality';
import { type Logger, stoppable, type Stoppable } from '@mercado/service-kit';
import { type Registry } from 'prom-client';
import { QualityRunScheduler, type SchedulerTimers } from '../../application/commands/schedule-quality-runs/quality-run.scheduler';
import { type QualityApi } from '../http/quality.routes';
import { type WarehouseConfig } from '../warehouse.config';

export interface WarehouseQualityParts {
  pool: Pool;
  config: Pick<
    WarehouseConfig,
    'QUALITY_BATCH_RUNS' | 'QUALITY_BATCH_INTERVAL_MS' | 'QUALITY_SCHEDULE' | 'QUALITY_SCHEDULE_INTERVAL_MS' | 'QUALITY_STATEMENT_TIMEOUT_MS' | 'QUALITY_MAX_REJECTED_SHARE'
  >;
  registry: Registry;
  logger: Logger;
  timers?: SchedulerTimers;
}

export interface WarehouseQuality {
  api: QualityApi;
  /** Call after each committed batch: asks for a debounced cheap run, returns at once. */
  batchApplied(): void;
  /** Stops the timers and waits for a run under way. */
  stoppable: Stoppable;
}

const realTimers: SchedulerTimers = {
  now: () => Date.now(),
  // unref: a pending quality run never keeps the process alive on its own.
  setTimeout: (callback, delayMs) => setTimeout(callback, delayMs).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * The warehouse's data quality: the `quality` schema beside the star schema, the warehouse suites,
 * cheap runs after batches and full runs on a schedule (QualityRunScheduler), on-demand runs and the
 * read side for the HTTP routes, and the `quality_*` gauges in the service's registry.
 */
export async function startWarehouseQuality({ pool, config, registry, logger, timers = realTimers }: WarehouseQualityParts): Promise<WarehouseQuality> {
  await ensureQualitySchema(pool);
  const suites = warehouseSuites({ maxRejectedShare: config.QUALITY_MAX_REJECTED_SHARE });
  const queries = new PgQualityQueries(pool);
  registerQualityMetrics(registry, queries);

  const run = async (options: Omit<QualityRunOptions, 'statementTimeoutMillis'>, chosen = suites) => {
    const result = await QualityRunner.run(pool, chosen, { ...options, statementTimeoutMillis: config.QUALITY_STATEMENT_TIMEOUT_MS });
    const { value, evaluated, failed, errored, skipped } = result.score;
    const log = { trigger: result.trigger, runId: result.id, score: value, evaluated, failed, errored, skipped, seconds: (result.finishedAt.getTime() - result.startedAt.getTime()) / 1000 };
    if (failed + errored > 0) logger.warn({ ...log, failing: result.score.failing.slice(0, 10).map((f) => `${f.suite}/${f.expectationId}`) }, 'quality run with failing expectations');
    else logger.info(log, 'quality run');
    return result;
  };

  const scheduler = new QualityRunScheduler({
    run: (trigger) => run({ trigger }),
    batchIntervalMs: config.QUALITY_BATCH_RUNS ? config.QUALITY_BATCH_INTERVAL_MS : null,
    scheduleIntervalMs: config.QUALITY_SCHEDULE ? config.QUALITY_SCHEDULE_INTERVAL_MS : null,
    timers,
    onError: (trigger, error) => logger.warn({ trigger, error: String(error) }, 'quality run failed'),
  });
  scheduler.start();

  const api: QualityApi = {
    suiteNames: suites.map((s) => s.name),
    latest: async (trigger?: Trigger) => {
      const [latestRun, suiteRuns] = await Promise.all([queries.latestRun(), queries.latestRuns(trigger ? { trigger } : {})]);
      return { latestRun, suites: suiteRuns };
    },
    failing: (query) => queries.failingExpectations(query),
    runOnDemand: ({ params, inputs, suites: names }) =>
      scheduler.exclusive(() => run({ trigger: 'on-demand', params, inputs }, names ? suites.filter((s) => names.includes(s.name)) : suites)),
    dataDocs: async () => renderDataDocs(await loadDataDocsModel(pool, suites)),
  };
  return { api, batchApplied: () => scheduler.batchApplied(), stoppable: stoppable('quality runs', () => scheduler.stop()) };
}

/** The consumer's metrics, also telling `onBatch` after each processed (committed) batch. */
export function notifyingBatches(inner: MessagingMetrics, onBatch: () => void): MessagingMetrics {
  return {
    ...inner,
    batchProcessed: (consumer, size, seconds) => {
      inner.batchProcessed(consumer, size, seconds);
      onBatch();
    },
  };
}
