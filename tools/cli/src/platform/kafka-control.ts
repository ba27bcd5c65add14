import { spawn } from 'node:child_process';
import path from 'node:path';

/** Runs infra/kafka/kafka.sh <command>, forwarding its messages to our stderr. */
export function runKafkaScript(
  root: string,
  command: 'start' | 'stop' | 'status',
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, 'infra/kafka/kafka.sh'), [command], {
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`infra/kafka/kafka.sh ${command} failed (exit ${code ?? 'signal'})`)),
    );
  });
}
