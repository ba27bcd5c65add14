import { PermanentError } from '@mercado/messaging';
import { type StagedBatch } from '../../domain/events/staged-batch';
import { type WarehouseWriter } from '../../application/ports/warehouse-writer.port';
import {
  CUSTOMER_VERSION_CONFLICTS,
  DERIVE_AND_REFRESH,
  DERIVE_AND_REFRESH_STEPS,
  DERIVE_FACTS,
  DERIVE_CUSTOMER_VERSIONS,
  DERIVE_CUSTOMERS,
  LOCK_SCHEMA,
  REFRESH_MARTS,
  SCHEMA_TABLES,
  SESSION_SETUP,
  STAGE_CUSTOMER_ACCOUNTS,
  STAGE_CUSTOMER_CHANGES,
  STAGE_ORDER_STATUSES,
  STAGE_ORDERS,
  STAGE_PAYMENTS,
  STAGE_PRODUCTS,
  STAGE_REVIEWS,
  STAGE_SELLERS,
  STAGE_SHIPMENTS,
  STALE_STATISTICS,
  STATISTICS_SAMPLE,
  TOUCH_ALL_MART_KEYS,
  TOUCH_ALL_ORDERS,
} from './apply-batch.statements';
import { quoteIdentifier } from '@mercado/postgres';
import { SchemaStatements, type SqlSession } from './sql-session';

const statements = new SchemaStatements({
  stageOrders: STAGE_ORDERS,
  stageOrderStatuses: STAGE_ORDER_STATUSES,
  stagePayments: STAGE_PAYMENTS,
  stageReviews: STAGE_REVIEWS,
  stageShipments: STAGE_SHIPMENTS,
  stageCustomerChanges: STAGE_CUSTOMER_CHANGES,
  stageCustomerAccounts: STAGE_CUSTOMER_ACCOUNTS,
  stageProducts: STAGE_PRODUCTS,
  stageSellers: STAGE_SELLERS,
  deriveCustomerVersions: DERIVE_CUSTOMER_VERSIONS,
  deriveCustomers: DERIVE_CUSTOMERS,
  customerVersionConflicts: CUSTOMER_VERSION_CONFLICTS,
  deriveAndRefresh: DERIVE_AND_REFRESH,
  deriveFacts: DERIVE_FACTS,
  refreshMarts: REFRESH_MARTS,
  touchAllMartKeys: TOUCH_ALL_MART_KEYS,
  touchAllOrders: TOUCH_ALL_ORDERS,
});
type StatementName = keyof ReturnType<typeof statements.for>;
const steps = DERIVE_AND_REFRESH_STEPS.map((step) => ({ name: step.name, template: new SchemaStatements({ sql: step.sql }) }));

export interface PgWarehouseWriterOptions {
  /**
   * Stage the batch (and derive the customers' versions, whose conflicts are the events' fault) but
   * leave the facts, buyer summaries and marts to completeDerivation: a rebuild derives them once,
   * for all keys, after the replay instead of after every batch.
   */
  deferDerivation?: boolean;
  /**
   * Times every statement of a batch apart (one round trip each instead of one for the derivation):
   * for measuring where a batch's time goes.
   */
  observeStep?: StepObserver;
}

/** The wall time of one named step of a batch (staging one family, one statement of the derivation). */
export type StepObserver = (step: string, seconds: number) => void;

/**
 * The warehouse writer on PostgreSQL: one statement per event family present in the batch (its rows
 * as one jsonb parameter), the customers' versions when customer events came, then one round trip
 * deriving the facts and refreshing the marts of every touched key. Batches on one schema are
 * serialised by an advisory lock (marts are shared rows), which a rebuild's swap also takes.
 */
export class PgWarehouseWriter implements WarehouseWriter {
  private readonly sql: ReturnType<typeof statements.for>;

  constructor(
    private readonly session: SqlSession,
    private readonly schema: string,
    private readonly options: PgWarehouseWriterOptions = {},
  ) {
    this.sql = statements.for(schema);
  }

