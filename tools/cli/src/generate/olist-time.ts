// Olist's timestamps are local wall-clock times without a zone. The generator computes them as seconds on a
// zone-less clock (UTC arithmetic, no daylight saving) and formats `YYYY-MM-DD HH:MM:SS` from tables.

export const SECONDS_PER_DAY = 86_400;

const FIRST_DAY = Date.UTC(2016, 0, 1) / 1000 / SECONDS_PER_DAY;
const DAY_COUNT = 366 * 5;
const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const DAYS: readonly string[] = Array.from({ length: DAY_COUNT }, (_, i) =>
  new Date((FIRST_DAY + i) * SECONDS_PER_DAY * 1000).toISOString().slice(0, 10),
);

/** Seconds since 1970-01-01 00:00:00 on the zone-less clock. */
export function localSeconds(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  return Date.UTC(year, month - 1, day, hour, minute, second) / 1000;
}

/** `YYYY-MM-DD HH:MM:SS` for dates from 2016 to 2020. */
export function formatLocal(seconds: number): string {
  const day = Math.floor(seconds / SECONDS_PER_DAY);
  const date = DAYS[day - FIRST_DAY];
  if (date === undefined) throw new RangeError(`date out of the generator's range: ${seconds}`);
  let rest = seconds - day * SECONDS_PER_DAY;
  const hour = Math.floor(rest / 3600);
  rest -= hour * 3600;
  const minute = Math.floor(rest / 60);
  return `${date} ${TWO_DIGITS[hour]}:${TWO_DIGITS[minute]}:${TWO_DIGITS[rest - minute * 60]}`;
}

/** Midnight of the day holding `seconds`. */
export function startOfDay(seconds: number): number {
  return Math.floor(seconds / SECONDS_PER_DAY) * SECONDS_PER_DAY;
}
