import { brazilianHolidays, type Holiday, type HolidayKind } from './brazilian-holidays';
import { dateKey, eachDate, isoDayOfWeek, isoWeekOf, parseIsoDate, type IsoDate } from './calendar-date';

/** One row of dim_date (grain: one calendar day). */
export interface DateDimensionRow {
  date_key: number;
  date: IsoDate;
  year: number;
  quarter: number;
  month: number;
  month_name: string;
  month_name_pt: string;
  iso_year: number;
  iso_week: number;
  /** ISO: Monday 1 … Sunday 7. */
  day_of_week: number;
  day_name: string;
  is_weekend: boolean;
  /** A national holiday by law (not an optional day). */
  is_holiday: boolean;
  /** A national optional day ("ponto facultativo"): Carnaval, Corpus Christi. */
  is_optional_holiday: boolean;
  holiday_name: string | null;
  holiday_kind: HolidayKind | null;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTHS_PT = ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** The first and last day dim_date covers: Olist starts in 2016; the platform runs on. */
export const DATE_DIMENSION_RANGE = { from: '2016-01-01', to: '2030-12-31' } as const;

/** The rows of dim_date for every day from `from` to `to`, both included. */
export function dateDimensionRows(from: IsoDate = DATE_DIMENSION_RANGE.from, to: IsoDate = DATE_DIMENSION_RANGE.to): DateDimensionRow[] {
  const holidays = new Map<IsoDate, Holiday[]>();
  for (let year = parseIsoDate(from).year; year <= parseIsoDate(to).year; year++) {
    for (const holiday of brazilianHolidays(year)) holidays.set(holiday.date, [...(holidays.get(holiday.date) ?? []), holiday]);
  }
  const rows: DateDimensionRow[] = [];
  for (const date of eachDate(from, to)) {
    const { year, month } = parseIsoDate(date);
    const { isoYear, isoWeek } = isoWeekOf(date);
    const dayOfWeek = isoDayOfWeek(date);
    const today = holidays.get(date) ?? [];
    // A national holiday outranks an optional day falling on the same date.
    const shown = today.find((h) => h.kind === 'national') ?? today[0];
    rows.push({
      date_key: dateKey(date),
      date,
      year,
      quarter: Math.floor((month - 1) / 3) + 1,
      month,
      month_name: MONTHS[month - 1]!,
      month_name_pt: MONTHS_PT[month - 1]!,
      iso_year: isoYear,
      iso_week: isoWeek,
      day_of_week: dayOfWeek,
      day_name: DAYS[dayOfWeek - 1]!,
      is_weekend: dayOfWeek >= 6,
      is_holiday: today.some((h) => h.kind === 'national'),
      is_optional_holiday: today.some((h) => h.kind === 'optional'),
      holiday_name: today.length > 0 ? today.map((h) => h.name).join(' / ') : null,
      holiday_kind: shown?.kind ?? null,
    });
  }
  return rows;
}
