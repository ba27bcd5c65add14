import express from 'express';
import Joi from 'joi';
import { ValidationError } from './problem';
import { jsonPointer, toFieldErrors, validate, validateParts } from './validation';

const body = Joi.object({
  customerId: Joi.string().required(),
  items: Joi.array()
    .items(Joi.object({ productId: Joi.string().required(), priceCents: Joi.number().integer().min(0).required() }))
    .min(1)
    .required(),
});

function errorsOf(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('validation', () => {
  it('writes JSON pointers with escaping', () => {
    expect(jsonPointer([])).toBe('');
    expect(jsonPointer(['items', 0, 'price'])).toBe('/items/0/price');
    expect(jsonPointer(['a/b', 'c~d'])).toBe('/a~1b/c~0d');
  });

  it('reports every invalid field of body, query and params at once', () => {
    const error = errorsOf(() =>
      validateParts(
        {
          body,
          params: Joi.object({ orderId: Joi.string().hex().length(32) }),
          query: Joi.object({ limit: Joi.number().integer().max(500) }),
        },
        {
          body: { items: [{ productId: 'p', priceCents: -1 }, { priceCents: 'x' }], extra: true },
          params: { orderId: 'nope' },
          query: { limit: '501' },
        },
      ),
    );
    expect(error.errors).toEqual([
      { field: 'orderId', location: 'params', message: 'must only contain hexadecimal characters' },
      { field: 'orderId', location: 'params', message: 'length must be 32 characters long' },
      { field: 'limit', location: 'query', message: 'must be less than or equal to 500' },
      { field: '/customerId', location: 'body', message: 'is required' },
      { field: '/items/0/priceCents', location: 'body', message: 'must be greater than or equal to 0' },
      { field: '/items/1/productId', location: 'body', message: 'is required' },
      { field: '/items/1/priceCents', location: 'body', message: 'must be a number' },
      { field: '/extra', location: 'body', message: 'is not allowed' },
    ]);
    expect(error.detail).toBe('8 fields are invalid');
  });

  it('requires a body when the route has a body schema', () => {
    expect(errorsOf(() => validateParts({ body }, { body: undefined, params: {}, query: {} })).errors).toEqual([
      { field: '', location: 'body', message: 'a request body is required' },
    ]);
  });

  it('returns converted values', () => {
    const result = validateParts(
      { query: Joi.object({ limit: Joi.number().default(50), since: Joi.date().iso() }), params: Joi.object({ id: Joi.string() }) },
      { body: undefined, params: { id: 'a' }, query: { since: '2018-01-01T00:00:00Z' } },
    );
    expect(result).toEqual({ params: { id: 'a' }, query: { limit: 50, since: new Date('2018-01-01T00:00:00Z') } });
  });

  it('keeps joi messages without a leading label as they are', () => {
    const { error } = Joi.object({ a: Joi.string(), b: Joi.string() }).xor('a', 'b').validate({}, { errors: { wrap: { label: false } } });
    expect(toFieldErrors(error!, 'body')).toEqual([{ field: '', location: 'body', message: 'must contain at least one of [a, b]' }]);
  });

  it('as middleware, replaces body, params and query with the converted values', async () => {
    const app = express();
    app.use(express.json());
    app.post(
      '/things/:n',
      validate({ params: Joi.object({ n: Joi.number() }), query: Joi.object({ flag: Joi.boolean().default(false) }), body: Joi.object({ at: Joi.date() }) }),
      (req, res) => {
        res.json({ n: req.params.n, nType: typeof req.params.n, flag: req.query.flag, atIsDate: (req.body as { at: unknown }).at instanceof Date });
      },
    );
    const server = app.listen(0);
    try {
      const port = (server.address() as { port: number }).port;
      const response = await fetch(`http://127.0.0.1:${port}/things/7?flag=true`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ at: '2018-01-01' }),
      });
      expect(await response.json()).toEqual({ n: 7, nType: 'number', flag: true, atIsDate: true });
    } finally {
      server.close();
    }
  });
});
