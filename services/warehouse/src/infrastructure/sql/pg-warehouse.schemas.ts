import { classifyFailure } from '@mercado/messaging';
import { quoteIdentifier, withTransaction, type Pool } from '@mercado/postgres';
import { type EventEnvelope } from '@mercado/contracts';
import { type BatchApplier, type WarehouseSchemas } from '../../application/ports/warehouse-schemas.port';
import { createWarehouseApplier } from '../warehouse-applier';
import { LOCK_SCHEMA } from './apply-batch.statements';
import { migrateWarehouse } from './migrator';
import { PgWarehouseWriter } from './pg-warehouse.writer';
import { assertSchemaName, type SqlSession, WAREHOUSE_SCHEMA } from './sql-session';

/** The warehouse's schemas in PostgreSQL: creation with reference data, and the atomic swap. */
export class PgWarehouseSchemas implements WarehouseSchemas {
  readonly live: string;

  constructor(
    private readonly pool: Pool,
    live: string = WAREHOUSE_SCHEMA,
  ) {
    this.live = assertSchemaName(live);
  }

  async create(schema: string): Promise<void> {
    await this.pool.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(assertSchemaName(schema))} CASCADE`);
    await migrateWarehouse(this.pool, schema);
    // Geolocation comes from a file, not from events: the new warehouse takes the live one's.
    if (await this.exists(this.live)) {
      for (const table of ['stg_geolocation', 'dim_geolocation']) {
        await this.pool.query(`INSERT INTO ${quoteIdentifier(schema)}.${table} SELECT * FROM ${quoteIdentifier(this.live)}.${table}`);
      }
    }
  }

  /**
   * The replay's applier stages the events only (and derives the customers' versions, whose
   * conflicts are events to skip): re-deriving an order's facts as each of its events arrives, and
   * the touched dates, seller-months, segments and delivery cells after every batch, cost most of a
   * replay's time; `complete` derives them once, set-based. A data error there (which the live
   * consumer would dead-letter one event for) fails the rebuild instead, leaving the live warehouse.
   */
  applierFor(schema: string): BatchApplier {
    const applier = createWarehouseApplier({ schema, recordFreshness: false, deferDerivation: true });
    return async (envelopes) => {
      await withTransaction(this.pool, (tx) => applier.execute(tx, envelopes));
    };
  }

  async complete(schema: string): Promise<void> {
    await withTransaction(this.pool, (tx) => new PgWarehouseWriter(tx, assertSchemaName(schema)).completeDerivation());
  }

  async swapIn(schema: string, catchUp: (apply: BatchApplier) => Promise<void>): Promise<void> {
    assertSchemaName(schema);
    const applier = createWarehouseApplier({ schema, recordFreshness: false });
    await withTransaction(this.pool, async (tx) => {
      // The live consumer's batches take this lock too: they wait here, and resume on the new schema.
      await tx.query(LOCK_SCHEMA, [this.live]);
      await catchUp((envelopes) => applyInSavepoint(tx, envelopes, (session, events) => applier.execute(session, events).then(() => undefined)));
      const retired = `${this.live}_old_${Date.now()}`;
      if (await this.exists(this.live, tx)) {
        await tx.query(`ALTER SCHEMA ${quoteIdentifier(this.live)} RENAME TO ${quoteIdentifier(retired)}`);
      }
      await tx.query(`ALTER SCHEMA ${quoteIdentifier(schema)} RENAME TO ${quoteIdentifier(this.live)}`);
      await tx.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(retired)} CASCADE`);
    });
  }

  async drop(schema: string): Promise<void> {
    if (assertSchemaName(schema) === this.live) throw new Error(`refusing to drop the live warehouse schema ${schema}`);
    await this.pool.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
  }

  private async exists(schema: string, session: SqlSession = this.pool): Promise<boolean> {
    const { rowCount } = await session.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    return (rowCount ?? 0) > 0;
  }
}

/** Applies a batch inside the caller's transaction, undoing only this batch when it fails. */
async function applyInSavepoint(
  tx: SqlSession,
  envelopes: readonly EventEnvelope[],
  apply: (session: SqlSession, envelopes: readonly EventEnvelope[]) => Promise<void>,
): Promise<void> {
  await tx.query('SAVEPOINT warehouse_catch_up');
  try {
    await apply(tx, envelopes);
    // Check the deferred constraints now, so that a bad batch fails here and not the swap's commit.
    await tx.query('SET CONSTRAINTS ALL IMMEDIATE');
    await tx.query('SET CONSTRAINTS ALL DEFERRED');
    await tx.query('RELEASE SAVEPOINT warehouse_catch_up');
  } catch (error) {
    await tx.query('ROLLBACK TO SAVEPOINT warehouse_catch_up');
    throw error;
  }
}

/** The rebuild skips what the live consumer dead-letters: the messaging package's permanent failures. */
export function isPermanentApplyFailure(error: unknown): boolean {
  return classifyFailure(error) === 'permanent';
}
