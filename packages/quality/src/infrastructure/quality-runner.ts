import { type Pool } from '@mercado/postgres';
import { type QualityRun, type RunInputs } from '../domain/run/quality-run';
import { type Suite, type Trigger } from '../domain/suite/suite';
import { RunQualitySuitesHandler } from '../application/commands/run-quality-suites/run-quality-suites.handler';
import { buildDataDocsModel, type DataDocsModel, type DataDocsModelOptions } from '../application/queries/data-docs-model/data-docs-model.query';
import { PgExpectationExecutor } from './sql/pg-expectation.executor';
import { PgQualityRunStore } from './sql/pg-quality-run.store';
import { PgQualityQueries } from './sql/pg-quality.queries';

export interface QualityRunOptions {
  trigger: Trigger;
  /** Run-time numbers some expectations compare with, e.g. `{ orders: 99441 }` from an import summary. */
  params?: Record<string, number>;
  /** Rejected CSV rows and dead-lettered events, recorded on the run. */
  inputs?: Partial<RunInputs>;
  /** Per-check statement timeout (none by default). */
  statementTimeoutMillis?: number;
  /** Batch-triggered runs older than this are deleted after a batch run (24 by default; 0 keeps them). */
  batchRetentionHours?: number;
  clock?: () => Date;
}

const HOUR = 3_600_000;

/** Runs suites against a PostgreSQL database and stores the run in its `quality` schema. */
export class QualityRunner {
  /**
   * Executes the suites (only their cheap expectations for a `batch` trigger) in one snapshot, stores
   * the run and its results, and returns it with its scores. The quality schema must exist
   * (`ensureQualitySchema`).
   */
  static async run(pool: Pool, suites: readonly Suite[], options: QualityRunOptions): Promise<QualityRun> {
    const store = new PgQualityRunStore(pool);
    const handler = new RunQualitySuitesHandler({
      executor: new PgExpectationExecutor(pool, options.statementTimeoutMillis === undefined ? {} : { statementTimeoutMillis: options.statementTimeoutMillis }),
      store,
      ...(options.clock ? { clock: options.clock } : {}),
    });
    const command = { suites, trigger: options.trigger, ...(options.params ? { params: options.params } : {}), ...(options.inputs ? { inputs: options.inputs } : {}) };
    const run = await handler.execute(command);
    const retention = options.batchRetentionHours ?? 24;
    if (run.trigger === 'batch' && retention > 0) await store.prune('batch', new Date(run.startedAt.getTime() - retention * HOUR));
    return run;
  }
}

/** The data docs model read from the quality schema of `pool`'s database. */
export function loadDataDocsModel(pool: Pool, suites: readonly Suite[], options?: DataDocsModelOptions): Promise<DataDocsModel> {
  return buildDataDocsModel(new PgQualityQueries(pool), suites, options);
}
