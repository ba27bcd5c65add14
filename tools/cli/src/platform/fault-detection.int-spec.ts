// The detection test (issue #9): the generator's --faults data, imported into the five real services, has
// every injected fault in the rejects report at its file and line (and column), and the main job's quality
// run fails, for every fault kind, the expectation that names the file the fault was in; the clean data of
// the same seed, imported into a platform of its own, rejects nothing and passes the gate with no failing
// error-severity expectation. One platform per data set, small scale: the services, Kafka and PostgreSQL
// are real, the figures are the gate's own (enforceQualityGate), so this is what `./mercado up` would see.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FAULT_KINDS, generateOlist, type FaultKind, type FaultsManifest } from '../generate';
import { importOlist, type ImportSummary } from '../import/olist-import';
import { OLIST_FILES, olistKindOfFileName, type OlistFileKind } from '../olist/olist-files';
import type { OlistReject } from '../olist/olist-records';
import { waitForPipelineDrain } from './pipeline-drain';
import {
  enforceQualityGate,
  QUALITY_GATE_THRESHOLD,
  QualityGateFailedError,
  type QualityRunAnswer,
} from './quality-gate';
import { startTestPlatform, type TestPlatform } from './testing/platform.test-harness';

const SCALE = 0.01;
const SEED = 29;
const DRAIN_TIMEOUT_MS = 180_000;

/**
 * Where each kind is rejected: by the CSV reader (a bad value or shape), or by the import's own cross-row
 * rules (a repeated natural key, a line of no order). Each reject names its reason accordingly.
 */
const REJECTED_BY: Readonly<Record<FaultKind, 'reader' | 'import: repeated key' | 'import: no order'>> = {
  missing_key: 'reader',
  bad_date: 'reader',
  negative_price: 'reader',
  unknown_status: 'reader',
  unknown_payment_type: 'reader',
  bad_number: 'reader',
  bad_score: 'reader',
  lost_leading_zero: 'reader',
  bad_state: 'reader',
  mojibake: 'reader',
  broken_quoting: 'reader',
  orphan_line: 'import: no order',
  duplicate_id: 'import: repeated key',
};

function rejectedBy(reject: OlistReject): (typeof REJECTED_BY)[FaultKind] | 'service' {
  if (reject.reason.startsWith('duplicate ')) return 'import: repeated key';
  if (reject.reason.startsWith('no order with this order_id')) return 'import: no order';
  if (/^(sales|customer|fulfillment|marketplace|warehouse): /.test(reject.reason)) return 'service';
  return 'reader';
}

/**
 * The quality expectations that catch a fault of each kind found in a file of the given kind: every kind
 * ends up among the file's rejected rows, which the raw suite's per-file warning judges (and the overall
 * rejected share, which a small sample's few faults stay under). The matrix in docs/quality.md.
 */
const CAUGHT_BY: Readonly<Record<FaultKind, (file: OlistFileKind) => string[]>> = Object.fromEntries(
  FAULT_KINDS.map((kind) => [kind, (file: OlistFileKind) => [`ingestion.${file}.rejected_rows:none`]]),
) as Record<FaultKind, (file: OlistFileKind) => string[]>;

interface ImportedRun {
  dir: string;
  summary: ImportSummary;
  rejects: OlistReject[];
  quality: QualityRunAnswer;
  /** Whether the gate let the run pass. */
  passed: boolean;
}

