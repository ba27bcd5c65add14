import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';

export interface ChildService {
  child: ChildProcess;
  port: number;
  lines: Array<Record<string, unknown>>;
  stderr: () => string;
  /** Resolves with the first log line matching. */
  waitForLine: (predicate: (line: Record<string, unknown>) => boolean, timeoutMs?: number) => Promise<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Spawns a TypeScript entry point of this package as a real node process, reading its JSON logs. */
export async function startChildService(
  entry: string,
  env: Record<string, string> = {},
  options: { waitForListening?: boolean } = {},
): Promise<ChildService> {
  const child = spawn(process.execPath, ['-r', path.join(__dirname, 'register-ts.js'), entry], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'debug', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Array<Record<string, unknown>> = [];
  const waiters: Array<() => void> = [];
  let buffered = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const parts = buffered.split('\n');
    buffered = parts.pop()!;
    for (const part of parts.filter(Boolean)) {
      try {
        lines.push(JSON.parse(part));
      } catch {
        lines.push({ raw: part });
      }
    }
    for (const waiter of waiters.splice(0)) waiter();
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      for (const waiter of waiters.splice(0)) waiter();
      resolve({ code, signal });
    });
  });

  const waitForLine = (predicate: (line: Record<string, unknown>) => boolean, timeoutMs = 8000) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching log line within ${timeoutMs} ms; stderr: ${stderr}; lines: ${JSON.stringify(lines)}`)), timeoutMs);
      const check = () => {
        const found = lines.find(predicate);
        if (found) {
          clearTimeout(timer);
          resolve(found);
        } else if (child.exitCode !== null) {
          clearTimeout(timer);
          reject(new Error(`the process exited (${child.exitCode}) first; stderr: ${stderr}; lines: ${JSON.stringify(lines)}`));
        } else waiters.push(check);
      };
      check();
    });

  const listening = options.waitForListening === false ? { port: Number.NaN } : await waitForLine((line) => line.msg === 'listening');
  return { child, port: Number(listening.port), lines, stderr: () => stderr, waitForLine, exited };
}

/** One GET on a fresh connection (no keep-alive pool), so it shows whether new connections are accepted. */
export function getOnNewConnection(port: number, path: string): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject);
  });
}
