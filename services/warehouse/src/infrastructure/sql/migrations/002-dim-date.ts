import { dateDimensionRows } from '../../../domain/calendar/date-dimension';
import { inSchema, type SqlSession } from '../sql-session';

const INSERT_DIM_DATE = `
INSERT INTO {dw}.dim_date
SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(
  date_key integer, date date, year smallint, quarter smallint, month smallint, month_name text,
  month_name_pt text, iso_year smallint, iso_week smallint, day_of_week smallint, day_name text,
  is_weekend boolean, is_holiday boolean, is_optional_holiday boolean, holiday_name text, holiday_kind text)
ON CONFLICT (date_key) DO NOTHING`;

/** Fills dim_date from the pure calendar of the domain (holidays included). */
export async function loadDateDimension(session: SqlSession, schema: string): Promise<void> {
  await session.query(inSchema(INSERT_DIM_DATE, schema), [JSON.stringify(dateDimensionRows())]);
}
