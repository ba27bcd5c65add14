import { copyRows, withTransaction, type Pool } from '@mercado/postgres';
import { DERIVE, DERIVE_AND_REFRESH, LOCK_SCHEMA, SESSION_SETUP } from './apply-batch.statements';
import { inSchema, WAREHOUSE_SCHEMA } from './sql-session';

/** One sample address of Olist's geolocation file. */
export interface GeolocationRow {
  zip_prefix: string;
  latitude: number | string;
  longitude: number | string;
  city: string;
  state: string;
}

export interface GeolocationLoad {
  /** Sample rows read. */
  rows: number;
  /** Zip prefixes of this load whose point was written to dim_geolocation. */
  zipPrefixes: number;
  /** Samples of this load ignored because they lie outside Brazil. */
  outsideBrazil: number;
}

/**
 * Brazil's bounding box (its extreme points, −33.75/5.27 and −73.99/−34.79, with a little margin),
 * both ends included; Olist has a few samples in Europe and at sea.
 */
export const BRAZIL_BOX = { minLatitude: -34, maxLatitude: 5.5, minLongitude: -74.5, maxLongitude: -34.5 } as const;
const BRAZIL = BRAZIL_BOX;

const CREATE_STAGING = `
CREATE TEMP TABLE dw_geolocation_staging (
  zip_prefix text NOT NULL, latitude double precision NOT NULL, longitude double precision NOT NULL,
  city text NOT NULL, state text NOT NULL
) ON COMMIT DROP`;

// The representative point of a zip prefix is the median latitude and the median longitude of all
// its samples received inside Brazil (robust to the odd far-away sample, unlike the mean); its city
// and state are the most frequent among those samples (ties: the first in alphabetical order).
const AGGREGATE = `
WITH received AS (
  INSERT INTO {dw}.stg_geolocation (zip_prefix, latitude, longitude, city, state)
  SELECT zip_prefix, latitude, longitude, city, state FROM pg_temp.dw_geolocation_staging
  RETURNING zip_prefix
), samples AS (
  SELECT s.*, s.latitude BETWEEN ${BRAZIL.minLatitude} AND ${BRAZIL.maxLatitude}
              AND s.longitude BETWEEN ${BRAZIL.minLongitude} AND ${BRAZIL.maxLongitude} AS inside
  FROM (
    -- Every sample of the zip prefixes in this load: those stored before, and this load's own (which
    -- the insert above makes visible only after the statement).
    SELECT g.* FROM {dw}.stg_geolocation g WHERE g.zip_prefix IN (SELECT zip_prefix FROM pg_temp.dw_geolocation_staging)
    UNION ALL
    SELECT l.* FROM pg_temp.dw_geolocation_staging l
  ) s
), points AS (
  SELECT zip_prefix,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY latitude) FILTER (WHERE inside) AS latitude,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY longitude) FILTER (WHERE inside) AS longitude,
         mode() WITHIN GROUP (ORDER BY city) FILTER (WHERE inside) AS city,
         mode() WITHIN GROUP (ORDER BY state) FILTER (WHERE inside) AS state,
         count(*) FILTER (WHERE inside) AS samples,
         count(*) FILTER (WHERE NOT inside) AS outside_brazil
  FROM samples GROUP BY zip_prefix
), written AS (
  INSERT INTO {dw}.dim_geolocation AS g (zip_prefix, latitude, longitude, city, state, samples, outside_brazil)
  SELECT zip_prefix, latitude::numeric(9,6), longitude::numeric(9,6), city, state, samples, outside_brazil
  FROM points WHERE samples > 0
  ON CONFLICT (zip_prefix) DO UPDATE SET
    latitude = excluded.latitude, longitude = excluded.longitude, city = excluded.city, state = excluded.state,
    samples = excluded.samples, outside_brazil = excluded.outside_brazil
  RETURNING zip_prefix
), touched AS (
  -- Deliveries between these zip prefixes change distance: re-derive them and their marts.
  INSERT INTO pg_temp.dw_touched_order (order_id, parts)
  SELECT d.order_id, ${DERIVE.DELIVERY} FROM {dw}.fact_deliveries d
  WHERE d.seller_zip_prefix IN (SELECT zip_prefix FROM written) OR d.customer_zip_prefix IN (SELECT zip_prefix FROM written)
  ON CONFLICT (order_id) DO UPDATE SET parts = dw_touched_order.parts | excluded.parts
)
SELECT (SELECT count(*) FROM written)::integer AS zip_prefixes,
       (SELECT count(*) FROM pg_temp.dw_geolocation_staging l
        WHERE NOT (l.latitude BETWEEN ${BRAZIL.minLatitude} AND ${BRAZIL.maxLatitude}
                   AND l.longitude BETWEEN ${BRAZIL.minLongitude} AND ${BRAZIL.maxLongitude}))::integer AS outside_brazil`;

/**
 * Loads Olist's geolocation samples: streams them with COPY into a staging table, keeps them with the
 * samples received before (the file may come in several loads), re-aggregates the point of every zip
 * prefix of this load from all its samples into dim_geolocation, and re-derives the deliveries whose
 * distance it changes, all in one transaction. `rows` is read as it comes; the file is never held in
 * memory. Loading the same samples twice doubles them, which moves no median and no most frequent city.
 */
export async function loadGeolocation(
  pool: Pool,
  rows: AsyncIterable<GeolocationRow> | Iterable<GeolocationRow>,
  options: { schema?: string } = {},
): Promise<GeolocationLoad> {
  const schema = options.schema ?? WAREHOUSE_SCHEMA;
  return withTransaction(pool, async (tx) => {
    await tx.query(CREATE_STAGING);
    const copied = await copyRows(
      tx,
      'dw_geolocation_staging',
      ['zip_prefix', 'latitude', 'longitude', 'city', 'state'],
      (async function* () {
        for await (const row of rows) yield [row.zip_prefix, row.latitude, row.longitude, row.city, row.state];
      })(),
    );
    await tx.query(SESSION_SETUP);
    await tx.query(LOCK_SCHEMA, [schema]);
    const { rows: result } = await tx.query<{ zip_prefixes: number; outside_brazil: number }>(inSchema(AGGREGATE, schema));
    await tx.query(inSchema(DERIVE_AND_REFRESH, schema));
    return { rows: copied, zipPrefixes: result[0]!.zip_prefixes, outsideBrazil: result[0]!.outside_brazil };
  });
}
