// Benchmark of the synthetic Olist generator and of the Olist CSV reader. Each phase runs in its own child
// process so that its peak RSS is its own:
//   generate: generateOlist at the given scale (default 1 ≈ the real dataset) into a temporary directory;
//   read:     the nine generated files through readOlistFile (csv-parse, validation, typed records);
//   parse:    the same files through bare csv-parse (same options), the floor the reader builds on.
// Prints the figures; asserts nothing. Run: pnpm --filter @mercado/cli bench:generate [-- --scale 1 --seed 1]
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { generateOlist } from '../src/generate';
import { OLIST_FILES, readOlistFile } from '../src/olist';

interface PhaseResult {
  phase: string;
  ms: number;
  rows: number;
  rejects: number;
  bytes: number;
  peakRssMiB: number;
}

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1]!;
}

function peakRssMiB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

function totalBytes(dir: string): number {
  return Object.values(OLIST_FILES).reduce((sum, spec) => sum + statSync(join(dir, spec.fileName)).size, 0);
}

async function runPhase(phase: string, dir: string, scale: number, seed: number): Promise<PhaseResult> {
  const started = performance.now();
  let rows = 0;
  let rejects = 0;
  if (phase === 'generate') {
    const summary = await generateOlist({ scale, seed, outDir: dir });
    rows = summary.rows;
  } else if (phase === 'read') {
    for (const spec of Object.values(OLIST_FILES)) {
      for await (const result of readOlistFile(join(dir, spec.fileName), spec.kind)) {
        rows++;
        if (result.kind === 'reject') rejects++;
      }
    }
  } else {
    for (const spec of Object.values(OLIST_FILES)) {
      const parser = createReadStream(join(dir, spec.fileName)).pipe(
        parse({
          bom: true,
          raw: true,
          relax_quotes: true,
          relax_column_count: true,
          skip_empty_lines: true,
          from_line: 2,
        }),
      );
      for await (const _record of parser) rows++;
    }
  }
  const ms = performance.now() - started;
  return { phase, ms, rows, rejects, bytes: totalBytes(dir), peakRssMiB: peakRssMiB() };
}

function inChild(phase: string, dir: string, scale: number, seed: number): PhaseResult {
  const output = execFileSync(
    process.execPath,
    [__filename, '--phase', phase, '--dir', dir, '--scale', String(scale), '--seed', String(seed)],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return JSON.parse(output.trim().split('\n').at(-1)!) as PhaseResult;
}

function describe(result: PhaseResult): string {
  const seconds = result.ms / 1000;
  return [
    result.phase.padEnd(9),
    `${seconds.toFixed(2).padStart(7)} s`,
    `${result.rows.toLocaleString('en-US').padStart(9)} rows`,
    `${Math.round(result.rows / seconds)
      .toLocaleString('en-US')
      .padStart(9)} rows/s`,
    `${(result.bytes / seconds / 1024 / 1024).toFixed(1).padStart(6)} MiB/s`,
    `peak RSS ${String(result.peakRssMiB).padStart(4)} MiB`,
    result.phase === 'read' ? `rejects ${result.rejects}` : '',
  ].join('  ');
}

async function main(): Promise<void> {
  const scale = Number(option('scale', '1'));
  const seed = Number(option('seed', '1'));
  const phase = option('phase', '');
  if (phase !== '') {
    console.log(JSON.stringify(await runPhase(phase, option('dir', ''), scale, seed)));
    return;
  }
  const runs = Number(option('runs', '1'));
  const dir = mkdtempSync(join(tmpdir(), 'mercado-olist-bench-'));
  console.log(
    `Olist generator and reader, scale ${scale}, seed ${seed}, ${runs} run(s); ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ` +
      `${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  try {
    for (let run = 1; run <= runs; run++) {
      for (const name of ['generate', 'read', 'parse'])
        console.log(describe(inChild(name, dir, scale, seed)));
    }
    console.log(`files: ${(totalBytes(dir) / 2 ** 20).toFixed(1)} MiB in ${dir} (removed)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