/** Imports `dir` as `mercado up` does: import, drain, then the quality gate's run (kept when it fails). */
async function importAndJudge(platform: TestPlatform, dir: string, work: string): Promise<ImportedRun> {
  const rejectsPath = path.join(work, 'rejects.ndjson');
  const summary = await importOlist({
    dir,
    endpoints: platform.endpoints,
    token: platform.token,
    rejectsPath,
  });
  try {
    await waitForPipelineDrain({
      serviceUrls: platform.services.map((s) => s.url),
      timeoutMs: DRAIN_TIMEOUT_MS,
      committedLag: () => platform.committedLag(),
    });
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${platform.logTails()}`, { cause: error });
  }
  let quality: QualityRunAnswer;
  let passed = true;
  try {
    quality = await enforceQualityGate({
      warehouseUrl: platform.endpoints.warehouse,
      serviceUrls: platform.services.map((s) => s.url),
      token: platform.token,
      summary,
      say: () => undefined,
    });
  } catch (error) {
    if (!(error instanceof QualityGateFailedError)) throw error;
    quality = error.answer;
    passed = false;
  }
  const rejects = readFileSync(rejectsPath, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as OlistReject);
  return { dir, summary, rejects, quality, passed };
}

const fileKind = (fileName: string): OlistFileKind => olistKindOfFileName(fileName)!;

describe(`fault detection: generated data with --faults (scale ${SCALE}, seed ${SEED})`, () => {
  let platform: TestPlatform;
  let work: string;
  let run: ImportedRun;
  let manifest: FaultsManifest;

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'mercado-detect-faults-'));
    const dir = path.join(work, 'olist');
    const generated = await generateOlist({ scale: SCALE, seed: SEED, outDir: dir, faults: true });
    manifest = JSON.parse(readFileSync(generated.faultsManifest!, 'utf8')) as FaultsManifest;
    platform = await startTestPlatform({ portBase: 4460, label: 'detect_faults' });
    run = await importAndJudge(platform, dir, work);
  }, 420_000);

  afterAll(async () => {
    await platform?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('injected every fault kind', () => {
    expect([...new Set(manifest.faults.map((f) => f.kind))].sort()).toEqual([...FAULT_KINDS].sort());
  });

  it.each([...FAULT_KINDS])(
    'has every %s fault of the manifest in the rejects report at its file, line and column',
    (kind) => {
      const faults = manifest.faults.filter((f) => f.kind === kind);
      expect(faults.length).toBeGreaterThan(0);
      const missing = faults.filter(
        (fault) =>
          !run.rejects.some(
            (r) =>
              r.file === fault.file &&
              r.line === fault.line &&
              // A repeated key names all its columns (order_id,order_item_id); the manifest the first.
              (fault.column === null
                ? r.column === null
                : (r.column ?? '').split(',').includes(fault.column)) &&
              rejectedBy(r) === REJECTED_BY[kind],
          ),
      );
      expect(missing).toEqual([]);
    },
  );

  it('rejects nothing but the injected rows: the good rows of the same run all get through', () => {
    const injected = new Set(manifest.faults.map((f) => `${f.file}:${f.line}`));
    expect(run.rejects.filter((r) => !injected.has(`${r.file}:${r.line}`))).toEqual([]);
    expect(run.quality.inputs.rejectedRows).toBe(injected.size);
  });

  it.each([...FAULT_KINDS])('fails, for the %s faults, the expectations that name their files', (kind) => {
    const failing = new Map(run.quality.failing.map((f) => [f.expectationId, f]));
    const files = [...new Set(manifest.faults.filter((f) => f.kind === kind).map((f) => f.file))];
    for (const file of files) {
      const ids = CAUGHT_BY[kind](fileKind(file));
      expect({ file, failing: ids.filter((id) => failing.has(id)) }).toEqual({ file, failing: ids });
      for (const id of ids) {
        // The file's rejected rows are exactly its injected faults, over the rows the import read.
        const read = run.summary.files.find((f) => f.file === file)!.read;
        expect(failing.get(id)).toMatchObject({
          suite: 'raw',
          severity: 'warning',
          status: 'failed',
          observedValue: {
            numerator: manifest.faults.filter((f) => f.file === file).length,
            denominator: read,
          },
        });
      }
    }
  });

  it('keeps the per-file warnings of a file without faults passing, and says what the gate decided', () => {
    const failing = new Set(run.quality.failing.map((f) => f.expectationId));
    expect(failing.has(`ingestion.category_translation.rejected_rows:none`)).toBe(false);
    expect(run.quality.score.evaluated).toBeGreaterThan(150);
    expect(run.passed).toBe(run.quality.score.value >= QUALITY_GATE_THRESHOLD);
  });
});

describe(`fault detection: the clean data of the same seed (scale ${SCALE}, seed ${SEED})`, () => {
  let platform: TestPlatform;
  let work: string;
  let run: ImportedRun;

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'mercado-detect-clean-'));
    const dir = path.join(work, 'olist');
    await generateOlist({ scale: SCALE, seed: SEED, outDir: dir, faults: false });
    platform = await startTestPlatform({ portBase: 4470, label: 'detect_clean' });
    run = await importAndJudge(platform, dir, work);
  }, 420_000);

  afterAll(async () => {
    await platform?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('rejects no row', () => {
    expect(run.rejects).toEqual([]);
    expect(run.quality.inputs.rejectedRows).toBe(0);
    expect(run.summary.rowsRead).toBeGreaterThan(5_000);
  });

  it('passes the 95 % gate with every expectation evaluated and no failing error-severity expectation', () => {
    expect(run.passed).toBe(true);
    expect(run.quality.score.value).toBeGreaterThanOrEqual(QUALITY_GATE_THRESHOLD);
    expect(run.quality.score.skipped).toBe(0);
    expect(run.quality.failing.filter((f) => f.severity === 'error')).toEqual([]);
    expect(run.quality.failing.filter((f) => f.expectationId.startsWith('ingestion.'))).toEqual([]);
  });

  it('reads every file of the published set', () => {
    const read = new Set(run.summary.files.map((f) => fileKind(f.file)));
    expect([...read].sort()).toEqual(Object.keys(OLIST_FILES).sort());
  });
});
