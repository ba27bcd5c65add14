import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Olist's real rows (shared/olist/real), which live beside the repository, not in it: CI clones the
 * repository into some folder with a copy of shared/ next to it. OLIST_REAL_DIR overrides. A missing
 * folder throws: real-data tests are never skipped.
 */
export function olistRealDir(from: string = process.cwd()): string {
  const override = process.env.OLIST_REAL_DIR;
  if (override) return override;
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'olist', 'real');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  throw new Error(`shared/olist/real not found in any folder above ${from}; set OLIST_REAL_DIR to the folder of the real Olist files`);
}
