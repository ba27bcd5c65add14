import { type Pool } from '@mercado/postgres';
import { type Expectation } from '../../domain/expectation/expectation';
import { type Measurement, type SampleRow } from '../../domain/result/expectation-result';
import { type ExpectationExecutor, type MeasurementSession } from '../../application/ports/expectation-executor.port';
import { compileExpectation } from './expectation.compiler';

interface MeasurementRow {
  element_count: string | number | null;
  unexpected_count: string | number | null;
  metrics: Record<string, never> | null;
  sample: SampleRow[] | null;
}

function count(value: string | number | null): number | null {
  return value === null ? null : Number(value);
}

export interface PgExpectationExecutorOptions {
  /** Per-query limit; a check running longer becomes an error result. */
  statementTimeoutMillis?: number;
}

/**
 * Runs every check of a run in one read-only REPEATABLE READ transaction, so that they all see the
 * same snapshot (a row count and its other table cannot straddle a batch). Each check runs under a
 * savepoint: one that fails (a missing table, a timeout) does not spoil the others.
 */
export class PgExpectationExecutor implements ExpectationExecutor {
  constructor(
    private readonly pool: Pool,
    private readonly options: PgExpectationExecutorOptions = {},
  ) {}

  async withSnapshot<T>(work: (session: MeasurementSession) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const timeout = this.options.statementTimeoutMillis;
      if (timeout !== undefined) {
        if (!Number.isSafeInteger(timeout) || timeout <= 0) throw new RangeError('statementTimeoutMillis must be a positive integer');
        await client.query(`SET LOCAL statement_timeout = ${timeout}`);
      }
      const session: MeasurementSession = {
        async measure(expectation: Expectation): Promise<Measurement> {
          const query = compileExpectation(expectation);
          await client.query('SAVEPOINT quality_check');
          let rows: MeasurementRow[];
          try {
            ({ rows } = await client.query<MeasurementRow>(query.text, query.values));
          } catch (error) {
            await client.query('ROLLBACK TO SAVEPOINT quality_check');
            throw error;
          }
          await client.query('RELEASE SAVEPOINT quality_check');
          const row = rows[0]!;
          return { elementCount: count(row.element_count), unexpectedCount: count(row.unexpected_count), metrics: row.metrics ?? {}, sample: row.sample ?? [] };
        },
      };
      const result = await work(session);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
