import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface ChildSpec {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  logFile: string;
  /** URL answering 200 when the child is ready. */
  readyUrl: string;
}

export interface RunningChild {
  spec: ChildSpec;
  process: ChildProcess;
  exited: Promise<number | null>;
}

/**
 * Starts child processes, waits for their readiness URLs, and stops them all: SIGTERM first, SIGKILL
 * after the deadline, so that no process of ours outlives the supervisor.
 */
export class Supervisor {
  private readonly children: RunningChild[] = [];

  start(spec: ChildSpec): RunningChild {
    fs.mkdirSync(path.dirname(spec.logFile), { recursive: true });
    const log = fs.openSync(spec.logFile, 'a');
    // detached: the child gets its own process group, so a terminal's Ctrl-C reaches only us and we
    // stop the children in order.
    const child = spawn(spec.command, spec.args, {
      env: spec.env,
      stdio: ['ignore', log, log],
      detached: true,
    });
    fs.closeSync(log);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const running = { spec, process: child, exited };
    this.children.push(running);
    return running;
  }

  async waitReady(child: RunningChild, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let exitCode: number | null | undefined;
    void child.exited.then((code) => (exitCode = code));
    while (Date.now() < deadline) {
      if (exitCode !== undefined) {
        throw new Error(
          `${child.spec.name} exited with code ${exitCode} during start-up; last lines of ${child.spec.logFile}:\n${tail(child.spec.logFile, 20)}`,
        );
      }
      try {
        const response = await fetch(child.spec.readyUrl, { signal: AbortSignal.timeout(1_000) });
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(
      `${child.spec.name} was not ready at ${child.spec.readyUrl} within ${timeoutMs / 1000}s; see ${child.spec.logFile}:\n${tail(child.spec.logFile, 20)}`,
    );
  }

  /** Stops every child (reverse start order), escalating to SIGKILL after `deadlineMs`. */
  async stopAll(deadlineMs = 15_000): Promise<void> {
    const alive = [...this.children]
      .reverse()
      .filter((c) => c.process.exitCode === null && c.process.signalCode === null);
    for (const child of alive) signal(child, 'SIGTERM');
    const timer = new Promise<'timeout'>((resolve) =>
      setTimeout(() => resolve('timeout'), deadlineMs).unref(),
    );
    const all = Promise.all(alive.map((c) => c.exited));
    if ((await Promise.race([all, timer])) === 'timeout') {
      for (const child of alive) signal(child, 'SIGKILL');
      await all;
    }
  }
}

function signal(child: RunningChild, name: NodeJS.Signals): void {
  try {
    // Negative pid: the whole process group the child leads.
    process.kill(-child.process.pid!, name);
  } catch {
    // already gone
  }
}

export function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
