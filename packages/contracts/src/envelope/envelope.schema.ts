import Joi from 'joi';
import { timestampSchema } from '../schemas/common.schema';
import { UUID_V7_PATTERN } from './uuid-v7';

export const EVENT_TYPE_PATTERN = /^[a-z][a-z0-9]*(\.[a-z][a-z0-9]*(-[a-z0-9]+)*){2,}$/;
export const TRACEPARENT_PATTERN = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

/**
 * The envelope attributes. `data` is checked here only for being an object; its schema is the event
 * definition's. Unknown attributes are accepted only as CloudEvents extension attributes (lowercase
 * letters and digits, at most 20 characters), so a future extension does not poison old consumers.
 */
export const envelopeSchema = Joi.object({
  id: Joi.string().pattern(UUID_V7_PATTERN, 'UUIDv7').required(),
  type: Joi.string().pattern(EVENT_TYPE_PATTERN, 'event type').required(),
  source: Joi.string().uri({ allowRelative: true }).max(256).required(),
  subject: Joi.string().min(1).max(256).required(),
  time: timestampSchema.required(),
  specversion: Joi.string().valid('1.0').required(),
  datacontenttype: Joi.string().valid('application/json').required(),
  dataschema: Joi.string()
    .pattern(/^urn:mercado:[a-z0-9.-]+:[1-9]\d*$/, 'urn:mercado:<type>:<version>')
    .required(),
  dataversion: Joi.number().integer().min(1).strict().required(),
  correlationid: Joi.string().min(1).max(128),
  causationid: Joi.string().min(1).max(128),
  traceparent: Joi.string().pattern(TRACEPARENT_PATTERN, 'W3C traceparent'),
  data: Joi.object().required(),
})
  .pattern(/^[a-z0-9]{1,20}$/, Joi.any())
  .custom((envelope: { type: string; dataversion: number; dataschema: string }, helpers) => {
    const expected = `urn:mercado:${envelope.type}:${envelope.dataversion}`;
    return envelope.dataschema === expected ? envelope : helpers.error('envelope.dataschema', { expected });
  })
  .messages({ 'envelope.dataschema': 'dataschema must be {{#expected}} (type and dataversion disagree)' });
