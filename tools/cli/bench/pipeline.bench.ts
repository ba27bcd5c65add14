// Benchmark of the whole pipeline: for each scale, the five built services started as real processes (on
// databases, topics and consumer groups of this run), a synthetic Olist sample generated, imported by
// `mercado import` in its own process, and the time measured from the import's start until the warehouse
// has applied every event (outboxes empty, every consumer without lag). Then the reconciliation oracle runs
// over the same files in the warehouse's database (batch time, and the comparison of the marts).
// Prints the figures; asserts nothing.
//   KAFKA_BROKERS=127.0.0.1:19092 pnpm --filter @mercado/cli bench:pipeline [-- --scales 0.1,0.5,1 --seed 42 --port-base 4320]
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { generateOlist } from '../src/generate';
import { compareMarts, computeOracleMarts, formatReport, loadRawOlist } from '../src/oracle';
import { createPool } from '@mercado/postgres';
import { messagingBacklog } from '../src/platform/pipeline-drain';
import { repoRoot } from '../src/platform/repo-root';
import { startTestPlatform, type TestPlatform } from '../src/platform/testing/platform.test-harness';

interface ProcessFigures {
  name: string;
  peakMiB: number;
  cpuSeconds: number;
}

interface ScaleResult {
  scale: number;
  rows: number;
  events: number;
  seconds: number;
  importSeconds: number;
  processes: ProcessFigures[];
  oracleSeconds: number;
  oracleLoadSeconds: number;
  equal: boolean;
  discrepancies: number;
  loadBefore: string;
  loadAfter: string;
}

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1]!;
}

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const CLOCK_TICKS = 100;

/** VmHWM (peak resident set) and user+system CPU of a live process, from /proc. */
function procFigures(name: string, pid: number): ProcessFigures {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const hwm = Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]);
  // Fields after the command name (which is in parentheses): utime is the 14th field, stime the 15th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cpu = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  return { name, peakMiB: Math.round(hwm / 1024), cpuSeconds: cpu };
}

/** Runs `mercado import` under GNU time: its peak RSS and CPU seconds are its own. */
function runImporter(dir: string, portBase: number, rejects: string): Promise<ProcessFigures & { output: string }> {
  const main = path.join(repoRoot(), 'tools', 'cli', 'dist', 'main.js');
  return new Promise((resolve, reject) => {
    execFile(
      '/usr/bin/time',
      ['-f', 'TIME %M %U %S', process.execPath, main, 'import', dir, '--port-base', String(portBase), '--rejects', rejects],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`mercado import failed: ${error.message}\n${stderr}`));
        const match = /TIME (\d+) ([\d.]+) ([\d.]+)/.exec(stderr);
        if (!match) return reject(new Error(`no figures from /usr/bin/time:\n${stderr}`));
        resolve({
          name: 'importer',
          peakMiB: Math.round(Number(match[1]) / 1024),
          cpuSeconds: Number(match[2]) + Number(match[3]),
          output: stdout,
        });
      },
    );
  });
}

/**
 * Polls the services' messaging gauges and the consumer groups' committed offsets until they are quiet on
 * three consecutive looks 250 ms apart, and returns the time of the first of those looks: the moment the
 * warehouse had applied every event.
 */
