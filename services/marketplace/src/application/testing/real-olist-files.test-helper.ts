// Locates Olist's real files (shared/olist/real, beside the repository) for the tests that use them.
// OLIST_REAL_DIR overrides. A missing directory fails the test: real-data tests are never skipped.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function olistRealDir(): string {
  const override = process.env.OLIST_REAL_DIR;
  if (override) return override;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    for (const candidate of [
      path.join(dir, 'shared', 'olist', 'real'),
      path.join(dir, '..', 'shared', 'olist', 'real'),
    ]) {
      if (existsSync(candidate)) return candidate;
    }
    if (path.dirname(dir) === dir) break;
  }
  throw new Error('shared/olist/real not found beside the repository; set OLIST_REAL_DIR');
}

export function readOlistRealFile(name: string): string {
  return readFileSync(path.join(olistRealDir(), name), 'utf8');
}
