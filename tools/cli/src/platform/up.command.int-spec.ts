import { spawn } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { testInfrastructure, uniqueName } from '@mercado/testing';
import { platformServices } from './service-catalog';
import { repoRoot } from './repo-root';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// The main command, as a user runs it: start, report every service ready, stop everything on SIGINT.
describe('mercado up', () => {
  const prefix = `${uniqueName('t_up')}_`;

  afterAll(async () => {
    const admin = new Client({ connectionString: testInfrastructure().databaseUrl });
    await admin.connect();
    for (const service of platformServices) {
      await admin.query(`DROP DATABASE IF EXISTS "${prefix}${service.database}" WITH (FORCE)`);
    }
    await admin.end();
  });

  it('starts the five services, prints their URLs and readiness, and leaves no process behind after SIGINT', async () => {
    const root = repoRoot();
    const child = spawn(
      process.execPath,
      [path.join(root, 'tools/cli/dist/main.js'), 'up', '--no-data', '--port-base', '4100', '--db-prefix', prefix],
      {
        env: {
          ...process.env,
          KAFKA_BROKERS: testInfrastructure().kafkaBrokers.join(','),
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not running within 90 s:\n${output}`)), 90_000);
      const check = () => {
        if (output.includes('Press Ctrl-C')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout.on('data', check);
      void exited.then((code) => reject(new Error(`exited early with ${code}:\n${output}`)));
    });

    const pids = [...output.matchAll(/pid=(\d+)/g)].map((m) => Number(m[1]));
    expect(pids).toHaveLength(platformServices.length);
    for (const service of platformServices) {
      const port = 4100 + (service.port - 3000);
      expect(output).toMatch(new RegExp(`${service.name}\\s+http://127\\.0\\.0\\.1:${port}\\s+ready=200`));
      const live = await fetch(`http://127.0.0.1:${port}/health/live`);
      expect(live.status).toBe(200);
    }
    expect(pids.every(alive)).toBe(true);

    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('Stopped.');
    expect(pids.filter(alive)).toEqual([]);
  });
});
