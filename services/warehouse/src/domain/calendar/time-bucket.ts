import { isoWeekOf, parseIsoDate, type IsoDate } from './calendar-date';

export const TIME_GRAINS = ['day', 'iso_week', 'month'] as const;
export type TimeGrain = (typeof TIME_GRAINS)[number];

/**
 * The label of the period a date falls in: `2018-01-01` is day `2018-01-01`, ISO week `2018-W01`,
 * month `2018-01`. Labels sort in time order.
 */
export function timeBucket(date: IsoDate, grain: TimeGrain): string {
  switch (grain) {
    case 'day':
      parseIsoDate(date);
      return date;
    case 'iso_week': {
      const { isoYear, isoWeek } = isoWeekOf(date);
      return `${isoYear}-W${String(isoWeek).padStart(2, '0')}`;
    }
    case 'month':
      parseIsoDate(date);
      return date.slice(0, 7);
  }
}

export function isTimeGrain(name: string): name is TimeGrain {
  return (TIME_GRAINS as readonly string[]).includes(name);
}

/** The month key of the marts, yyyymm (2017-02-28 → 201702). */
export function monthKey(date: IsoDate): number {
  const { year, month } = parseIsoDate(date);
  return year * 100 + month;
}

/** "2017-02" → 201702. */
export function monthKeyOf(month: string): number {
  return monthKey(`${month}-01`);
}
