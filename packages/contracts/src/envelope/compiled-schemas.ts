import type Joi from 'joi';

// joi merges the options passed to validate() into the schema's preferences on every call; a schema
// with its preferences set once (`prefs`) skips that merge (about 15% of a small schema's check).
const STRICT = { abortEarly: false, convert: false, allowUnknown: false } as const;
const TOLERANT = { abortEarly: false, convert: false, allowUnknown: true } as const;

const strict = new WeakMap<Joi.Schema, Joi.Schema>();
const tolerant = new WeakMap<Joi.Schema, Joi.Schema>();

function compiled(cache: WeakMap<Joi.Schema, Joi.Schema>, schema: Joi.Schema, preferences: Joi.ValidationOptions): Joi.Schema {
  let prepared = cache.get(schema);
  if (prepared === undefined) {
    prepared = schema.prefs(preferences);
    cache.set(schema, prepared);
  }
  return prepared;
}

/** The schema checking every field and refusing unknown keys (what producers are held to). */
export function strictSchema(schema: Joi.Schema): Joi.Schema {
  return compiled(strict, schema, STRICT);
}

/** The schema checking every field and accepting unknown keys (the tolerant reader of inbound data). */
export function tolerantSchema(schema: Joi.Schema): Joi.Schema {
  return compiled(tolerant, schema, TOLERANT);
}
