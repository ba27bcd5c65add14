import type Joi from 'joi';

/** A JSON Schema (2020-12, as OpenAPI 3.1 uses it) object. */
export type JsonSchema = { [keyword: string]: unknown };

interface Description {
  type: string;
  flags?: Record<string, unknown>;
  rules?: Array<{ name: string; args?: Record<string, unknown> }>;
  allow?: unknown[];
  keys?: Record<string, Description>;
  items?: Description[];
  ordered?: Description[];
  matches?: Array<{ schema?: Description; ref?: unknown; is?: Description; then?: Description; otherwise?: Description }>;
  patterns?: Array<{ regex?: string; schema?: Description; rule: Description }>;
  metas?: unknown[];
  examples?: unknown[];
}

/**
 * Converts a joi schema to JSON Schema for the OpenAPI document. Covers the joi types the services
 * use: string (length, pattern, email, uri, guid, isoDate), number (integer, bounds), boolean, date,
 * array, object (required keys, unknown keys, patterns), alternatives, valid/allow, default and
 * description. Anything else becomes an unconstrained schema rather than a wrong one.
 */
export function joiToJsonSchema(schema: Joi.Schema): JsonSchema {
  return convert(schema.describe() as Description);
}

function convert(d: Description): JsonSchema {
  const flags = d.flags ?? {};
  let out: JsonSchema;
  switch (d.type) {
    case 'string':
      out = stringSchema(d);
      break;
    case 'number':
      out = numberSchema(d);
      break;
    case 'boolean':
      out = { type: 'boolean' };
      break;
    case 'date':
      out = flags.format === 'javascript' || flags.format === 'unix' ? { type: 'number' } : { type: 'string', format: 'date-time' };
      break;
    case 'binary':
      out = { type: 'string', contentEncoding: 'base64' };
      break;
    case 'array':
      out = arraySchema(d);
      break;
    case 'object':
      out = objectSchema(d);
      break;
    case 'alternatives':
      out = alternativesSchema(d);
      break;
    default:
      out = {};
  }

  const allowed = (d.allow ?? []).filter((value) => typeof value !== 'object' || value === null);
  if (flags.only === true) {
    // valid(...) lists every accepted value.
    out = { ...withoutTypeConstraints(out), enum: allowed };
    if (d.type !== 'any') out.type = jsonTypesOf(allowed);
  } else if (allowed.length > 0) {
    const nonNull = allowed.filter((value) => value !== null);
    if (allowed.includes(null)) out = nullable(out);
    if (nonNull.length > 0) out = { anyOf: [out, { enum: nonNull }] };
  }

  if (typeof flags.description === 'string') out.description = flags.description;
  if (flags.default !== undefined && typeof flags.default !== 'function' && !isJoiReference(flags.default)) out.default = flags.default;
  if (Array.isArray(d.examples) && d.examples.length > 0) out.examples = d.examples;
  return out;
}

function stringSchema(d: Description): JsonSchema {
  const out: JsonSchema = { type: 'string' };
  for (const rule of d.rules ?? []) {
    const args = rule.args ?? {};
    switch (rule.name) {
      case 'min':
        out.minLength = args.limit;
        break;
      case 'max':
        out.maxLength = args.limit;
        break;
      case 'length':
        out.minLength = args.limit;
        out.maxLength = args.limit;
        break;
      case 'pattern':
        if (!(args.options as { invert?: boolean } | undefined)?.invert) out.pattern = regexSource(args.regex);
        break;
      case 'email':
        out.format = 'email';
        break;
      case 'uri':
        out.format = 'uri';
        break;
      case 'guid':
        out.format = 'uuid';
        break;
      case 'isoDate':
        out.format = 'date-time';
        break;
      case 'hostname':
        out.format = 'hostname';
        break;
      case 'alphanum':
        out.pattern = '^[a-zA-Z0-9]*$';
        break;
      case 'token':
        out.pattern = '^\\w*$';
        break;
      case 'hex':
        out.pattern = '^[a-fA-F0-9]*$';
        break;
    }
  }
  return out;
}

