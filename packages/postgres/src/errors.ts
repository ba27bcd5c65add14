import { redactUrl } from './database-url';

/** PostgreSQL did not answer: says where, why, and how to fix it. */
export class DatabaseUnavailableError extends Error {
  constructor(url: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message || cause.name : String(cause);
    super(
      `PostgreSQL at ${redactUrl(url)} does not answer (${reason}). ` +
        'Start it (on this kind of machine: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start) ' +
        'or set DATABASE_URL to a server that runs.',
      { cause },
    );
    this.name = 'DatabaseUnavailableError';
  }
}

const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08003',
  '08006',
  '08001',
  '08004',
  '3D000', // database does not exist (e.g. dropped while we run)
]);

/** True for errors that mean "the database is not reachable right now" rather than "the query is wrong". */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code;
  if (code && CONNECTION_ERROR_CODES.has(code)) return true;
  return /Connection terminated|connection timeout|timeout expired|Client has encountered a connection error|terminating connection/i.test(
    error.message,
  );
}
