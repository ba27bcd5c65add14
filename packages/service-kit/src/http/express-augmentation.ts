import type { Logger } from 'pino';
import type { AuthContext } from '../auth/auth-context';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** The request id (X-Request-Id, accepted from the client or generated). */
      id: string;
      /** The request's logger, tagged with its id. */
      log: Logger;
      /** The verified bearer token, on authenticated routes. */
      auth?: AuthContext;
      /** The body limit of the route, in bytes (for streamed NDJSON bodies). */
      bodyLimitBytes?: number;
    }
  }
}

export {};