async function waitUntilApplied(platform: TestPlatform, timeoutMs: number): Promise<number> {
  const started = Date.now();
  let quietSince: number | null = null;
  let quietLooks = 0;
  while (Date.now() - started < timeoutMs) {
    const at = performance.now();
    const looks = await Promise.all(
      platform.services.map(async (s) => messagingBacklog(await (await fetch(`${s.url}/metrics`)).text())),
    );
    // The gauges can read 0 while a consumer is in the middle of a long batch: the broker's committed
    // offsets must agree (see waitForPipelineDrain).
    const quiet = looks.every((l) => l.outbox === 0 && l.consumerLag === 0) && (await platform.committedLag()) === 0;
    if (quiet) {
      quietSince ??= at;
      if (++quietLooks >= 3) return quietSince;
    } else {
      quietSince = null;
      quietLooks = 0;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the pipeline did not drain within ${timeoutMs / 1000} s\n${platform.logTails()}`);
}

async function runScale(scale: number, seed: number, portBase: number): Promise<ScaleResult> {
  const work = mkdtempSync(path.join(tmpdir(), `mercado-bench-${scale}-`));
  const dir = path.join(work, 'olist');
  await generateOlist({ scale, seed, outDir: dir });
  const platform = await startTestPlatform({ portBase, label: `bench_${String(scale).replace('.', '_')}` });
  try {
    const loadBefore = load();
    const started = performance.now();
    const importer = await runImporter(dir, portBase, path.join(work, 'rejects.ndjson')).catch((error: Error) => {
      throw new Error(`${error.message}\n${platform.logTails(30)}`, { cause: error });
    });
    const importSeconds = (performance.now() - started) / 1000;
    const applied = await waitUntilApplied(platform, 1_800_000);
    const seconds = (applied - started) / 1000;
    const loadAfter = load();
    const { output: _output, ...importerFigures } = importer;
    const processes = [...platform.services.map((s) => procFigures(s.service.name, s.child.process.pid!)), importerFigures];
    const events = Object.values(await platform.topicMessages()).reduce((a, b) => a + b, 0);
    const rows = Number(/(\d[\d,]*) rows read/.exec(importer.output)?.[1]?.replace(/,/g, '') ?? NaN);

    const warehouse = platform.services.find((s) => s.service.name === 'warehouse')!;
    const pool = createPool(warehouse.databaseUrl, { max: 4 });
    let oracleSeconds: number;
    let oracleLoadSeconds: number;
    let equal: boolean;
    let discrepancies: number;
    try {
      const oracleStarted = performance.now();
      const loaded = await loadRawOlist(pool, dir);
      oracleLoadSeconds = (performance.now() - oracleStarted) / 1000;
      await computeOracleMarts(pool, loaded.schema);
      oracleSeconds = (performance.now() - oracleStarted) / 1000;
      const report = await compareMarts(pool, { oracleSchema: loaded.schema, warehouseSchema: 'dw' });
      equal = report.equal;
      if (!equal) console.log(formatReport(report).split('\n').slice(0, 40).join('\n'));
      discrepancies = report.marts.reduce(
        (sum, m) => sum + m.missingInWarehouse.length + m.extraInWarehouse.length + m.differences.length,
        0,
      );
    } finally {
      await pool.end();
    }
    return { scale, rows, events, seconds, importSeconds, processes, oracleSeconds, oracleLoadSeconds, equal, discrepancies, loadBefore, loadAfter };
  } finally {
    await platform.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const scales = option('scales', '0.1,0.5,1').split(',').map(Number);
  const seed = Number(option('seed', '42'));
  const portBase = Number(option('port-base', '4320'));
  console.log(
    `pipeline benchmark ${new Date().toISOString()} — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, seed ${seed}`,
  );
  const results: ScaleResult[] = [];
  for (const scale of scales) {
    const result = await runScale(scale, seed, portBase);
    results.push(result);
    console.log(JSON.stringify(result));
  }
  const names = results[0]?.processes.map((p) => p.name) ?? [];
  console.log('');
  console.log('| scale | rows | events | import s | until applied s | rows/s | events/s | oracle s (load) | pipeline / oracle | marts | load avg before → after |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(
      `| ${r.scale} | ${r.rows.toLocaleString('en')} | ${r.events.toLocaleString('en')} | ${r.importSeconds.toFixed(1)} | ${r.seconds.toFixed(1)} | ${Math.round(r.rows / r.seconds).toLocaleString('en')} | ${Math.round(r.events / r.seconds).toLocaleString('en')} | ${r.oracleSeconds.toFixed(1)} (${r.oracleLoadSeconds.toFixed(1)}) | ${(r.seconds / r.oracleSeconds).toFixed(1)} | ${r.equal ? 'equal' : `${r.discrepancies} discrepancies`} | ${r.loadBefore} → ${r.loadAfter} |`,
    );
  }
  console.log('');
  console.log(`| scale | ${names.map((n) => `${n} peak MiB / CPU s`).join(' | ')} |`);
  console.log(`|---|${names.map(() => '---').join('|')}|`);
  for (const r of results) {
    console.log(`| ${r.scale} | ${r.processes.map((p) => `${p.peakMiB} / ${p.cpuSeconds.toFixed(1)}`).join(' | ')} |`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
