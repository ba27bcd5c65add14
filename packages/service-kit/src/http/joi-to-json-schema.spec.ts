import Joi from 'joi';
import { joiToJsonSchema } from './joi-to-json-schema';

describe('joiToJsonSchema', () => {
  it('converts strings with their constraints and formats', () => {
    expect(joiToJsonSchema(Joi.string().min(2).max(10).pattern(/^[a-z]+$/i))).toEqual({ type: 'string', minLength: 2, maxLength: 10, pattern: '^[a-z]+$' });
    expect(joiToJsonSchema(Joi.string().length(32).hex())).toEqual({ type: 'string', minLength: 32, maxLength: 32, pattern: '^[a-fA-F0-9]*$' });
    expect(joiToJsonSchema(Joi.string().email())).toEqual({ type: 'string', format: 'email' });
    expect(joiToJsonSchema(Joi.string().uri())).toEqual({ type: 'string', format: 'uri' });
    expect(joiToJsonSchema(Joi.string().guid())).toEqual({ type: 'string', format: 'uuid' });
    expect(joiToJsonSchema(Joi.string().isoDate())).toEqual({ type: 'string', format: 'date-time' });
    expect(joiToJsonSchema(Joi.string().hostname())).toEqual({ type: 'string', format: 'hostname' });
    expect(joiToJsonSchema(Joi.string().alphanum())).toEqual({ type: 'string', pattern: '^[a-zA-Z0-9]*$' });
    expect(joiToJsonSchema(Joi.string().token())).toEqual({ type: 'string', pattern: '^\\w*$' });
    // An inverted pattern cannot be expressed: it is left out rather than stated wrongly.
    expect(joiToJsonSchema(Joi.string().pattern(/x/, { invert: true }))).toEqual({ type: 'string' });
  });

  it('converts numbers, integers and their bounds', () => {
    expect(joiToJsonSchema(Joi.number().integer().min(1).max(500).default(50).description('Page size'))).toEqual({
      type: 'integer',
      minimum: 1,
      maximum: 500,
      default: 50,
      description: 'Page size',
    });
    expect(joiToJsonSchema(Joi.number().greater(0).less(10).multiple(0.5))).toEqual({ type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 10, multipleOf: 0.5 });
    expect(joiToJsonSchema(Joi.number().positive())).toEqual({ type: 'number', exclusiveMinimum: 0 });
    expect(joiToJsonSchema(Joi.number().negative())).toEqual({ type: 'number', exclusiveMaximum: 0 });
    expect(joiToJsonSchema(Joi.number().port())).toEqual({ type: 'integer', minimum: 0, maximum: 65535 });
  });

  it('converts booleans, dates and binaries', () => {
    expect(joiToJsonSchema(Joi.boolean())).toEqual({ type: 'boolean' });
    expect(joiToJsonSchema(Joi.date().iso())).toEqual({ type: 'string', format: 'date-time' });
    expect(joiToJsonSchema(Joi.date().timestamp())).toEqual({ type: 'number' });
    expect(joiToJsonSchema(Joi.binary())).toEqual({ type: 'string', contentEncoding: 'base64' });
    expect(joiToJsonSchema(Joi.any())).toEqual({});
  });

  it('turns valid() into an enum and allow(null) into a nullable type', () => {
    expect(joiToJsonSchema(Joi.string().valid('created', 'approved'))).toEqual({ type: 'string', enum: ['created', 'approved'] });
    expect(joiToJsonSchema(Joi.valid(1, 2.5))).toEqual({ enum: [1, 2.5] });
    expect(joiToJsonSchema(Joi.number().valid(1, 2.5))).toEqual({ type: 'number', enum: [1, 2.5] });
    expect(joiToJsonSchema(Joi.string().valid('a', null))).toEqual({ type: ['string', 'null'], enum: ['a', null] });
    expect(joiToJsonSchema(Joi.string().allow(null))).toEqual({ type: ['string', 'null'] });
    expect(joiToJsonSchema(Joi.string().email().allow(''))).toEqual({ anyOf: [{ type: 'string', format: 'email' }, { enum: [''] }] });
    expect(joiToJsonSchema(Joi.object({ a: Joi.string() }).allow(null))).toEqual({
      type: ['object', 'null'],
      properties: { a: { type: 'string' } },
      additionalProperties: false,
    });
    expect(joiToJsonSchema(Joi.alternatives().try(Joi.string(), Joi.number()).allow(null))).toEqual({
      anyOf: [{ anyOf: [{ type: 'string' }, { type: 'number' }] }, { type: 'null' }],
    });
    expect(joiToJsonSchema(Joi.any().allow(null))).toEqual({});
  });

  it('converts arrays', () => {
    expect(joiToJsonSchema(Joi.array().items(Joi.string()).min(1).max(3).unique())).toEqual({
      type: 'array',
      items: { type: 'string' },
      minItems: 1,
      maxItems: 3,
      uniqueItems: true,
    });
    expect(joiToJsonSchema(Joi.array().items(Joi.string(), Joi.number()).length(2))).toEqual({
      type: 'array',
      items: { anyOf: [{ type: 'string' }, { type: 'number' }] },
      minItems: 2,
      maxItems: 2,
    });
    expect(joiToJsonSchema(Joi.array().ordered(Joi.string(), Joi.number()))).toEqual({ type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }] });
  });

  it('converts objects: properties, required keys, unknown keys, patterns, forbidden keys', () => {
    const order = Joi.object({
      orderId: Joi.string().required().description('Olist order id'),
      status: Joi.string().valid('created', 'delivered').default('created'),
      items: Joi.array().items(Joi.object({ priceCents: Joi.number().integer().min(0).required() })).required(),
      internal: Joi.any().forbidden(),
    });
    expect(joiToJsonSchema(order)).toEqual({
      type: 'object',
      properties: {
        orderId: { type: 'string', description: 'Olist order id' },
        status: { type: 'string', enum: ['created', 'delivered'], default: 'created' },
        items: {
          type: 'array',
          items: { type: 'object', properties: { priceCents: { type: 'integer', minimum: 0 } }, required: ['priceCents'], additionalProperties: false },
        },
      },
      required: ['orderId', 'items'],
      additionalProperties: false,
    });
    expect(joiToJsonSchema(Joi.object({ a: Joi.string() }).unknown())).toEqual({ type: 'object', properties: { a: { type: 'string' } } });
    expect(joiToJsonSchema(Joi.object())).toEqual({ type: 'object' });
    expect(joiToJsonSchema(Joi.object().pattern(/^x-/, Joi.string()))).toEqual({ type: 'object', patternProperties: { '^x-': { type: 'string' } } });
    expect(joiToJsonSchema(Joi.object().pattern(Joi.string(), Joi.number()))).toEqual({ type: 'object', additionalProperties: { type: 'number' } });
  });

  it('converts alternatives, including conditionals', () => {
    expect(joiToJsonSchema(Joi.alternatives().try(Joi.string(), Joi.number()).match('one'))).toEqual({ oneOf: [{ type: 'string' }, { type: 'number' }] });
    expect(joiToJsonSchema(Joi.alternatives().try(Joi.string()))).toEqual({ type: 'string' });
    expect(
      joiToJsonSchema(Joi.alternatives().conditional('kind', { is: 'a', then: Joi.string(), otherwise: Joi.number() })),
    ).toEqual({ anyOf: [{ type: 'string' }, { type: 'number' }] });
  });

  it('keeps examples and drops defaults it cannot state', () => {
    expect(joiToJsonSchema(Joi.string().example('SP'))).toEqual({ type: 'string', examples: ['SP'] });
    expect(joiToJsonSchema(Joi.number().default(() => 1))).toEqual({ type: 'number' });
    expect(joiToJsonSchema(Joi.object({ a: Joi.number(), b: Joi.number().default(Joi.ref('a')) }))).toEqual({
      type: 'object',
      properties: { a: { type: 'number' }, b: { type: 'number' } },
      additionalProperties: false,
    });
  });
});
