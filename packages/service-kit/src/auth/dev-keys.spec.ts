import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { runMintTokenCli } from '../cli/mint-token';
import { defaultDevAuthDir, findRepositoryRoot } from './dev-key-paths';
import { ensureDevKeyPair, mintToken, parseDuration } from './dev-keys';
import { createTokenVerifier } from './token-verifier';

describe('development keys', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'service-kit-devkeys-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lives under <repo>/.cache/auth', () => {
    const root = findRepositoryRoot()!;
    expect(readFileSync(path.join(root, 'pnpm-workspace.yaml'), 'utf8')).toContain('packages/*');
    expect(defaultDevAuthDir()).toBe(path.join(root, '.cache', 'auth'));
    expect(findRepositoryRoot('/')).toBeUndefined();
  });

  it('creates an ES256 pair once: private key 0600, public JWKS without private parts', async () => {
    const first = await ensureDevKeyPair(dir);
    expect(statSync(first.privateKeyFile).mode & 0o777).toBe(0o600);
    expect(first.privateJwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', kid: expect.any(String), d: expect.any(String) });
    const publicJwks = JSON.parse(readFileSync(first.publicJwksFile, 'utf8'));
    expect(publicJwks).toEqual(first.publicJwks);
    expect(publicJwks.keys).toHaveLength(1);
    expect(publicJwks.keys[0]).not.toHaveProperty('d');
    expect(publicJwks.keys[0].kid).toBe(first.privateJwk.kid);

    const again = await ensureDevKeyPair(dir);
    expect(again.privateJwk).toEqual(first.privateJwk);
  });

  it('agrees on one key when several callers create it at once', async () => {
    const pairs = await Promise.all(Array.from({ length: 5 }, () => ensureDevKeyPair(dir)));
    expect(new Set(pairs.map((pair) => pair.privateJwk.kid)).size).toBe(1);
  });

  it('mints tokens the services verify', async () => {
    const token = await mintToken({ dir, scopes: 'orders:read orders:write', ttl: '15m', sellerId: 's1', states: ['SP'], subject: 'ana' });
    const claims = decodeJwt(token);
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'ES256', typ: 'JWT' });
    expect(claims).toMatchObject({ iss: 'mercado-dev', aud: 'mercado', sub: 'ana', scope: 'orders:read orders:write', seller_id: 's1', states: ['SP'] });
    expect(claims.exp! - claims.iat!).toBe(900);
    const keys = await ensureDevKeyPair(dir);
    const context = await createTokenVerifier({ issuer: 'mercado-dev', audience: 'mercado', jwksFile: keys.publicJwksFile }).verify(token);
    expect(context).toMatchObject({ subject: 'ana', scopes: ['orders:read', 'orders:write'], sellerId: 's1', states: ['SP'] });
  });

  it('parses durations', () => {
    expect(parseDuration('3600')).toBe(3600);
    expect(parseDuration('90s')).toBe(90);
    expect(parseDuration('15m')).toBe(900);
    expect(parseDuration('1h')).toBe(3600);
    expect(parseDuration(' 7d ')).toBe(604_800);
    expect(() => parseDuration('1 week')).toThrow('"1 week" is not a duration (use e.g. 3600, 90s, 15m, 1h, 7d)');
  });

  describe('mint-token CLI', () => {
    function io() {
      const out: string[] = [];
      const err: string[] = [];
      return { out, err, io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) } };
    }

    it('prints a token with the given scopes and lifetime', async () => {
      const run = io();
      const code = await runMintTokenCli(['--scope', 'orders:read orders:write', '--ttl', '2h', '--dir', dir, '--seller-id', 's', '--states', 'SP, RJ'], run.io);
      expect(code).toBe(0);
      const claims = decodeJwt(run.out.join('').trim());
      expect(claims).toMatchObject({ scope: 'orders:read orders:write', seller_id: 's', states: ['SP', 'RJ'], sub: 'dev-user' });
      expect(claims.exp! - claims.iat!).toBe(7200);
    });

    it('prints usage for --help and exits 2 on an unknown option, 1 on a bad duration', async () => {
      const help = io();
      expect(await runMintTokenCli(['--help'], help.io)).toBe(0);
      expect(help.out.join('')).toContain('Usage: node packages/service-kit/dist/cli/mint-token.js');
      const unknown = io();
      expect(await runMintTokenCli(['--scopes', 'x'], unknown.io)).toBe(2);
      expect(unknown.err.join('')).toContain("Unknown option '--scopes'");
      const bad = io();
      expect(await runMintTokenCli(['--ttl', 'forever', '--dir', dir], bad.io)).toBe(1);
      expect(bad.err.join('')).toBe('mint-token: "forever" is not a duration (use e.g. 3600, 90s, 15m, 1h, 7d)\n');
    });

    it('runs as a program', () => {
      const result = spawnSync(
        process.execPath,
        ['-r', path.join(__dirname, '../../test/support/register-ts.js'), path.join(__dirname, '../cli/mint-token.ts'), '--scope', 'a', '--iss', 'x', '--aud', 'y', '--sub', 'z', '--dir', dir],
        { encoding: 'utf8' },
      );
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(decodeJwt(result.stdout.trim())).toMatchObject({ scope: 'a', iss: 'x', aud: 'y', sub: 'z' });
    });
  });
});
