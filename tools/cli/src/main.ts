#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { mintToken } from '@mercado/service-kit';
import path from 'node:path';
import { generateOlist } from './generate';
import { ImportProgress } from './import/import-progress';
import { formatImportSummary, importOlist } from './import/olist-import';
import { platformServices } from './platform/service-catalog';
import { ALL_SCOPES, up } from './platform/up.command';

const usage = `usage: mercado <command> [options]

commands:
  up [--scale 0.05 | --data DIR | --no-data] [--seed N] [--exit-when-ready] [--port-base N] [--db-prefix P]
        run the platform (Kafka + five services), load a generated sample (or DIR) through the import,
        wait until the warehouse caught up, print the headline KPIs, and run until Ctrl-C
  generate --scale S --seed N --out DIR [--faults]           write the nine Olist files (synthetic, deterministic)
  import DIR [--rejects FILE] [--port-base N]               send the nine Olist files to the running services
  token [--scope "a:read b:write"] [--ttl 1h]              print a development bearer token (default: every scope)
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'up': {
      const { values } = parseArgs({
        args: rest,
        options: {
          'exit-when-ready': { type: 'boolean', default: false },
          'port-base': { type: 'string', default: process.env.MERCADO_PORT_BASE ?? '3000' },
          'db-prefix': { type: 'string', default: process.env.MERCADO_DB_PREFIX ?? '' },
          'ready-timeout': { type: 'string', default: '90' },
          scale: { type: 'string', default: '0.05' },
          seed: { type: 'string', default: '42' },
          data: { type: 'string' },
          'no-data': { type: 'boolean', default: false },
          'drain-timeout': { type: 'string', default: '600' },
        },
      });
      await up({
        exitWhenReady: values['exit-when-ready'],
        portBase: Number(values['port-base']),
        databasePrefix: values['db-prefix'],
        readyTimeoutMs: Number(values['ready-timeout']) * 1000,
        out: process.stdout,
        data: values['no-data']
          ? { kind: 'none' }
          : values.data
            ? { kind: 'dir', dir: values.data }
            : { kind: 'generate', scale: Number(values.scale), seed: Number(values.seed) },
        drainTimeoutMs: Number(values['drain-timeout']) * 1000,
      });
      return 0;
    }
    case 'generate': {
      const { values } = parseArgs({
        args: rest,
        options: {
          scale: { type: 'string', default: '1' },
          seed: { type: 'string', default: '42' },
          out: { type: 'string' },
          faults: { type: 'boolean', default: false },
        },
      });
      if (!values.out) throw new Error('generate needs --out <dir>');
      const started = Date.now();
      const summary = await generateOlist({
        scale: Number(values.scale),
        seed: Number(values.seed),
        outDir: path.resolve(values.out),
        faults: values.faults,
      });
      for (const file of Object.values(summary.files)) {
        process.stdout.write(
          `${file.fileName.padEnd(40)} ${String(file.rows).padStart(9)} rows${file.faultRows ? ` (${file.faultRows} faulty)` : ''}\n`,
        );
      }
      if (summary.faultsManifest)
        process.stdout.write(`fault manifest: ${summary.faultsManifest} (${summary.faultCount} faults)\n`);
      process.stdout.write(
        `written to ${path.resolve(values.out)} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
      );
      return 0;
    }
    case 'import': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          rejects: { type: 'string', default: 'import-rejects.ndjson' },
          'port-base': { type: 'string', default: process.env.MERCADO_PORT_BASE ?? '3000' },
          'chunk-size': { type: 'string', default: '5000' },
        },
      });
      const dir = positionals[0];
      if (!dir) throw new Error('import needs the folder of the Olist files: mercado import <dir>');
      const base = Number(values['port-base']);
      const endpoints = Object.fromEntries(
        platformServices.map((s) => [s.name, `http://127.0.0.1:${base + (s.port - 3000)}`]),
      ) as Record<(typeof platformServices)[number]['name'], string>;
      const progress = new ImportProgress(process.stderr);
      const summary = await importOlist({
        dir: path.resolve(dir),
        endpoints,
        token: await mintToken({ scopes: ALL_SCOPES, ttl: '2h', subject: 'mercado-import' }),
        rejectsPath: path.resolve(values.rejects),
        chunkSize: Number(values['chunk-size']),
        progress: (line) => progress.report(line),
      });
      process.stdout.write(`${formatImportSummary(summary)}\n`);
      return 0;
    }
    case 'token': {
      const { values } = parseArgs({
        args: rest,
        options: {
          scope: { type: 'string', default: ALL_SCOPES.join(' ') },
          ttl: { type: 'string', default: '1h' },
        },
      });
      process.stdout.write(`${await mintToken({ scopes: values.scope, ttl: values.ttl })}\n`);
      return 0;
    }
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(usage);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`unknown command: ${command}\n${usage}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`mercado: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
