import { readNdjson, type RouteDefinition } from '@mercado/service-kit';
import Joi from 'joi';
import { type GeolocationLoad, type GeolocationRow } from '../../infrastructure/sql/geolocation.loader';

/** One line of the body: a row of olist_geolocation_dataset.csv under its own column names. */
const geolocationRecord = Joi.object({
  geolocation_zip_code_prefix: Joi.string()
    .pattern(/^\d{5}$/)
    .required()
    .messages({ 'string.pattern.base': '{{#label}} must be five digits (leading zeros kept)' }),
  geolocation_lat: Joi.number().min(-90).max(90).required(),
  geolocation_lng: Joi.number().min(-180).max(180).required(),
  geolocation_city: Joi.string().min(1).max(200).required(),
  geolocation_state: Joi.string()
    .pattern(/^[A-Z]{2}$/)
    .required()
    .messages({ 'string.pattern.base': '{{#label}} must be a two-letter state, e.g. SP' }),
}).unknown(false);

export interface GeolocationImportReject {
  line: number;
  field: string | null;
  reason: string;
}

export interface GeolocationImportSummary {
  /** Non-blank lines read. */
  received: number;
  /** Samples stored. */
  accepted: number;
  /** Zip prefixes whose point was (re)computed. */
  zipPrefixes: number;
  /** Accepted samples outside Brazil, which no point takes into account. */
  outsideBrazil: number;
  rejected: GeolocationImportReject[];
}

const summarySchema = Joi.object({
  received: Joi.number().integer(),
  accepted: Joi.number().integer(),
  zipPrefixes: Joi.number().integer(),
  outsideBrazil: Joi.number().integer(),
  rejected: Joi.array().items(Joi.object({ line: Joi.number().integer(), field: Joi.string().allow(null), reason: Joi.string() })),
});

/**
 * `POST /imports/geolocation`: Olist's geolocation samples as NDJSON, streamed line by line into the
 * loader (one transaction per request). A bad line is reported with its line number and field while
 * the others go on. The file may come in several requests: each zip prefix's point is recomputed from
 * every sample received.
 */
export function importGeolocationRoute(load: (rows: AsyncIterable<GeolocationRow>) => Promise<GeolocationLoad>): RouteDefinition {
  return {
    method: 'post',
    path: '/imports/geolocation',
    tags: ['imports'],
    summary: 'Import geolocation samples (NDJSON, one row of olist_geolocation_dataset.csv per line)',
    description:
      'Content type application/x-ndjson. Each line: `geolocation_zip_code_prefix` (five digits), `geolocation_lat`, ' +
      '`geolocation_lng` (numbers or decimal text), `geolocation_city`, `geolocation_state`. A zip prefix’s point is the ' +
      'median latitude and longitude of its samples inside Brazil (docs/metrics.md).',
    scopes: ['warehouse:write'],
    body: { type: 'ndjson', limit: '1gb' },
    responses: { 200: { description: 'What was stored and what was rejected', schema: summarySchema } },
    handler: async (req, res) => {
      const summary: GeolocationImportSummary = { received: 0, accepted: 0, zipPrefixes: 0, outsideBrazil: 0, rejected: [] };
      async function* rows(): AsyncGenerator<GeolocationRow> {
        for await (const entry of readNdjson(req)) {
          summary.received++;
          if ('error' in entry) {
            summary.rejected.push({ line: entry.line, field: null, reason: entry.error });
            continue;
          }
          const { error, value } = geolocationRecord.validate(entry.value, { abortEarly: false, convert: true });
          if (error) {
            for (const detail of error.details) summary.rejected.push({ line: entry.line, field: detail.path.join('.') || null, reason: detail.message });
            continue;
          }
          summary.accepted++;
          yield {
            zip_prefix: value.geolocation_zip_code_prefix,
            latitude: value.geolocation_lat,
            longitude: value.geolocation_lng,
            city: value.geolocation_city,
            state: value.geolocation_state,
          };
        }
      }
      const loaded = await load(rows());
      summary.zipPrefixes = loaded.zipPrefixes;
      summary.outsideBrazil = loaded.outsideBrazil;
      res.json(summary);
    },
  };
}
