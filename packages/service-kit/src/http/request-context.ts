import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { UNMATCHED_ROUTE, type ServiceMetrics } from '../metrics/metrics';

const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const OPERATIONAL_ROUTES = new Set(['/health/live', '/health/ready', '/metrics', '/openapi.json']);

/** A client's X-Request-Id when it is a sane token, otherwise a fresh UUID. */
export function requestIdFrom(header: string | undefined): string {
  return header !== undefined && ACCEPTABLE_REQUEST_ID.test(header) ? header : randomUUID();
}

/** The route template a request matched (`/orders/:orderId`), or `unmatched`: never the raw path. */
export function routeTemplateOf(req: Request): string {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? `${req.baseUrl}${path}` : UNMATCHED_ROUTE;
}

/**
 * Gives each request its id (echoed as X-Request-Id) and logger, and on completion records the RED
 * metrics under the route template and writes one access log line.
 */
export function requestContext(logger: Logger, metrics: ServiceMetrics): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    req.id = requestIdFrom(req.get('x-request-id'));
    req.log = logger.child({ requestId: req.id });
    res.setHeader('X-Request-Id', req.id);
    let recorded = false;
    const record = () => {
      if (recorded) return;
      recorded = true;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeTemplateOf(req);
      // A response that never finished (client went away) is counted as 499, as nginx does.
      const status = res.writableFinished ? res.statusCode : 499;
      metrics.observeRequest(req.method, route, status, seconds);
      const line = { method: req.method, route, path: req.originalUrl.split('?')[0], status, durationMs: Math.round(seconds * 1e4) / 10 };
      if (OPERATIONAL_ROUTES.has(route)) req.log.debug(line, 'request');
      else req.log.info(line, 'request');
    };
    res.once('finish', record);
    res.once('close', record);
    next();
  };
}

/** Headers for a JSON API that serves no documents, scripts or frames. */
export function securityHeaders(): RequestHandler {
  return (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    next();
  };
}
