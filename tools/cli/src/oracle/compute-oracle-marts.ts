// Runs the oracle's mart steps (oracle-marts.sql.ts) over a schema that loadRawOlist filled.
import type { Pool } from '@mercado/postgres';
import { inSchema } from './load-raw-olist';
import { oracleMartSteps, type OracleMartOptions } from './oracle-marts.sql';

export interface OracleStepTiming {
  step: string;
  millis: number;
}

export interface OracleMartsResult {
  schema: string;
  steps: OracleStepTiming[];
  /** Rows per mart. */
  rows: Record<string, number>;
  millis: number;
}

/** Computes mart_executive_dashboard, mart_seller_performance and mart_delivery_performance in `schema`. */
export async function computeOracleMarts(
  pool: Pool,
  schema: string,
  options: OracleMartOptions = {},
): Promise<OracleMartsResult> {
  const started = Date.now();
  const steps: OracleStepTiming[] = [];
  for (const step of oracleMartSteps(options)) {
    const stepStarted = Date.now();
    try {
      // One transaction per step; sorts and hashes of ~100k-row tables stay in memory.
      await pool.query(inSchema(`BEGIN;\nSET LOCAL work_mem = '256MB';\n${step.sql}\nCOMMIT;`, schema));
    } catch (error) {
      throw new Error(`oracle step ${step.name} failed: ${(error as Error).message}`, { cause: error });
    }
    steps.push({ step: step.name, millis: Date.now() - stepStarted });
  }
  const rows: Record<string, number> = {};
  for (const mart of ['mart_executive_dashboard', 'mart_seller_performance', 'mart_delivery_performance']) {
    const result = await pool.query<{ count: string }>(inSchema(`SELECT count(*) FROM {s}.${mart}`, schema));
    rows[mart] = Number(result.rows[0]!.count);
  }
  return { schema, steps, rows, millis: Date.now() - started };
}
