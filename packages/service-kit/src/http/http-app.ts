import express, { type Express, type Request, type RequestHandler, type Response } from 'express';
import Joi from 'joi';
import type { Logger } from 'pino';
import './express-augmentation';
import { authenticate, requireScopes } from '../auth/auth.middleware';
import type { TokenVerifier } from '../auth/token-verifier';
import { HealthRegistry } from '../health/health';
import { createLogger } from '../logging/logger';
import { createMetrics, type ServiceMetrics } from '../metrics/metrics';
import { DEFAULT_JSON_LIMIT, DEFAULT_NDJSON_LIMIT, jsonBody, ndjsonBody } from './body';
import { instanceOf, problemErrorHandler, type ErrorMapper } from './error-handler';
import { buildOpenApiDocument, type OpenApiDocument, type OpenApiInfo } from './openapi';
import { HttpProblem, MethodNotAllowedError } from './problem';
import { requestContext, securityHeaders } from './request-context';
import { bodyOf, type HttpMethod, type RouteDefinition } from './route';
import { validate } from './validation';

export interface HttpAppOptions {
  serviceName: string;
  routes: RouteDefinition[];
  /** Verifies bearer tokens; required as soon as one route is not public. */
  auth?: TokenVerifier;
  /** Default: a fresh registry for this app. */
  metrics?: ServiceMetrics;
  /** Default: a JSON logger on stdout. */
  logger?: Logger;
  /** Readiness checks behind /health/ready. */
  health?: HealthRegistry;
  /** Title, version and description of /openapi.json. */
  openapi?: Partial<OpenApiInfo>;
  /** Maps the service's own errors (domain errors) to problems, tried in order. */
  errorMappers?: ErrorMapper[];
  /** Default JSON body limit (default 1mb); a route may set its own. */
  jsonLimit?: string | number;
}

export interface HttpApp {
  app: Express;
  metrics: ServiceMetrics;
  health: HealthRegistry;
  logger: Logger;
  openApiDocument: OpenApiDocument;
}

const ALL_METHODS: HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];

function operationalRoutes(health: HealthRegistry, metrics: ServiceMetrics, document: () => OpenApiDocument): RouteDefinition[] {
  const readiness = Joi.object({
    status: Joi.string().valid('ready', 'not-ready').required(),
    checks: Joi.object().pattern(
      Joi.string(),
      Joi.object({ status: Joi.string().valid('up', 'down').required(), durationMs: Joi.number().required(), error: Joi.string() }),
    ),
  });
  return [
    {
      method: 'get',
      path: '/health/live',
      public: true,
      tags: ['operations'],
      summary: 'Liveness: the process answers',
      responses: { 200: { description: 'Alive', schema: Joi.object({ status: Joi.string().valid('ok').required() }) } },
      handler: (_req, res) => {
        res.set('Cache-Control', 'no-store').json({ status: 'ok' });
      },
    },
    {
      method: 'get',
      path: '/health/ready',
      public: true,
      tags: ['operations'],
      summary: 'Readiness: every dependency check passes',
      responses: { 200: { description: 'Ready', schema: readiness }, 503: { description: 'Not ready; each check’s status', schema: readiness } },
      handler: async (_req, res) => {
        const report = await health.readiness();
        res.status(report.status === 'ready' ? 200 : 503).set('Cache-Control', 'no-store').json(report);
      },
    },
    {
      method: 'get',
      path: '/metrics',
      public: true,
      tags: ['operations'],
      summary: 'Prometheus metrics',
      responses: { 200: { description: 'Prometheus text exposition', contentType: 'text/plain; version=0.0.4', schema: Joi.string() } },
      handler: async (_req, res) => {
        res.set('Content-Type', metrics.contentType).send(await metrics.render());
      },
    },
    {
      method: 'get',
      path: '/openapi.json',
      public: true,
      tags: ['operations'],
      summary: 'This OpenAPI document',
      responses: { 200: { description: 'OpenAPI 3.1 document', schema: Joi.object().unknown() } },
      handler: (_req, res) => {
        res.json(document());
      },
    },
  ];
}

