import type { RequestHandler } from 'express';
import type Joi from 'joi';
import type { RequestSchemas } from './validation';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ResponseDefinition {
  description: string;
  schema?: Joi.Schema;
  /** Default application/json. */
  contentType?: string;
}

/** A JSON body (parsed, default limit 1 MB) or a streamed NDJSON body the handler reads with readNdjson(). */
export type BodyDefinition = { type: 'json'; limit?: string | number } | { type: 'ndjson'; limit?: string | number };

/**
 * One endpoint. The same definition drives routing, auth, validation, metrics and the OpenAPI
 * document.
 */
export interface RouteDefinition {
  method: HttpMethod;
  /** express path template: `/orders/:orderId`. */
  path: string;
  summary?: string;
  description?: string;
  tags?: string[];
  operationId?: string;
  /** Open to anyone (no bearer token). Routes are authenticated unless they say so. */
  public?: boolean;
  /** Scopes the token must carry, e.g. `['orders:write']`. */
  scopes?: string[];
  validate?: RequestSchemas;
  /** Defaults to a JSON body when validate.body is set. */
  body?: BodyDefinition;
  /** Documented responses by status; problem responses are added by the kit. */
  responses?: Record<number, ResponseDefinition>;
  handler: RequestHandler | RequestHandler[];
}

/** Identity helper that types a route definition. */
export function defineRoute(route: RouteDefinition): RouteDefinition {
  return route;
}

/** `/orders/:orderId` → `/orders/{orderId}` for OpenAPI. */
export function openApiPath(path: string): string {
  return path.replace(/[:*]([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');
}

/** Names of the path parameters in an express template. */
export function pathParameters(path: string): string[] {
  return [...path.matchAll(/[:*]([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1]!);
}

export function bodyOf(route: RouteDefinition): BodyDefinition | undefined {
  return route.body ?? (route.validate?.body ? { type: 'json' } : undefined);
}