function numberSchema(d: Description): JsonSchema {
  const out: JsonSchema = { type: 'number' };
  for (const rule of d.rules ?? []) {
    const limit = rule.args?.limit;
    switch (rule.name) {
      case 'integer':
        out.type = 'integer';
        break;
      case 'min':
        out.minimum = limit;
        break;
      case 'max':
        out.maximum = limit;
        break;
      case 'greater':
        out.exclusiveMinimum = limit;
        break;
      case 'less':
        out.exclusiveMaximum = limit;
        break;
      case 'sign':
        if (rule.args?.sign === 'positive') out.exclusiveMinimum = 0;
        else out.exclusiveMaximum = 0;
        break;
      case 'multiple':
        out.multipleOf = rule.args?.base;
        break;
      case 'port':
        out.type = 'integer';
        out.minimum = 0;
        out.maximum = 65535;
        break;
    }
  }
  return out;
}

function arraySchema(d: Description): JsonSchema {
  const out: JsonSchema = { type: 'array' };
  const items = (d.items ?? []).map(convert);
  if (items.length === 1) out.items = items[0];
  else if (items.length > 1) out.items = { anyOf: items };
  if (d.ordered && d.ordered.length > 0) out.prefixItems = d.ordered.map(convert);
  for (const rule of d.rules ?? []) {
    const limit = rule.args?.limit;
    if (rule.name === 'min') out.minItems = limit;
    else if (rule.name === 'max') out.maxItems = limit;
    else if (rule.name === 'length') {
      out.minItems = limit;
      out.maxItems = limit;
    } else if (rule.name === 'unique') out.uniqueItems = true;
  }
  return out;
}

function objectSchema(d: Description): JsonSchema {
  const out: JsonSchema = { type: 'object' };
  if (d.keys) {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const [key, child] of Object.entries(d.keys)) {
      const presence = child.flags?.presence;
      if (presence === 'forbidden') continue;
      properties[key] = convert(child);
      if (presence === 'required') required.push(key);
    }
    out.properties = properties;
    if (required.length > 0) out.required = required;
  }
  if (d.patterns && d.patterns.length > 0) {
    const patternProperties: Record<string, JsonSchema> = {};
    for (const pattern of d.patterns) {
      if (pattern.regex) patternProperties[regexSource(pattern.regex)] = convert(pattern.rule);
      else out.additionalProperties = convert(pattern.rule);
    }
    if (Object.keys(patternProperties).length > 0) out.patternProperties = patternProperties;
  }
  // joi refuses keys it does not know unless .unknown(); an object without keys takes anything.
  if (out.additionalProperties === undefined) {
    const unknownAllowed = d.flags?.unknown === true || d.keys === undefined;
    if (!unknownAllowed) out.additionalProperties = false;
  }
  return out;
}

function alternativesSchema(d: Description): JsonSchema {
  const options: JsonSchema[] = [];
  for (const match of d.matches ?? []) {
    if (match.schema) options.push(convert(match.schema));
    if (match.then) options.push(convert(match.then));
    if (match.otherwise) options.push(convert(match.otherwise));
  }
  if (options.length === 0) return {};
  if (options.length === 1) return options[0]!;
  return d.flags?.match === 'one' ? { oneOf: options } : { anyOf: options };
}

function nullable(schema: JsonSchema): JsonSchema {
  if (typeof schema.type === 'string') return { ...schema, type: [schema.type, 'null'] };
  if (Array.isArray(schema.type)) return schema.type.includes('null') ? schema : { ...schema, type: [...schema.type, 'null'] };
  if (Object.keys(schema).length === 0) return schema;
  return { anyOf: [schema, { type: 'null' }] };
}

function withoutTypeConstraints(schema: JsonSchema): JsonSchema {
  const { description, default: defaultValue } = schema;
  const out: JsonSchema = {};
  if (description !== undefined) out.description = description;
  if (defaultValue !== undefined) out.default = defaultValue;
  return out;
}

function jsonTypesOf(values: unknown[]): string | string[] {
  const types = [...new Set(values.map((value) => (value === null ? 'null' : Number.isInteger(value) ? 'integer' : typeof value)))];
  const normalized = types.includes('number') ? types.filter((t) => t !== 'integer') : types;
  return normalized.length === 1 ? normalized[0]! : normalized;
}

function regexSource(regex: unknown): string {
  const text = String(regex);
  const match = /^\/(.*)\/[a-z]*$/s.exec(text);
  return match ? match[1]! : text;
}

function isJoiReference(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'ref' in value;
}
