import { devKeyFiles } from './dev-key-paths';
import { ensureDevKeyPair } from './dev-keys';
import { createTokenVerifier, type TokenVerifier } from './token-verifier';

export interface AuthConfig {
  NODE_ENV?: string;
  AUTH_JWKS_URL?: string;
  AUTH_JWKS_FILE?: string;
  AUTH_ISSUER: string;
  AUTH_AUDIENCE: string;
}

/**
 * The verifier a service's configuration names. Outside production, when it names the development
 * JWKS file, the development key pair is created first if missing, so a fresh checkout starts.
 */
export async function tokenVerifierFromConfig(config: AuthConfig): Promise<TokenVerifier> {
  const base = { issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE };
  if (config.AUTH_JWKS_URL) return createTokenVerifier({ ...base, jwksUrl: config.AUTH_JWKS_URL });
  if (!config.AUTH_JWKS_FILE) throw new Error('set AUTH_JWKS_URL or AUTH_JWKS_FILE');
  if (config.NODE_ENV !== 'production' && config.AUTH_JWKS_FILE === devKeyFiles().publicJwksFile) await ensureDevKeyPair();
  return createTokenVerifier({ ...base, jwksFile: config.AUTH_JWKS_FILE });
}
