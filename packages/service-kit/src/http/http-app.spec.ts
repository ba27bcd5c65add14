import { Writable } from 'node:stream';
import Joi from 'joi';
import pino from 'pino';
import { createLogger } from '../logging/logger';
import request from 'supertest';
import { testKeys } from '../../test/support/auth-fixtures';
import { createHttpApp, type HttpApp } from './http-app';
import { readNdjson, type NdjsonLine } from './body';
import { decodeCursor, encodeCursor, paginationQuery } from './pagination';
import { ConflictError, NotFoundError } from './problem';
import { defineRoute } from './route';

class IllegalTransitionError extends Error {
  readonly httpStatus = 409;
  readonly problemType = 'illegal-transition';
  readonly problemTitle = 'Illegal order status transition';
  readonly problemExtensions: Record<string, unknown>;
  constructor(orderId: string, currentStatus: string, attemptedStatus: string) {
    super(`order ${orderId} is ${currentStatus}; it cannot become ${attemptedStatus}`);
    this.problemExtensions = { orderId, currentStatus, attemptedStatus };
  }
}

// A domain error that knows nothing about HTTP: the service maps it with an error mapper.
class OrderAlreadyCanceledError extends Error {
  constructor(readonly orderId: string) {
    super(`order ${orderId} is already canceled`);
  }
}

const ORDER_ID = Joi.string().hex().length(32);

function capture(): { stream: Writable; lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(String(chunk));
      callback();
    },
  });
  return { stream, lines: () => chunks.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line)) };
}

