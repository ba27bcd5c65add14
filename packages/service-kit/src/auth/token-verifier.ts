import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { HttpProblem, UnauthorizedError } from '../http/problem';
import { authContextFromClaims, type AuthContext } from './auth-context';

/** Asymmetric algorithms only: an HMAC token "signed" with a public key must never pass. */
export const ALLOWED_ALGORITHMS = ['ES256', 'EdDSA', 'RS256'] as const;
export const CLOCK_TOLERANCE_SECONDS = 5;
export const REALM = 'mercado';

export interface TokenVerifierOptions {
  issuer: string;
  audience: string;
  /** A JWKS endpoint (fetched and cached by jose). */
  jwksUrl?: string;
  /** A JWKS file read once at creation. */
  jwksFile?: string;
  /** A key set given directly. */
  jwks?: JSONWebKeySet;
  algorithms?: string[];
  clockToleranceSeconds?: number;
}

export interface TokenVerifier {
  /** The token's auth context; throws a 401 HttpProblem (503 when the key set is unreachable). */
  verify(token: string): Promise<AuthContext>;
}

/** The error a bad token gets: 401 with an RFC 6750 `WWW-Authenticate` challenge. */
export function invalidToken(detail: string): UnauthorizedError {
  return new UnauthorizedError(detail, `Bearer realm="${REALM}", error="invalid_token", error_description="${detail.replace(/"/g, "'")}"`);
}

function keySet(options: TokenVerifierOptions): JWTVerifyGetKey {
  const sources = [options.jwksUrl, options.jwksFile, options.jwks].filter((source) => source !== undefined);
  if (sources.length !== 1) throw new Error('createTokenVerifier needs exactly one of jwksUrl, jwksFile and jwks');
  if (options.jwksUrl) return createRemoteJWKSet(new URL(options.jwksUrl));
  if (options.jwksFile) {
    let jwks: JSONWebKeySet;
    try {
      jwks = JSON.parse(readFileSync(options.jwksFile, 'utf8')) as JSONWebKeySet;
    } catch (error) {
      throw new Error(`cannot read the JWKS file ${options.jwksFile} (AUTH_JWKS_FILE): ${(error as Error).message}`, { cause: error });
    }
    return createLocalJWKSet(jwks);
  }
  return createLocalJWKSet(options.jwks!);
}

/** Verifies bearer JWTs against a key set: signature, algorithm, iss, aud, exp and nbf. */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const getKey = keySet(options);
  const algorithms = options.algorithms ?? [...ALLOWED_ALGORITHMS];
  const forbidden = algorithms.filter((alg) => /^(HS|none)/i.test(alg));
  if (forbidden.length > 0) throw new Error(`symmetric or unsigned algorithms are not accepted: ${forbidden.join(', ')}`);
  return {
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, getKey, {
          issuer: options.issuer,
          audience: options.audience,
          algorithms,
          clockTolerance: options.clockToleranceSeconds ?? CLOCK_TOLERANCE_SECONDS,
          requiredClaims: ['exp', 'sub'],
        });
        return authContextFromClaims(payload as Record<string, unknown>);
      } catch (error) {
        throw problemFor(error, options);
      }
    },
  };
}

/** Why a token failed, in words a client can act on. */
export function problemFor(error: unknown, options: Pick<TokenVerifierOptions, 'issuer' | 'audience'>): HttpProblem {
  if (error instanceof errors.JWTExpired) return invalidToken('the token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return invalidToken(`the token has no ${error.claim} claim`);
    switch (error.claim) {
      case 'nbf':
        return invalidToken('the token is not valid yet');
      case 'iss':
        return invalidToken(`the token was not issued by ${options.issuer}`);
      case 'aud':
        return invalidToken(`the token is not meant for ${options.audience}`);
      default:
        return invalidToken(`the token's ${error.claim} claim is not valid`);
    }
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return invalidToken('the token signature does not verify');
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return invalidToken('the token is not signed with an accepted algorithm');
  }
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return invalidToken('no trusted key matches the token');
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return invalidToken('the token is malformed');
  // The key set could not be fetched or read: not the client's fault.
  return new HttpProblem({ status: 503, detail: 'tokens cannot be verified right now' });
}
