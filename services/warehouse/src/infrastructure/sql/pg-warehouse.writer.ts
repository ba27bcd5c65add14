import { PermanentError } from '@mercado/messaging';
import { type StagedBatch } from '../../domain/events/staged-batch';
import { type WarehouseWriter } from '../../application/ports/warehouse-writer.port';
import {
  CUSTOMER_VERSION_CONFLICTS,
  DERIVE_AND_REFRESH,
  DERIVE_CUSTOMER_VERSIONS,
  DERIVE_CUSTOMERS,
  LOCK_SCHEMA,
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
});

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
  ) {
    this.sql = statements.for(schema);
  }

  async apply(batch: StagedBatch): Promise<void> {
    await this.session.query(SESSION_SETUP);
    await this.session.query(LOCK_SCHEMA, [this.schema]);
    await this.stage(this.sql.stageOrders, batch.orders);
    await this.stage(this.sql.stageOrderStatuses, batch.orderStatuses);
    await this.stage(this.sql.stagePayments, batch.payments);
    await this.stage(this.sql.stageReviews, batch.reviews);
    await this.stage(this.sql.stageShipments, batch.shipments);
    await this.stage(this.sql.stageProducts, batch.products);
    await this.stage(this.sql.stageSellers, batch.sellers);
    if (batch.customerChanges.length > 0 || batch.customerAccounts.length > 0) {
      await this.stage(this.sql.stageCustomerChanges, batch.customerChanges);
      await this.stage(this.sql.stageCustomerAccounts, batch.customerAccounts);
      await this.session.query(this.sql.deriveCustomerVersions);
      const conflicts = await this.lastResult<{ customer_unique_id: string }>(this.sql.customerVersionConflicts);
      if (conflicts.length > 0) {
        const persons = new Set(conflicts.map((r) => r.customer_unique_id));
        throw new PermanentError(
          `customer events give an account already held by another person as the first account of ${[...persons].join(', ')}`,
          { eventIds: batch.customerChanges.filter((c) => persons.has(c.customer_unique_id)).map((c) => c.event_id) },
        );
      }
      await this.session.query(this.sql.deriveCustomers);
    }
    await this.session.query(this.sql.deriveAndRefresh);
    await this.refreshStatistics();
  }

  private async refreshStatistics(): Promise<void> {
    const { rows } = await this.session.query<{ table_name: string }>(STALE_STATISTICS, [this.schema]);
    if (rows.length === 0) return;
    await this.session.query(STATISTICS_SAMPLE);
    await this.session.query(`ANALYZE ${rows.map((r) => `${quoteIdentifier(this.schema)}.${quoteIdentifier(r.table_name)}`).join(', ')}`);
  }

  /** The rows of the last statement of a multi-statement query (pg answers an array of results). */
  private async lastResult<R extends Record<string, unknown>>(sql: string): Promise<R[]> {
    const result = (await this.session.query<R>(sql)) as unknown as { rows: R[] } | { rows: R[] }[];
    return Array.isArray(result) ? result.at(-1)!.rows : result.rows;
  }

  private async stage(sql: string, rows: readonly object[]): Promise<void> {
    if (rows.length > 0) await this.session.query(sql, [JSON.stringify(rows)]);
  }
}
