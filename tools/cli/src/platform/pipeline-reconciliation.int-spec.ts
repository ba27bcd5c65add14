// End to end: the five built services as real processes, Olist files imported through their bulk endpoints,
// the pipeline drained (every outbox relayed, every consumer caught up), then the warehouse's marts — built
// incrementally from the events — compared with the reconciliation oracle's batch SQL over the same files,
// inside the warehouse's database. Equal means every row and every figure, money to the cent.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { olistRealDir } from '@mercado/testing';
import { generateOlist } from '../generate';
import { importOlist, type ImportSummary } from '../import/olist-import';
import { formatReport } from '../oracle';
import { waitForPipelineDrain } from './pipeline-drain';
import { startTestPlatform, type TestPlatform } from './testing/platform.test-harness';
import { reconcile, snapshotPlatform, type Reconciliation } from './testing/reconcile.test-helper';

const DRAIN_TIMEOUT_MS = 180_000;

async function importAndDrain(platform: TestPlatform, dir: string, rejectsPath: string): Promise<ImportSummary> {
  const summary = await importOlist({ dir, endpoints: platform.endpoints, token: platform.token, rejectsPath });
  try {
    await waitForPipelineDrain({
      serviceUrls: platform.services.map((s) => s.url),
      timeoutMs: DRAIN_TIMEOUT_MS,
      committedLag: () => platform.committedLag(),
    });
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${platform.logTails()}`, { cause: error });
  }
  return summary;
}

function expectEqual(reconciliation: Reconciliation): void {
  const text = formatReport(reconciliation.report);
  // The report in the message: a failure names the mart, key, column and both values of every differing row.
  expect({ equal: reconciliation.report.equal, report: text }).toEqual({
    equal: true,
    report: expect.stringContaining('Result: the warehouse agrees with the oracle.'),
  });
}

describe('the pipeline against the oracle, generated data (scale 0.02, seed 11, with faults)', () => {
  let platform: TestPlatform;
  let work: string;
  let first: ImportSummary;
  let reconciliation: Reconciliation;

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'mercado-e2e-'));
    const dir = path.join(work, 'olist');
    platform = await startTestPlatform({ portBase: 4300, label: 'e2e_gen' });
    await generateOlist({ scale: 0.02, seed: 11, outDir: dir, faults: true });
    first = await importAndDrain(platform, dir, path.join(work, 'rejects-1.ndjson'));
    reconciliation = await reconcile(platform, dir);
  }, 300_000);

  afterAll(async () => {
    await platform?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('builds marts equal to the oracle: no missing, extra or differing row', () => {
    expect(first.rowsRead).toBeGreaterThan(10_000);
    expect(reconciliation.report.marts.map((m) => m.mart)).toEqual([
      'mart_executive_dashboard',
      'mart_seller_performance',
      'mart_delivery_performance',
    ]);
    for (const mart of reconciliation.report.marts) expect(mart.oracleRows).toBeGreaterThan(0);
    expectEqual(reconciliation);
  });

  it('rejects in the import every row the oracle rejects, for the same reason, repeated keys included', async () => {
    const imported = new Map(
      readFileSync(first.rejectsReport, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { file: string; line: number; reason: string })
        .map((r) => [`${r.file}:${r.line}`, r.reason]),
    );
    const oracle = await platform.query<{ at: string; reason: string }>(
      'warehouse',
      `SELECT file || ':' || line AS at, reason FROM ${reconciliation.oracleSchema}.oracle_rejects ORDER BY file, line`,
    );
    expect(oracle.length).toBeGreaterThan(30);
    // Both apply R1 with the same keys: a repeated customer, product or seller is no longer left to the
    // services (which took it as unchanged) but rejected by the import, as the oracle does.
    expect(oracle.filter((r) => imported.get(r.at) !== r.reason)).toEqual([]);
    for (const file of ['olist_customers', 'olist_orders_dataset', 'olist_order_items', 'olist_products', 'olist_sellers'])
      expect({ file, repeats: oracle.some((r) => r.at.startsWith(file) && r.reason.startsWith('duplicate ')) }).toEqual({ file, repeats: true });
  });

  it('changes nothing when the same files are imported again: no aggregate, event, fact or mart row', async () => {
    const before = await snapshotPlatform(platform);
    expect(Object.values(before.topicMessages).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const again = await importAndDrain(platform, path.join(work, 'olist'), path.join(work, 'rejects-2.ndjson'));
    expect(again.rowsRead).toBe(first.rowsRead);
    const after = await snapshotPlatform(platform);
    // The warehouse keeps geolocation samples as received (a file may come in several loads) and has no
    // identity for a sample: the same file again doubles them, which moves no median and no mart.
    const samples = 'warehouse:dw.stg_geolocation';
    expect(after.rows[samples]).toBe(2 * before.rows[samples]!);
    expect({ ...after, rows: { ...after.rows, [samples]: 0 } }).toEqual({ ...before, rows: { ...before.rows, [samples]: 0 } });
    expectEqual(await reconcile(platform, path.join(work, 'olist')));
  }, 300_000);
});

describe('the pipeline against the oracle, the real Olist rows (heads joining only partly)', () => {
  let platform: TestPlatform;
  let work: string;
  let summary: ImportSummary;
  let reconciliation: Reconciliation;

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'mercado-e2e-real-'));
    platform = await startTestPlatform({ portBase: 4310, label: 'e2e_real' });
    summary = await importAndDrain(platform, olistRealDir(), path.join(work, 'rejects.ndjson'));
    reconciliation = await reconcile(platform, olistRealDir());
  }, 300_000);

  afterAll(async () => {
    await platform?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('builds marts equal to the oracle, orphans held alike (R2–R6)', () => {
    expect(summary.rowsRead).toBe(reconciliation.files.reduce((sum, f) => sum + f.staged + f.rejected, 0));
    const rows = Object.fromEntries(reconciliation.report.marts.map((m) => [m.mart, m.oracleRows]));
    expect(rows.mart_executive_dashboard).toBeGreaterThan(0);
    expect(rows.mart_seller_performance).toBeGreaterThan(0);
    expectEqual(reconciliation);
  });
});