  async apply(batch: StagedBatch): Promise<void> {
    await this.session.query(SESSION_SETUP);
    await this.session.query(LOCK_SCHEMA, [this.schema]);
    await this.stage('stageOrders', batch.orders);
    await this.stage('stageOrderStatuses', batch.orderStatuses);
    await this.stage('stagePayments', batch.payments);
    await this.stage('stageReviews', batch.reviews);
    await this.stage('stageShipments', batch.shipments);
    await this.stage('stageProducts', batch.products);
    await this.stage('stageSellers', batch.sellers);
    if (batch.customerChanges.length > 0 || batch.customerAccounts.length > 0) {
      await this.stage('stageCustomerChanges', batch.customerChanges);
      await this.stage('stageCustomerAccounts', batch.customerAccounts);
      await this.timed('deriveCustomerVersions', () => this.session.query(this.sql.deriveCustomerVersions));
      const conflicts = await this.timed('customerVersionConflicts', () =>
        this.lastResult<{ customer_unique_id: string }>(this.sql.customerVersionConflicts),
      );
      if (conflicts.length > 0) {
        const persons = new Set(conflicts.map((r) => r.customer_unique_id));
        throw new PermanentError(
          `customer events give an account already held by another person as the first account of ${[...persons].join(', ')}`,
          { eventIds: batch.customerChanges.filter((c) => persons.has(c.customer_unique_id)).map((c) => c.event_id) },
        );
      }
      await this.timed('deriveCustomers', () => this.session.query(this.sql.deriveCustomers));
    }
    await this.derive();
    await this.timed('statistics', () => this.refreshStatistics());
  }

  /**
   * What batches applied with deferDerivation left out: the facts of every staged order, then the
   * buyer summaries and marts of every key the facts (and the tables) hold, with the statements a
   * batch runs for its touched keys, so the result is the one incremental batches give.
   */
  async completeDerivation(): Promise<void> {
    await this.session.query(SESSION_SETUP);
    await this.session.query(LOCK_SCHEMA, [this.schema]);
    // Every table, whatever the modification counts say: the last batches' counts may not be
    // published yet, and this transaction's own (the facts growing from empty) are not visible to it.
    await this.timed('statistics', () => this.analyzeAll());
    await this.timed('touchAllOrders', () => this.session.query(this.sql.touchAllOrders));
    await this.timed('deriveFacts', () => this.session.query(this.sql.deriveFacts));
    await this.timed('statistics', () => this.analyzeAll());
    await this.timed('touchAllMartKeys', () => this.session.query(this.sql.touchAllMartKeys));
    await this.timed('refreshMarts', () => this.session.query(this.sql.refreshMarts));
    await this.timed('statistics', () => this.analyzeAll());
  }

  private async analyzeAll(): Promise<void> {
    await this.analyze((await this.session.query<{ table_name: string }>(SCHEMA_TABLES, [this.schema])).rows.map((r) => r.table_name));
  }

  private async derive(): Promise<void> {
    const observe = this.options.observeStep;
    if (this.options.deferDerivation) {
      return;
    } else if (!observe) {
      await this.session.query(this.sql.deriveAndRefresh);
    } else {
      for (const step of steps) await this.timed(step.name, () => this.session.query(step.template.for(this.schema).sql));
    }
  }

  private async timed<T>(step: string, run: () => Promise<T>): Promise<T> {
    const observe = this.options.observeStep;
    if (!observe) return run();
    const started = performance.now();
    const result = await run();
    observe(step, (performance.now() - started) / 1000);
    return result;
  }

  private async refreshStatistics(): Promise<void> {
    const { rows } = await this.session.query<{ table_name: string }>(STALE_STATISTICS, [this.schema]);
    await this.analyze(rows.map((r) => r.table_name));
  }

  private async analyze(tables: readonly string[]): Promise<void> {
    if (tables.length === 0) return;
    await this.session.query(STATISTICS_SAMPLE);
    await this.session.query(`ANALYZE ${tables.map((t) => `${quoteIdentifier(this.schema)}.${quoteIdentifier(t)}`).join(', ')}`);
  }

  /** The rows of the last statement of a multi-statement query (pg answers an array of results). */
  private async lastResult<R extends Record<string, unknown>>(sql: string): Promise<R[]> {
    const result = (await this.session.query<R>(sql)) as unknown as { rows: R[] } | { rows: R[] }[];
    return Array.isArray(result) ? result.at(-1)!.rows : result.rows;
  }

  private async stage(statement: StatementName, rows: readonly object[]): Promise<void> {
    if (rows.length > 0) await this.timed(statement, () => this.session.query(this.sql[statement], [JSON.stringify(rows)]));
  }
}
