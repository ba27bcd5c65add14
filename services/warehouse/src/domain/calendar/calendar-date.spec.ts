import {
  addDays,
  dateFromKey,
  dateKey,
  daysBetween,
  eachDate,
  InvalidDateError,
  isoDate,
  isoDayOfWeek,
  isoWeekOf,
  parseIsoDate,
} from './calendar-date';

describe('calendar dates', () => {
  it('parses and rejects', () => {
    expect(parseIsoDate('2016-02-29')).toEqual({ year: 2016, month: 2, day: 29 });
    expect(() => parseIsoDate('2017-02-29')).toThrow(InvalidDateError);
    expect(() => parseIsoDate('2017-2-1')).toThrow('not a calendar date YYYY-MM-DD: 2017-2-1');
  });

  it('adds days across months, leap days and summer-time changes', () => {
    expect(addDays('2016-02-28', 1)).toBe('2016-02-29');
    expect(addDays('2017-10-14', 1)).toBe('2017-10-15');
    expect(addDays('2018-01-01', -1)).toBe('2017-12-31');
    expect(daysBetween('2018-01-03', '2018-01-09')).toBe(6);
    expect(daysBetween('2018-07-24', '2018-06-18')).toBe(-36);
    expect(isoDate(2018, 13, 1)).toBe('2019-01-01');
  });

  it('makes yyyymmdd keys and back', () => {
    expect(dateKey('2017-02-28')).toBe(20170228);
    expect(dateFromKey(20170228)).toBe('2017-02-28');
    expect(() => dateFromKey(20170230)).toThrow(InvalidDateError);
  });

  it('numbers the days of the week from Monday', () => {
    expect(isoDayOfWeek('2018-01-01')).toBe(1);
    expect(isoDayOfWeek('2017-12-31')).toBe(7);
    expect(isoDayOfWeek('2017-02-28')).toBe(2);
  });

  it('iterates inclusively', () => {
    expect([...eachDate('2016-12-30', '2017-01-02')]).toEqual(['2016-12-30', '2016-12-31', '2017-01-01', '2017-01-02']);
    expect([...eachDate('2017-01-02', '2017-01-01')]).toEqual([]);
  });
});

describe('ISO weeks at year boundaries', () => {
  it.each([
    ['2016-01-01', 2015, 53],
    ['2016-01-03', 2015, 53],
    ['2016-01-04', 2016, 1],
    ['2017-01-01', 2016, 52],
    ['2017-01-02', 2017, 1],
    ['2018-01-01', 2018, 1],
    ['2018-12-31', 2019, 1],
    ['2019-12-30', 2020, 1],
    ['2020-12-31', 2020, 53],
    ['2021-01-03', 2020, 53],
    ['2021-01-04', 2021, 1],
    ['2026-12-31', 2026, 53],
    ['2027-01-01', 2026, 53],
    ['2027-01-04', 2027, 1],
    ['2030-12-30', 2031, 1],
    ['2017-06-15', 2017, 24],
  ])('%s is week %i-W%i', (date, isoYear, isoWeek) => {
    expect(isoWeekOf(date)).toEqual({ isoYear, isoWeek });
  });

  it('weeks start on Mondays and each ISO year has 52 or 53 of them (2016-2030)', () => {
    const weeksPerYear = new Map<number, number>();
    let previous = isoWeekOf('2015-12-31');
    for (const date of eachDate('2016-01-01', '2030-12-31')) {
      const week = isoWeekOf(date);
      if (isoDayOfWeek(date) === 1) {
        expect(week.isoWeek === previous.isoWeek + 1 || (week.isoWeek === 1 && week.isoYear === previous.isoYear + 1)).toBe(true);
      } else {
        expect(week).toEqual(previous);
      }
      weeksPerYear.set(week.isoYear, Math.max(weeksPerYear.get(week.isoYear) ?? 0, week.isoWeek));
      previous = week;
    }
    for (const year of [2016, 2017, 2018, 2019, 2021, 2022, 2023, 2024, 2025, 2027, 2028, 2029, 2030]) expect(weeksPerYear.get(year)).toBe(52);
    expect(weeksPerYear.get(2020)).toBe(53);
    expect(weeksPerYear.get(2026)).toBe(53);
  });
});
