import { randomUUID } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, SignJWT, type JSONWebKeySet, type JWK } from 'jose';
import { DEV_AUDIENCE, DEV_ISSUER, defaultDevAuthDir, devKeyFiles } from './dev-key-paths';

export interface DevKeyPair {
  privateJwk: JWK;
  publicJwks: JSONWebKeySet;
  privateKeyFile: string;
  publicJwksFile: string;
}

const DEV_ALGORITHM = 'ES256';

/**
 * The local ES256 development key pair under `dir` (default `<repo>/.cache/auth`), created on first
 * use: a private JWK (mode 0600) and the public JWKS the services trust in development. Concurrent
 * callers agree on one key: the private key file is created exclusively.
 */
export async function ensureDevKeyPair(dir: string = defaultDevAuthDir()): Promise<DevKeyPair> {
  const { privateKeyFile, publicJwksFile } = devKeyFiles(dir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  let privateJwk = await readJwk(privateKeyFile);
  if (!privateJwk) {
    const { privateKey } = await generateKeyPair(DEV_ALGORITHM, { extractable: true });
    const generated = await exportJWK(privateKey);
    generated.kid = await calculateJwkThumbprint(generated);
    generated.alg = DEV_ALGORITHM;
    generated.use = 'sig';
    try {
      await writeFile(privateKeyFile, `${JSON.stringify(generated, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
      privateJwk = generated;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      privateJwk = await waitForJwk(privateKeyFile);
    }
  }
  await chmod(privateKeyFile, 0o600);
  const publicJwks = publicJwksOf(privateJwk);
  const current = await readFile(publicJwksFile, 'utf8').catch(() => undefined);
  const wanted = `${JSON.stringify(publicJwks, null, 2)}\n`;
  if (current !== wanted) {
    // Written atomically so a service reading it never sees half a file.
    const temporary = path.join(dir, `.${path.basename(publicJwksFile)}.${randomUUID()}`);
    await writeFile(temporary, wanted, { mode: 0o644 });
    await rename(temporary, publicJwksFile);
  }
  return { privateJwk, publicJwks, privateKeyFile, publicJwksFile };
}

function publicJwksOf(privateJwk: JWK): JSONWebKeySet {
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;
  return { keys: [publicJwk as JWK] } as JSONWebKeySet;
}

async function readJwk(file: string): Promise<JWK | undefined> {
  try {
    const text = await readFile(file, 'utf8');
    return text.trim() === '' ? undefined : (JSON.parse(text) as JWK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

// Another process created the file an instant ago and may still be writing it.
async function waitForJwk(file: string): Promise<JWK> {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      const jwk = await readJwk(file);
      if (jwk) return jwk;
    } catch {
      // half-written: try again
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`the development key ${file} stays empty or unreadable`);
}

const DURATION = /^(\d+)\s*(s|m|h|d)?$/;

/** Seconds in a duration such as `90`, `90s`, `15m`, `1h` or `7d`. */
export function parseDuration(text: string): number {
  const match = DURATION.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a duration (use e.g. 3600, 90s, 15m, 1h, 7d)`);
  const unit = { s: 1, m: 60, h: 3600, d: 86_400 }[(match[2] ?? 's') as 's' | 'm' | 'h' | 'd'];
  return Number(match[1]) * unit;
}

export interface MintTokenOptions {
  /** Space-separated or a list: `'orders:read orders:write'`. */
  scopes?: string | string[];
  /** Lifetime: seconds or a duration such as `1h` (default 1h). */
  ttl?: string | number;
  subject?: string;
  sellerId?: string;
  states?: string[];
  issuer?: string;
  audience?: string;
  /** The key pair folder (default `<repo>/.cache/auth`). */
  dir?: string;
  /** Seconds from now before which the token is not valid (default: valid at once). */
  notBeforeSeconds?: number;
  /** Seconds to shift "now" by (tests make expired tokens with a negative value). */
  issuedAtOffsetSeconds?: number;
  claims?: Record<string, unknown>;
}

/** A development bearer token signed with the local key pair (created once). */
export async function mintToken(options: MintTokenOptions = {}): Promise<string> {
  const { privateJwk } = await ensureDevKeyPair(options.dir);
  const key = await importJWK(privateJwk, DEV_ALGORITHM);
  const scopes = Array.isArray(options.scopes) ? options.scopes : (options.scopes ?? '').split(/\s+/).filter(Boolean);
  const ttl = typeof options.ttl === 'number' ? options.ttl : parseDuration(options.ttl ?? '1h');
  const now = Math.floor(Date.now() / 1000) + (options.issuedAtOffsetSeconds ?? 0);
  const claims: Record<string, unknown> = { ...options.claims, scope: scopes.join(' ') };
  if (options.sellerId) claims.seller_id = options.sellerId;
  if (options.states) claims.states = options.states;
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: DEV_ALGORITHM, kid: privateJwk.kid!, typ: 'JWT' })
    .setIssuer(options.issuer ?? DEV_ISSUER)
    .setAudience(options.audience ?? DEV_AUDIENCE)
    .setSubject(options.subject ?? 'dev-user')
    .setIssuedAt(now)
    .setExpirationTime(now + ttl)
    .setJti(randomUUID());
  if (options.notBeforeSeconds !== undefined) jwt.setNotBefore(now + options.notBeforeSeconds);
  return jwt.sign(key);
}
