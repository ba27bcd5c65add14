import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type Joi from 'joi';
import { ValidationError, type FieldError, type FieldLocation } from './problem';

/** joi schemas for the parts of a request; a plain key map is wrapped in Joi.object(). */
export interface RequestSchemas {
  body?: Joi.Schema;
  params?: Joi.ObjectSchema;
  query?: Joi.ObjectSchema;
}

const JOI_OPTIONS: Joi.ValidationOptions = { abortEarly: false, convert: true, errors: { wrap: { label: false } } };

/** An RFC 6901 JSON pointer for a joi path (`['items', 0, 'price']` → `/items/0/price`). */
export function jsonPointer(path: ReadonlyArray<string | number>): string {
  return path.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/**
 * joi's details as field errors. Body fields are JSON pointers; query and path parameters are named
 * as sent (`limit`). The message drops joi's leading label, since `field` names the field.
 */
export function toFieldErrors(error: Joi.ValidationError, location: FieldLocation): FieldError[] {
  return error.details.map((detail) => {
    const label = detail.context?.label;
    let message = detail.message;
    if (typeof label === 'string' && message.startsWith(`${label} `)) message = message.slice(label.length + 1);
    if (location === 'body' && detail.path.length === 0 && detail.type === 'any.required') message = 'a request body is required';
    const field = location === 'body' ? jsonPointer(detail.path) : detail.path.map(String).join('.');
    return { field, message, location };
  });
}

export interface ValidatedParts {
  body?: unknown;
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
}

/**
 * Validates the given parts and returns their converted values, or throws one ValidationError
 * listing every invalid field across body, query and path parameters.
 */
export function validateParts(schemas: RequestSchemas, parts: { body: unknown; params: unknown; query: unknown }): ValidatedParts {
  const errors: FieldError[] = [];
  const result: ValidatedParts = {};
  if (schemas.params) {
    const { error, value } = schemas.params.validate(parts.params ?? {}, JOI_OPTIONS);
    if (error) errors.push(...toFieldErrors(error, 'params'));
    else result.params = value as Record<string, unknown>;
  }
  if (schemas.query) {
    const { error, value } = schemas.query.validate(parts.query ?? {}, JOI_OPTIONS);
    if (error) errors.push(...toFieldErrors(error, 'query'));
    else result.query = value as Record<string, unknown>;
  }
  if (schemas.body) {
    const { error, value } = schemas.body.required().validate(parts.body, JOI_OPTIONS);
    if (error) errors.push(...toFieldErrors(error, 'body'));
    else result.body = value;
  }
  if (errors.length > 0) throw new ValidationError(errors);
  return result;
}

/**
 * Middleware validating body, path and query parameters with joi (every error reported, values
 * converted). The converted values replace req.body, req.params and req.query.
 */
export function validate(schemas: RequestSchemas): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    const validated = validateParts(schemas, { body: req.body, params: req.params, query: req.query });
    if (validated.body !== undefined) req.body = validated.body;
    if (validated.params) req.params = validated.params as Request['params'];
    // express 5 computes req.query through a getter; shadow it with the converted values.
    if (validated.query) Object.defineProperty(req, 'query', { value: validated.query, writable: true, configurable: true, enumerable: true });
    next();
  };
}
