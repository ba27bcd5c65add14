import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ForbiddenError, UnauthorizedError } from '../http/problem';
import { bearerToken, missingScopes } from './auth-context';
import { invalidToken, REALM, type TokenVerifier } from './token-verifier';

/** Requires a valid bearer token and keeps its auth context on `req.auth`. */
export function authenticate(verifier: TokenVerifier): RequestHandler {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const found = bearerToken(req.get('authorization'));
    if ('problem' in found) {
      if (found.problem === 'empty') throw invalidToken('the bearer token is empty');
      throw new UnauthorizedError(
        found.problem === 'missing' ? 'a bearer token is required' : 'the Authorization header must use the Bearer scheme',
        `Bearer realm="${REALM}"`,
      );
    }
    req.auth = await verifier.verify(found.token);
    next();
  };
}

/** Requires the authenticated token to carry every given scope (403 naming the missing ones). */
export function requireScopes(...required: string[]): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!req.auth) throw new UnauthorizedError('a bearer token is required', `Bearer realm="${REALM}"`);
    const missing = missingScopes(required, req.auth.scopes);
    if (missing.length > 0) {
      throw new ForbiddenError(
        `the token lacks the scope${missing.length === 1 ? '' : 's'} ${missing.join(', ')}`,
        { requiredScopes: required, missingScopes: missing },
        { 'WWW-Authenticate': `Bearer realm="${REALM}", error="insufficient_scope", scope="${required.join(' ')}"` },
      );
    }
    next();
  };
}
