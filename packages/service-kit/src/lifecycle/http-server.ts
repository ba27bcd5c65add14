import http, { type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildProblem, PROBLEM_CONTENT_TYPE, STANDARD_PROBLEMS } from '../http/problem';
import type { Stoppable } from './stoppable';

export interface RunningHttpServer extends Stoppable {
  server: http.Server;
  port: number;
  /** Requests being answered right now. */
  readonly inFlight: number;
}

export interface HttpServerOptions {
  port: number;
  host?: string;
  /** Idle keep-alive connections close after this (default 5000 ms, node's default). */
  keepAliveTimeoutMs?: number;
}

/**
 * Listens with `handler` (an express app). Stopping closes the listener at once, so no new connection
 * is accepted; requests already in flight finish (their responses carry `Connection: close`); a
 * request arriving afterwards on a kept-alive connection gets a 503 problem; the promise resolves when
 * every connection has closed.
 */
export async function startHttpServer(handler: RequestListener, options: HttpServerOptions): Promise<RunningHttpServer> {
  const inFlight = new Set<ServerResponse>();
  let stopping = false;

  const server = http.createServer((req: IncomingMessage, res: ServerResponse) => {
    if (stopping) {
      rejectWhileStopping(req, res);
      return;
    }
    inFlight.add(res);
    res.once('close', () => {
      inFlight.delete(res);
      // Connections left idle by a finished response close now rather than at their keep-alive timeout.
      if (stopping) setImmediate(() => server.closeIdleConnections());
    });
    handler(req, res);
  });
  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? 5000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  let stopped: Promise<void> | undefined;
  return {
    name: 'http server',
    server,
    port: (server.address() as AddressInfo).port,
    get inFlight() {
      return inFlight.size;
    },
    stop() {
      stopped ??= new Promise<void>((resolve, reject) => {
        stopping = true;
        for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      });
      return stopped;
    },
  };
}

function rejectWhileStopping(req: IncomingMessage, res: ServerResponse): void {
  const problem = buildProblem(
    { type: STANDARD_PROBLEMS[503].slug, title: STANDARD_PROBLEMS[503].title, status: 503, detail: 'the service is shutting down' },
    { instance: (req.url ?? '/').split('?')[0]! },
  );
  res.writeHead(503, { 'Content-Type': PROBLEM_CONTENT_TYPE, Connection: 'close', 'Retry-After': '1' });
  res.end(JSON.stringify(problem));
}
