import { type SqlExecutor } from '@mercado/postgres';
import { ConcurrentModificationError } from '../../application/shared/application.errors';

export interface VersionedStatements {
  /** INSERT … SELECT FROM UNNEST(…) ON CONFLICT DO NOTHING RETURNING <id> AS id. */
  insert: string;
  /** UPDATE … FROM UNNEST(…) WHERE version = expected RETURNING <id> AS id. */
  update: string;
}

/**
 * Saves aggregates in two set-based statements: the new ones (version 0) inserted, the others updated
 * only where the stored version is still theirs. Whatever was not written lost a race:
 * ConcurrentModificationError names the first of them.
 */
export async function saveVersioned<T extends { version: number }>(
  db: SqlExecutor,
  statements: VersionedStatements,
  aggregates: readonly T[],
  idOf: (aggregate: T) => string,
  columnsOf: (batch: readonly T[]) => unknown[][],
): Promise<void> {
  const fresh = aggregates.filter((aggregate) => aggregate.version === 0);
  const known = aggregates.filter((aggregate) => aggregate.version !== 0);
  for (const [sql, batch] of [
    [statements.insert, fresh],
    [statements.update, known],
  ] as const) {
    if (batch.length === 0) continue;
    const { rows } = await db.query<{ id: string }>(sql, columnsOf(batch));
    if (rows.length !== batch.length) {
      const written = new Set(rows.map((row) => row.id));
      throw new ConcurrentModificationError(idOf(batch.find((aggregate) => !written.has(idOf(aggregate)))!));
    }
  }
}

/** Transposes rows into one array per column (the parameters of an UNNEST). */
export function columnArrays(rows: readonly unknown[][], width: number): unknown[][] {
  const columns: unknown[][] = Array.from({ length: width }, () => []);
  for (const row of rows) row.forEach((value, index) => columns[index]!.push(value));
  return columns;
}