describe('createHttpApp', () => {
  let kit: HttpApp;
  let keys: Awaited<ReturnType<typeof testKeys>>;
  let readToken: string;
  let writeToken: string;
  let logs: ReturnType<typeof capture>;

  beforeAll(async () => {
    keys = await testKeys();
    readToken = await keys.token({ scopes: 'orders:read' });
    writeToken = await keys.token({ scopes: 'orders:read orders:write', sellerId: 'seller-1', states: ['sp', 'RJ'] });
    logs = capture();
    kit = createHttpApp({
      serviceName: 'sales',
      auth: keys.verifier,
      logger: createLogger({ serviceName: 'sales', level: 'debug', destination: logs.stream }),
      errorMappers: [
        (error) =>
          error instanceof OrderAlreadyCanceledError
            ? new ConflictError(error.message, { type: 'order-canceled', extensions: { orderId: error.orderId } })
            : undefined,
      ],
      routes: [
        defineRoute({
          method: 'get',
          path: '/orders',
          scopes: ['orders:read'],
          summary: 'List orders',
          validate: { query: Joi.object({ ...paginationQuery, status: Joi.string().valid('created', 'approved', 'delivered') }) },
          handler: (req, res) => {
            const { limit, cursor, status } = req.query as unknown as { limit: number; cursor?: string; status?: string };
            const after = cursor ? decodeCursor<{ n: number }>(cursor).n : 0;
            res.json({ items: [{ n: after + 1, status: status ?? 'created' }], nextCursor: encodeCursor({ n: after + limit }) });
          },
        }),
        defineRoute({
          method: 'get',
          path: '/orders/:orderId',
          scopes: ['orders:read'],
          validate: { params: Joi.object({ orderId: ORDER_ID }) },
          handler: (req, res) => {
            if (req.params.orderId === '0'.repeat(32)) throw new NotFoundError('order', req.params.orderId);
            res.json({ orderId: req.params.orderId, auth: req.auth });
          },
        }),
        defineRoute({
          method: 'post',
          path: '/orders',
          scopes: ['orders:write'],
          validate: {
            body: Joi.object({
              customerId: Joi.string().required(),
              items: Joi.array()
                .items(Joi.object({ productId: Joi.string().required(), priceCents: Joi.number().integer().min(0).required() }))
                .min(1)
                .required(),
            }),
          },
          responses: { 201: { description: 'Placed', schema: Joi.object({ orderId: Joi.string() }) } },
          handler: (req, res) => {
            res.status(201).json({ received: req.body });
          },
        }),
        defineRoute({
          method: 'post',
          path: '/orders/:orderId/approve',
          scopes: ['orders:write'],
          handler: (req) => {
            throw new IllegalTransitionError(String(req.params.orderId), 'delivered', 'approved');
          },
        }),
        defineRoute({
          method: 'post',
          path: '/orders/:orderId/cancel',
          scopes: ['orders:write'],
          handler: async (req) => {
            await Promise.resolve();
            throw new OrderAlreadyCanceledError(String(req.params.orderId));
          },
        }),
        defineRoute({
          method: 'get',
          path: '/boom',
          public: true,
          handler: () => {
            throw new Error('duplicate key value violates unique constraint "orders_pkey" (postgres://sales:s3cret@db:5432/sales)');
          },
        }),
        defineRoute({
          method: 'post',
          path: '/notes',
          public: true,
          body: { type: 'json', limit: '100b' },
          handler: (req, res) => {
            res.json(req.body);
          },
        }),
        defineRoute({
          method: 'post',
          path: '/imports/orders',
          scopes: ['orders:write'],
          body: { type: 'ndjson', limit: '2kb' },
          handler: async (req, res) => {
            const good: unknown[] = [];
            const rejects: NdjsonLine[] = [];
            for await (const line of readNdjson(req, { maxLineBytes: 200 })) {
              if ('error' in line) rejects.push(line);
              else good.push(line.value);
            }
            res.json({ accepted: good.length, rejects });
          },
        }),
      ],
    });
  });

  afterAll(() => keys.cleanup());

  const problem = (status: number, slug: string, title: string, rest: Record<string, unknown>) => ({
    type: `https://mercado.dev/problems/${slug}`,
    title,
    status,
    ...rest,
  });

  describe('request ids and headers', () => {
    it('accepts a sane X-Request-Id, echoes it and logs with it', async () => {
      const response = await request(kit.app).get('/health/live').set('X-Request-Id', 'req-abc.1');
      expect(response.status).toBe(200);
      expect(response.headers['x-request-id']).toBe('req-abc.1');
      expect(logs.lines().some((line) => line.requestId === 'req-abc.1' && line.route === '/health/live' && line.status === 200)).toBe(true);
    });

    it('generates one when none or a bad one is sent', async () => {
      const none = await request(kit.app).get('/health/live');
      expect(none.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      const bad = await request(kit.app).get('/health/live').set('X-Request-Id', 'a b<script>');
      expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('sends the security headers and no X-Powered-By', async () => {
      const response = await request(kit.app).get('/health/live');
      expect(response.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      });
      expect(response.headers['x-powered-by']).toBeUndefined();
    });
  });

  describe('problem+json answers', () => {
    it('400 lists every invalid field with its JSON pointer and location', async () => {
      const response = await request(kit.app)
        .post('/orders')
        .set('Authorization', `Bearer ${writeToken}`)
        .set('X-Request-Id', 'r-400')
        .send({ items: [{ productId: 'p1', priceCents: -5 }, { priceCents: 'ten' }], coupon: 'X' });
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(response.body).toEqual(
        problem(400, 'validation-error', 'Your request is not valid', {
          detail: '5 fields are invalid',
          instance: '/orders',
          errors: [
            { field: '/customerId', message: 'is required', location: 'body' },
            { field: '/items/0/priceCents', message: 'must be greater than or equal to 0', location: 'body' },
            { field: '/items/1/productId', message: 'is required', location: 'body' },
            { field: '/items/1/priceCents', message: 'must be a number', location: 'body' },
            { field: '/coupon', message: 'is not allowed', location: 'body' },
          ],
          requestId: 'r-400',
        }),
      );
    });

    it('400 for bad query and path parameters, named as sent', async () => {
      const query = await request(kit.app).get('/orders?limit=501&status=lost&cursor=***').set('Authorization', `Bearer ${readToken}`).set('X-Request-Id', 'r-q');
      expect(query.status).toBe(400);
      expect(query.body).toEqual(
        problem(400, 'validation-error', 'Your request is not valid', {
          detail: '3 fields are invalid',
          instance: '/orders',
          errors: [
            { field: 'limit', message: 'must be less than or equal to 500', location: 'query' },
            { field: 'cursor', message: 'must be a cursor returned as nextCursor', location: 'query' },
            { field: 'status', message: 'must be one of [created, approved, delivered]', location: 'query' },
          ],
          requestId: 'r-q',
        }),
      );
      const params = await request(kit.app).get('/orders/xyz').set('Authorization', `Bearer ${readToken}`).set('X-Request-Id', 'r-p');
      expect(params.body).toEqual(
        problem(400, 'validation-error', 'Your request is not valid', {
          detail: '2 fields are invalid',
          instance: '/orders/xyz',
          errors: [
            { field: 'orderId', message: 'must only contain hexadecimal characters', location: 'params' },
            { field: 'orderId', message: 'length must be 32 characters long', location: 'params' },
          ],
          requestId: 'r-p',
        }),
      );
    });

    it('400 for a body that is not JSON, and for a missing body', async () => {
      const broken = await request(kit.app)
        .post('/orders')
        .set('Authorization', `Bearer ${writeToken}`)
        .set('X-Request-Id', 'r-json')
        .set('Content-Type', 'application/json')
        .send('{"customerId": ');
      expect(broken.status).toBe(400);
      expect(broken.body).toEqual(
        problem(400, 'validation-error', 'Your request is not valid', {
          detail: 'the request body is not valid JSON',
          instance: '/orders',
          errors: [{ field: '', message: 'is not valid JSON', location: 'body' }],
          requestId: 'r-json',
        }),
      );
      const missing = await request(kit.app).post('/orders').set('Authorization', `Bearer ${writeToken}`).set('X-Request-Id', 'r-none');
      expect(missing.body).toEqual(
        problem(400, 'validation-error', 'Your request is not valid', {
          detail: '1 field is invalid',
          instance: '/orders',
          errors: [{ field: '', message: 'a request body is required', location: 'body' }],
          requestId: 'r-none',
        }),
      );
    });

    it('404 for an unknown route and for a resource that does not exist', async () => {
      const unknown = await request(kit.app).get('/nowhere?x=1').set('X-Request-Id', 'r-404');
      expect(unknown.status).toBe(404);
      expect(unknown.body).toEqual(problem(404, 'not-found', 'Not found', { detail: 'no route matches GET /nowhere', instance: '/nowhere', requestId: 'r-404' }));
      const id = '0'.repeat(32);
      const resource = await request(kit.app).get(`/orders/${id}`).set('Authorization', `Bearer ${readToken}`).set('X-Request-Id', 'r-404b');
      expect(resource.status).toBe(404);
      expect(resource.body).toEqual(
        problem(404, 'not-found', 'Not found', { detail: `order ${id} not found`, instance: `/orders/${id}`, resource: 'order', id, requestId: 'r-404b' }),
      );
    });

    it('405 with Allow for a known path and another method; OPTIONS lists the methods', async () => {
      const response = await request(kit.app).delete('/orders').set('X-Request-Id', 'r-405');
      expect(response.status).toBe(405);
      expect(response.headers.allow).toBe('GET, HEAD, POST');
      expect(response.body).toEqual(
        problem(405, 'method-not-allowed', 'Method not allowed', {
          detail: 'DELETE is not allowed on /orders; allowed: GET, HEAD, POST',
          instance: '/orders',
          allowed: ['GET', 'HEAD', 'POST'],
          requestId: 'r-405',
        }),
      );
      const options = await request(kit.app).options('/orders');
      expect(options.status).toBe(204);
      expect(options.headers.allow).toBe('GET, HEAD, POST, OPTIONS');
    });

    it('409 for a domain error shaped as a problem, naming current and attempted status', async () => {
      const id = 'a'.repeat(32);
      const response = await request(kit.app).post(`/orders/${id}/approve`).set('Authorization', `Bearer ${writeToken}`).set('X-Request-Id', 'r-409');
      expect(response.status).toBe(409);
      expect(response.body).toEqual({
        type: 'https://mercado.dev/problems/illegal-transition',
        title: 'Illegal order status transition',
        status: 409,
        detail: `order ${id} is delivered; it cannot become approved`,
        instance: `/orders/${id}/approve`,
        orderId: id,
        currentStatus: 'delivered',
        attemptedStatus: 'approved',
        requestId: 'r-409',
      });
    });

    it('409 through a service error mapper, from an async handler', async () => {
      const response = await request(kit.app).post('/orders/o-7/cancel').set('Authorization', `Bearer ${writeToken}`).set('X-Request-Id', 'r-map');
      expect(response.status).toBe(409);
      expect(response.body).toEqual(
        problem(409, 'order-canceled', 'Conflict with the current state', {
          detail: 'order o-7 is already canceled',
          instance: '/orders/o-7/cancel',
          orderId: 'o-7',
          requestId: 'r-map',
        }),
      );
    });

    it('413 for a JSON body over the route limit', async () => {
      const response = await request(kit.app).post('/notes').set('X-Request-Id', 'r-413').send({ text: 'x'.repeat(200) });
      expect(response.status).toBe(413);
      expect(response.body).toEqual(
        problem(413, 'payload-too-large', 'Request body too large', {
          detail: 'the request body exceeds the limit of 100 bytes',
          instance: '/notes',
          limitBytes: 100,
          requestId: 'r-413',
        }),
      );
      expect((await request(kit.app).post('/notes').send({ text: 'short' })).body).toEqual({ text: 'short' });
    });

    it('415 for a body of the wrong type', async () => {
      const response = await request(kit.app)
        .post('/orders')
        .set('Authorization', `Bearer ${writeToken}`)
        .set('X-Request-Id', 'r-415')
        .set('Content-Type', 'text/csv')
        .send('customerId,items\n');
      expect(response.status).toBe(415);
      expect(response.body).toEqual(
        problem(415, 'unsupported-media-type', 'Unsupported media type', {
          detail: 'the request body must be application/json, not text/csv',
          instance: '/orders',
          accepted: ['application/json'],
          requestId: 'r-415',
        }),
      );
    });

    it('415 for an unsupported charset or content encoding, 400 for an undecodable path', async () => {
      const charset = await request(kit.app)
        .post('/notes')
        .set('X-Request-Id', 'r-cs')
        .set('Content-Type', 'application/json; charset=latin1')
        .send('{"a":1}');
      expect(charset.status).toBe(415);
      expect(charset.body).toEqual(
        problem(415, 'unsupported-media-type', 'Unsupported media type', {
          detail: 'the request body must be application/json; charset=utf-8, not charset latin1',
          instance: '/notes',
          accepted: ['application/json; charset=utf-8'],
          requestId: 'r-cs',
        }),
      );
      const encoding = await request(kit.app).post('/notes').set('Content-Type', 'application/json').set('Content-Encoding', 'compress').send('{"a":1}');
      expect(encoding.status).toBe(415);
      expect(encoding.body.detail).toBe('the request body must be identity or gzip or deflate or br, not content encoding compress');
      const undecodable = await request(kit.app).get('/orders/%E0%A4%A').set('Authorization', `Bearer ${readToken}`).set('X-Request-Id', 'r-dec');
      expect(undecodable.status).toBe(400);
      expect(undecodable.body).toEqual({
        type: 'https://mercado.dev/problems/bad-request',
        title: 'Bad request',
        status: 400,
        detail: 'the request could not be understood',
        instance: '/orders/%E0%A4%A',
        requestId: 'r-dec',
      });
    });

    it('500 reveals neither message, SQL nor stack, and logs the error with the request id', async () => {
      const response = await request(kit.app).get('/boom').set('X-Request-Id', 'r-500');
      expect(response.status).toBe(500);
      expect(response.body).toEqual(
        problem(500, 'internal-error', 'Internal server error', {
          detail: 'an unexpected error occurred; quote the requestId when reporting it',
          instance: '/boom',
          requestId: 'r-500',
        }),
      );
      expect(response.text).not.toMatch(/duplicate|orders_pkey|s3cret|at .*\.ts/);
      const logged = logs.lines().find((line) => line.requestId === 'r-500' && line.msg === 'request failed');
      expect(logged).toBeDefined();
      const err = logged!.err as { message: string; stack: string };
      expect(err.message).toContain('orders_pkey');
      expect(err.message).toContain('postgres://sales:***@db:5432/sales');
      expect(JSON.stringify(logged)).not.toContain('s3cret');
    });
  });

  describe('routes', () => {
    it('passes converted values and the auth context to the handler', async () => {
      const id = 'b'.repeat(32);
      const response = await request(kit.app).get(`/orders/${id}`).set('Authorization', `Bearer ${writeToken}`);
      expect(response.status).toBe(200);
      expect(response.body.orderId).toBe(id);
      expect(response.body.auth).toMatchObject({ subject: 'dev-user', scopes: ['orders:read', 'orders:write'], sellerId: 'seller-1', states: ['SP', 'RJ'] });
    });

    it('pages with limit and an opaque cursor', async () => {
      const first = await request(kit.app).get('/orders?limit=10').set('Authorization', `Bearer ${readToken}`);
      expect(first.body).toEqual({ items: [{ n: 1, status: 'created' }], nextCursor: encodeCursor({ n: 10 }) });
      const second = await request(kit.app).get(`/orders?cursor=${first.body.nextCursor}`).set('Authorization', `Bearer ${readToken}`);
      expect(second.body.items).toEqual([{ n: 11, status: 'created' }]);
      const forged = await request(kit.app).get(`/orders?cursor=${Buffer.from('{').toString('base64url')}`).set('Authorization', `Bearer ${readToken}`);
      expect(forged.status).toBe(400);
      expect(forged.body.errors).toEqual([{ field: 'cursor', message: 'must be a cursor returned as nextCursor', location: 'query' }]);
    });

    it('streams an NDJSON import, keeping good lines and reporting bad ones with their line numbers', async () => {
      const body = ['{"orderId":"a"}', 'not json', '', '{"orderId":"b"}', `{"pad":"${'x'.repeat(300)}"}`, '{"orderId":"c"}'].join('\n');
      const response = await request(kit.app)
        .post('/imports/orders')
        .set('Authorization', `Bearer ${writeToken}`)
        .set('Content-Type', 'application/x-ndjson')
        .send(body);
      expect(response.status).toBe(200);
      expect(response.body.accepted).toBe(3);
      expect(response.body.rejects).toEqual([
        { line: 2, error: expect.stringMatching(/^not valid JSON: /) },
        { line: 5, error: 'the line is longer than 200 bytes' },
      ]);
    });

    it('413 for an NDJSON body over its limit, declared or streamed', async () => {
      const big = Array.from({ length: 400 }, (_, i) => JSON.stringify({ i })).join('\n');
      const declared = await request(kit.app)
        .post('/imports/orders')
        .set('Authorization', `Bearer ${writeToken}`)
        .set('Content-Type', 'application/x-ndjson')
        .set('X-Request-Id', 'r-nd')
        .send(big);
      expect(declared.status).toBe(413);
      expect(declared.body).toEqual(
        problem(413, 'payload-too-large', 'Request body too large', {
          detail: 'the request body exceeds the limit of 2048 bytes',
          instance: '/imports/orders',
          limitBytes: 2048,
          requestId: 'r-nd',
        }),
      );
      // Without a Content-Length the limit is enforced while streaming.
      const server = kit.app.listen(0);
      try {
        const port = (server.address() as { port: number }).port;
        const chunks = [big.slice(0, 1000), big.slice(1000, 2000), big.slice(2000)];
        const streamed = await fetch(`http://127.0.0.1:${port}/imports/orders`, {
          method: 'POST',
          headers: { authorization: `Bearer ${writeToken}`, 'content-type': 'application/x-ndjson', 'x-request-id': 'r-nd2' },
          body: new ReadableStream({
            pull(controller) {
              const next = chunks.shift();
              if (next === undefined) controller.close();
              else controller.enqueue(new TextEncoder().encode(next));
            },
          }),
          duplex: 'half',
        } as RequestInit);
        expect(streamed.status).toBe(413);
        expect(streamed.headers.get('connection')).toBe('close');
        expect(await streamed.json()).toEqual(
          problem(413, 'payload-too-large', 'Request body too large', {
            detail: 'the request body exceeds the limit of 2048 bytes',
            instance: '/imports/orders',
            limitBytes: 2048,
            requestId: 'r-nd2',
          }),
        );
      } finally {
        server.close();
      }
      const wrongType = await request(kit.app).post('/imports/orders').set('Authorization', `Bearer ${writeToken}`).send({ a: 1 });
      expect(wrongType.status).toBe(415);
      expect(wrongType.body.accepted).toEqual(['application/x-ndjson']);
    });
  });

  describe('operational endpoints', () => {
    it('are open without a token', async () => {
      for (const path of ['/health/live', '/health/ready', '/metrics', '/openapi.json']) {
        expect((await request(kit.app).get(path)).status).toBe(200);
      }
    });

    it('/health/ready answers 503 with each check’s status when one fails', async () => {
      const local = createHttpApp({ serviceName: 't', routes: [], logger: pino({ level: 'silent' }) });
      local.health.register(
        { name: 'database', check: async () => 1 },
        {
          name: 'kafka',
          check: async () => {
            throw new Error('connect ECONNREFUSED 127.0.0.1:1');
          },
        },
      );
      const response = await request(local.app).get('/health/ready');
      expect(response.status).toBe(503);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.body).toEqual({
        status: 'not-ready',
        checks: {
          database: { status: 'up', durationMs: expect.any(Number) },
          kafka: { status: 'down', durationMs: expect.any(Number), error: 'connect ECONNREFUSED 127.0.0.1:1' },
        },
      });
    });

    it('/openapi.json documents every registered route, including the operational ones', async () => {
      const document = (await request(kit.app).get('/openapi.json')).body;
      expect(document.openapi).toBe('3.1.0');
      expect(document.info).toEqual({ title: 'sales API', version: '0.1.0' });
      const documented = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
        Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
      );
      const registered = (kit.app.router.stack as Array<{ route?: { path: string; methods: Record<string, boolean> } }>)
        // The 405 catch-all of each path is an app.all() route, which lists every method.
        .filter((layer) => layer.route && Object.keys(layer.route.methods).length === 1)
        .flatMap((layer) => Object.keys(layer.route!.methods).map((method) => `${method.toUpperCase()} ${layer.route!.path.replace(/:(\w+)/g, '{$1}')}`));
      expect(registered.length).toBe(12);
      expect(documented.sort()).toEqual(registered.sort());
      expect(document.paths['/orders/{orderId}'].get.parameters).toEqual([
        { name: 'orderId', in: 'path', required: true, schema: { type: 'string', minLength: 32, maxLength: 32, pattern: '^[a-fA-F0-9]*$' } },
      ]);
      expect(document.paths['/orders'].post.security).toEqual([{ bearerAuth: ['orders:write'] }]);
      expect(document.paths['/health/live'].get.security).toEqual([]);
    });

    it('refuses to build an app whose authenticated routes have no verifier', () => {
      expect(() =>
        createHttpApp({ serviceName: 't', logger: pino({ level: 'silent' }), routes: [{ method: 'get', path: '/secret', handler: (_req, res) => void res.end() }] }),
      ).toThrow('createHttpApp: GET /secret require a bearer token but no auth verifier was given');
    });
  });
});
