import { InvalidDateError, type IsoDate } from './calendar-date';

/** Olist's times, and the warehouse's calendar, are Brazilian local time. */
export const WAREHOUSE_TIME_ZONE = 'America/Sao_Paulo';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The calendar date of an instant in a time zone (by default São Paulo's, with its past summer
 * times): 2017-10-15T02:30:00Z is 2017-10-14 there. The SQL side computes the same with
 * `(ts AT TIME ZONE 'America/Sao_Paulo')::date`.
 */
export function localDate(instant: Date | string, timeZone: string = WAREHOUSE_TIME_ZONE): IsoDate {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new InvalidDateError(`not an instant: ${String(instant)}`);
  const parts = formatterFor(timeZone).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}
