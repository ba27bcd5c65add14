import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { devKeyFiles } from './dev-key-paths';
import { ensureDevKeyPair, mintToken } from './dev-keys';
import { tokenVerifierFromConfig } from './verifier-from-config';

describe('tokenVerifierFromConfig', () => {
  const base = { AUTH_ISSUER: 'mercado-dev', AUTH_AUDIENCE: 'mercado' };

  it('uses the configured JWKS file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'service-kit-vfc-'));
    try {
      const keys = await ensureDevKeyPair(dir);
      const verifier = await tokenVerifierFromConfig({ ...base, NODE_ENV: 'production', AUTH_JWKS_FILE: keys.publicJwksFile });
      expect((await verifier.verify(await mintToken({ dir, scopes: 'x' }))).scopes).toEqual(['x']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('creates the development key pair when the default development file is named', async () => {
    const verifier = await tokenVerifierFromConfig({ ...base, NODE_ENV: 'development', AUTH_JWKS_FILE: devKeyFiles().publicJwksFile });
    expect(existsSync(devKeyFiles().publicJwksFile)).toBe(true);
    expect((await verifier.verify(await mintToken({ scopes: 'y' }))).scopes).toEqual(['y']);
  });

  it('builds a remote verifier from a URL, and refuses a configuration without a key source', async () => {
    await expect(tokenVerifierFromConfig({ ...base, AUTH_JWKS_URL: 'http://127.0.0.1:1/jwks.json' })).resolves.toHaveProperty('verify');
    await expect(tokenVerifierFromConfig(base)).rejects.toThrow('set AUTH_JWKS_URL or AUTH_JWKS_FILE');
  });
});
