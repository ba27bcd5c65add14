import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The monorepo root: the nearest folder above `from` holding pnpm-workspace.yaml, or undefined when
 * the kit runs outside the repository.
 */
export function findRepositoryRoot(from: string = __dirname): string | undefined {
  let dir = path.resolve(from);
  for (;;) {
    if (existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Where the development key pair lives: `<repo>/.cache/auth` (or `./.cache/auth` outside the repo). */
export function defaultDevAuthDir(): string {
  return path.join(findRepositoryRoot() ?? process.cwd(), '.cache', 'auth');
}

export const DEV_PRIVATE_KEY_FILE = 'dev-private.jwk.json';
export const DEV_PUBLIC_JWKS_FILE = 'dev-jwks.json';
export const DEV_ISSUER = 'mercado-dev';
export const DEV_AUDIENCE = 'mercado';

export function devKeyFiles(dir: string = defaultDevAuthDir()): { privateKeyFile: string; publicJwksFile: string } {
  return { privateKeyFile: path.join(dir, DEV_PRIVATE_KEY_FILE), publicJwksFile: path.join(dir, DEV_PUBLIC_JWKS_FILE) };
}
