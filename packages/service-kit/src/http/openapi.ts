import { joiToJsonSchema, type JsonSchema } from './joi-to-json-schema';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { bodyOf, openApiPath, pathParameters, type RouteDefinition } from './route';

export interface OpenApiInfo {
  title: string;
  version: string;
  description?: string;
}

export type OpenApiDocument = {
  openapi: '3.1.0';
  info: OpenApiInfo;
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, unknown>;
};

const PROBLEM_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'RFC 9457 problem details',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    requestId: { type: 'string' },
  },
};

const VALIDATION_PROBLEM_SCHEMA: JsonSchema = {
  allOf: [
    { $ref: '#/components/schemas/Problem' },
    {
      type: 'object',
      required: ['errors'],
      properties: {
        errors: {
          type: 'array',
          items: {
            type: 'object',
            required: ['field', 'message', 'location'],
            properties: {
              field: { type: 'string', description: 'JSON pointer into the body, or the parameter name' },
              message: { type: 'string' },
              location: { enum: ['body', 'query', 'params', 'headers'] },
            },
          },
        },
      },
    },
  ],
};

function problemResponse(description: string, schema = 'Problem') {
  return { description, content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: `#/components/schemas/${schema}` } } } };
}

/** `get /orders/:orderId` → `getOrdersByOrderId`. */
export function operationIdOf(route: RouteDefinition): string {
  const words = route.path
    .split('/')
    .filter(Boolean)
    .map((segment) => (/^[:*]/.test(segment) ? `by-${segment.slice(1)}` : segment))
    .flatMap((segment) => segment.split(/[^A-Za-z0-9]+/))
    .filter(Boolean);
  return [route.method, ...words].map((word, index) => (index === 0 ? word : word[0]!.toUpperCase() + word.slice(1))).join('');
}

function parameters(route: RouteDefinition): unknown[] {
  const result: unknown[] = [];
  const paramsSchema = route.validate?.params ? joiToJsonSchema(route.validate.params) : undefined;
  const paramProperties = (paramsSchema?.properties ?? {}) as Record<string, JsonSchema>;
  for (const name of pathParameters(route.path)) {
    result.push({ name, in: 'path', required: true, schema: paramProperties[name] ?? { type: 'string' } });
  }
  if (route.validate?.query) {
    const query = joiToJsonSchema(route.validate.query);
    const required = new Set((query.required ?? []) as string[]);
    for (const [name, schema] of Object.entries((query.properties ?? {}) as Record<string, JsonSchema>)) {
      const { description, ...rest } = schema;
      result.push({ name, in: 'query', required: required.has(name), schema: rest, ...(description !== undefined && { description }) });
    }
  }
  return result;
}

function operation(route: RouteDefinition): Record<string, unknown> {
  const op: Record<string, unknown> = { operationId: route.operationId ?? operationIdOf(route) };
  if (route.summary) op.summary = route.summary;
  if (route.description) op.description = route.description;
  if (route.tags) op.tags = route.tags;
  const params = parameters(route);
  if (params.length > 0) op.parameters = params;

  const body = bodyOf(route);
  if (body?.type === 'json') {
    op.requestBody = { required: true, content: { 'application/json': { schema: route.validate?.body ? joiToJsonSchema(route.validate.body) : {} } } };
  } else if (body?.type === 'ndjson') {
    op.requestBody = {
      required: true,
      description: 'Newline-delimited JSON, one record per line',
      content: { 'application/x-ndjson': { schema: { type: 'string' } } },
    };
  }

  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(route.responses ?? { 200: { description: 'OK' } })) {
    responses[status] = {
      description: response.description,
      ...(response.schema && { content: { [response.contentType ?? 'application/json']: { schema: joiToJsonSchema(response.schema) } } }),
    };
  }
  if (route.validate || body) responses['400'] ??= problemResponse('Invalid request: every invalid field is listed', 'ValidationProblem');
  if (!route.public) {
    responses['401'] ??= problemResponse('Missing or invalid bearer token');
    if (route.scopes && route.scopes.length > 0) responses['403'] ??= problemResponse(`The token lacks a required scope (${route.scopes.join(', ')})`);
  }
  if (body) {
    responses['413'] ??= problemResponse('Request body too large');
    responses['415'] ??= problemResponse('Unsupported media type');
  }
  responses.default = problemResponse('Error');
  op.responses = responses;
  op.security = route.public ? [] : [{ bearerAuth: route.scopes ?? [] }];
  return op;
}

/** An OpenAPI 3.1 document describing the routes. */
export function buildOpenApiDocument(info: OpenApiInfo, routes: RouteDefinition[]): OpenApiDocument {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] ??= {};
    if (paths[path]![route.method]) throw new Error(`${route.method.toUpperCase()} ${route.path} is defined twice`);
    paths[path]![route.method] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info,
    paths,
    components: {
      schemas: { Problem: PROBLEM_SCHEMA, ValidationProblem: VALIDATION_PROBLEM_SCHEMA },
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
}
