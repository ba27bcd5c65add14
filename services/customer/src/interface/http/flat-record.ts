import { entityIdSchema } from '@mercado/contracts';
import Joi from 'joi';

/**
 * The shape of an import line with flat fields (an Olist CSV row as JSON), declared once: it gives
 * both the JSON Schema the OpenAPI document shows and the check each line goes through (joi itself
 * took as long per line as importing it). Values are left to the domain, which names the column.
 */
export type FieldKind =
  | { kind: 'id' }
  | { kind: 'text'; required: boolean; max?: number }
  | { kind: 'whole-number'; required: boolean };

export type RecordShape = Readonly<Record<string, FieldKind>>;

export interface RecordFault {
  field: string | null;
  reason: string;
}

/** The contract's id pattern (entityIdSchema). */
const ID = /^[0-9A-Za-z][0-9A-Za-z_-]{0,63}$/;
const DIGITS = /^\s*\d+\s*$/;

export function checkRecord(shape: RecordShape, value: unknown): RecordFault[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [{ field: null, reason: 'must be an object' }];
  const record = value as Record<string, unknown>;
  const faults: RecordFault[] = [];
  for (const [field, kind] of Object.entries(shape)) {
    const v = record[field];
    const required = kind.kind === 'id' || kind.required;
    if (v === undefined || (v === null && required)) {
      if (required) faults.push({ field, reason: 'is required' });
      continue;
    }
    if (v === null) continue;
    if (kind.kind === 'id') {
      if (typeof v !== 'string') faults.push({ field, reason: 'must be a string' });
      else if (!ID.test(v)) faults.push({ field, reason: 'fails to match the id pattern' });
    } else if (kind.kind === 'text') {
      if (typeof v !== 'string') faults.push({ field, reason: 'must be a string' });
      else if (kind.max !== undefined && v.length > kind.max) faults.push({ field, reason: `must be at most ${kind.max} characters` });
    } else if (!((typeof v === 'number' && Number.isInteger(v) && v >= 0) || (typeof v === 'string' && DIGITS.test(v)))) {
      faults.push({ field, reason: 'must be a whole number (or its digits as text)' });
    }
  }
  for (const field of Object.keys(record)) if (!(field in shape)) faults.push({ field, reason: 'is not allowed' });
  return faults;
}

/** The same shape as a joi schema, for the OpenAPI document (and to hold the check to it in tests). */
export function recordSchema(shape: RecordShape): Joi.ObjectSchema {
  const keys: Record<string, Joi.Schema> = {};
  for (const [field, kind] of Object.entries(shape)) {
    if (kind.kind === 'id') keys[field] = entityIdSchema.required();
    else if (kind.kind === 'text') {
      const text = kind.max === undefined ? Joi.string().allow('') : Joi.string().allow('').max(kind.max);
      keys[field] = kind.required ? text.required() : text.allow(null);
    } else {
      const number = Joi.alternatives(Joi.number().integer().min(0), Joi.string().pattern(DIGITS, 'digits'));
      keys[field] = kind.required ? number.required() : number.allow(null);
    }
  }
  return Joi.object(keys);
}

export const OLIST_CUSTOMER_SHAPE: RecordShape = {
  customer_id: { kind: 'id' },
  customer_unique_id: { kind: 'id' },
  customer_zip_code_prefix: { kind: 'text', required: true },
  customer_city: { kind: 'text', required: true },
  customer_state: { kind: 'text', required: true },
};

/** Title and message limits are the published event's (customer.review.submitted v1). */
export const OLIST_REVIEW_SHAPE: RecordShape = {
  review_id: { kind: 'id' },
  order_id: { kind: 'id' },
  review_score: { kind: 'whole-number', required: true },
  review_comment_title: { kind: 'text', required: false, max: 500 },
  review_comment_message: { kind: 'text', required: false, max: 5000 },
  review_creation_date: { kind: 'text', required: true },
  review_answer_timestamp: { kind: 'text', required: false },
};
