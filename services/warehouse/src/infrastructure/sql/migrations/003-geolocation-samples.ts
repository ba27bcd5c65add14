/**
 * The geolocation samples as received: the file comes in chunks (the import sends NDJSON requests of
 * a few thousand rows), and a zip prefix's samples may straddle two of them, so its point is
 * aggregated from every sample received, not from the last chunk alone.
 */
export const GEOLOCATION_SAMPLES_SQL = `
-- GRAIN: one row per sample address received (a multiset: Olist repeats samples, and they count).
CREATE TABLE {dw}.stg_geolocation (
  zip_prefix text             NOT NULL,
  latitude   double precision NOT NULL,
  longitude  double precision NOT NULL,
  city       text             NOT NULL,
  state      text             NOT NULL
);
CREATE INDEX stg_geolocation_zip ON {dw}.stg_geolocation (zip_prefix);
`;
