/**
 * A calendar date without time or zone, as `YYYY-MM-DD`. The arithmetic below runs on UTC midnights,
 * where every day has 24 hours, so no daylight-saving change can shift a date.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export class InvalidDateError extends Error {
  override readonly name = 'InvalidDateError';
}

export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function parseIsoDate(value: IsoDate): DateParts {
  const match = ISO_DATE.exec(value);
  if (!match) throw new InvalidDateError(`not a calendar date YYYY-MM-DD: ${value}`);
  const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const check = new Date(Date.UTC(parts.year, parts.month - 1, parts.day));
  if (check.getUTCFullYear() !== parts.year || check.getUTCMonth() !== parts.month - 1 || check.getUTCDate() !== parts.day) {
    throw new InvalidDateError(`not a calendar date: ${value}`);
  }
  return parts;
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return fromUtcMs(Date.UTC(year, month - 1, day));
}

function toUtcMs(value: IsoDate): number {
  const { year, month, day } = parseIsoDate(value);
  return Date.UTC(year, month - 1, day);
}

function fromUtcMs(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(value: IsoDate, days: number): IsoDate {
  return fromUtcMs(toUtcMs(value) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** The date key of the warehouse: the integer yyyymmdd (2017-02-28 → 20170228). */
export function dateKey(value: IsoDate): number {
  const { year, month, day } = parseIsoDate(value);
  return year * 10_000 + month * 100 + day;
}

export function dateFromKey(key: number): IsoDate {
  const date = isoDate(Math.floor(key / 10_000), Math.floor(key / 100) % 100, key % 100);
  if (dateKey(date) !== key) throw new InvalidDateError(`not a date key yyyymmdd: ${key}`);
  return date;
}

/** ISO day of the week: Monday 1 … Sunday 7. */
export function isoDayOfWeek(value: IsoDate): number {
  const day = new Date(toUtcMs(value)).getUTCDay();
  return day === 0 ? 7 : day;
}

export interface IsoWeek {
  /** The ISO week-numbering year, which differs from the calendar year around 1 January. */
  readonly isoYear: number;
  /** 1..53 */
  readonly isoWeek: number;
}

/**
 * ISO 8601 week: weeks start on Monday and week 1 is the week with the year's first Thursday, so the
 * Thursday of a date's week decides the year the week belongs to.
 */
export function isoWeekOf(value: IsoDate): IsoWeek {
  const thursday = addDays(value, 4 - isoDayOfWeek(value));
  const isoYear = parseIsoDate(thursday).year;
  const isoWeek = Math.floor(daysBetween(isoDate(isoYear, 1, 1), thursday) / 7) + 1;
  return { isoYear, isoWeek };
}

/** Every date from `from` to `to`, both included. */
export function* eachDate(from: IsoDate, to: IsoDate): Generator<IsoDate> {
  const last = toUtcMs(to);
  for (let ms = toUtcMs(from); ms <= last; ms += DAY_MS) yield fromUtcMs(ms);
}