/**
 * The express 5 app every service serves: request ids, security headers, body limits, bearer auth and
 * scopes, joi validation, problem+json errors, RED metrics, /health/live, /health/ready, /metrics and
 * an /openapi.json derived from the same route definitions.
 */
export function createHttpApp(options: HttpAppOptions): HttpApp {
  const logger = options.logger ?? createLogger({ serviceName: options.serviceName });
  const metrics = options.metrics ?? createMetrics({ serviceName: options.serviceName });
  const health = options.health ?? new HealthRegistry();
  const jsonLimit = options.jsonLimit ?? DEFAULT_JSON_LIMIT;

  // The document is built from the routes, its own route included; the handler reads it later.
  const routes = [...operationalRoutes(health, metrics, () => openApiDocument), ...options.routes];
  const openApiDocument: OpenApiDocument = buildOpenApiDocument(
    {
      title: options.openapi?.title ?? `${options.serviceName} API`,
      version: options.openapi?.version ?? '0.1.0',
      ...(options.openapi?.description !== undefined && { description: options.openapi.description }),
    },
    routes,
  );

  const unauthenticated = routes.filter((route) => !route.public);
  if (unauthenticated.length > 0 && !options.auth) {
    const names = unauthenticated.map((route) => `${route.method.toUpperCase()} ${route.path}`).join(', ');
    throw new Error(`createHttpApp: ${names} require a bearer token but no auth verifier was given`);
  }

  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.use(requestContext(logger, metrics));
  app.use(securityHeaders());

  for (const route of routes) {
    app[route.method](route.path, ...chainFor(route, options.auth, jsonLimit));
  }

  // A known path with another method: 405 naming the allowed ones (OPTIONS answers with them).
  const methodsByPath = new Map<string, Set<string>>();
  for (const route of routes) {
    const methods = methodsByPath.get(route.path) ?? new Set<string>();
    methods.add(route.method.toUpperCase());
    if (route.method === 'get') methods.add('HEAD');
    methodsByPath.set(route.path, methods);
  }
  for (const [path, methods] of methodsByPath) {
    const allowed = ALL_METHODS.map((m) => m.toUpperCase()).filter((m) => methods.has(m));
    if (methods.has('HEAD')) allowed.splice(allowed.indexOf('GET') + 1, 0, 'HEAD');
    app.all(path, (req: Request, res: Response) => {
      if (req.method === 'OPTIONS') {
        res.set('Allow', [...allowed, 'OPTIONS'].join(', ')).status(204).end();
        return;
      }
      throw new MethodNotAllowedError(req.method, instanceOf(req), allowed);
    });
  }

  app.use((req: Request) => {
    throw new HttpProblem({ status: 404, detail: `no route matches ${req.method} ${instanceOf(req)}` });
  });
  app.use(problemErrorHandler(options.errorMappers ?? []));

  return { app, metrics, health, logger, openApiDocument };
}

function chainFor(route: RouteDefinition, verifier: TokenVerifier | undefined, jsonLimit: string | number): RequestHandler[] {
  const chain: RequestHandler[] = [];
  if (!route.public) {
    chain.push(authenticate(verifier!));
    if (route.scopes && route.scopes.length > 0) chain.push(requireScopes(...route.scopes));
  }
  const body = bodyOf(route);
  if (body?.type === 'json') chain.push(...jsonBody(body.limit ?? jsonLimit));
  else if (body?.type === 'ndjson') chain.push(...ndjsonBody(body.limit ?? DEFAULT_NDJSON_LIMIT));
  if (route.validate) chain.push(validate(route.validate));
  chain.push(...(Array.isArray(route.handler) ? route.handler : [route.handler]));
  return chain;
}
