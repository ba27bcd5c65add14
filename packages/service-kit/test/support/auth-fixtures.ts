import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTokenVerifier, type TokenVerifier } from '../../src/auth/token-verifier';
import { ensureDevKeyPair, mintToken, type MintTokenOptions } from '../../src/auth/dev-keys';

/** A throwaway development key pair, a verifier trusting it, and a token minter. */
export async function testKeys(): Promise<{
  dir: string;
  verifier: TokenVerifier;
  token: (options?: MintTokenOptions) => Promise<string>;
  cleanup: () => void;
}> {
  const dir = mkdtempSync(path.join(tmpdir(), 'service-kit-auth-'));
  const keys = await ensureDevKeyPair(dir);
  return {
    dir,
    verifier: createTokenVerifier({ issuer: 'mercado-dev', audience: 'mercado', jwksFile: keys.publicJwksFile }),
    token: (options = {}) => mintToken({ dir, ...options }),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
