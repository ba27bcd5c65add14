import { InvalidDateError } from './calendar-date';
import { localDate } from './local-date';
import { monthKey, monthKeyOf, timeBucket, isTimeGrain } from './time-bucket';

describe('local dates in São Paulo', () => {
  it('uses the offset of the day, summer time included', () => {
    expect(localDate('2018-06-12T23:30:00-03:00')).toBe('2018-06-12');
    expect(localDate('2018-06-13T02:30:00Z')).toBe('2018-06-12');
    // Summer time began on 2017-10-15 at 00:00 local: 02:30Z is still 23:30 of the 14th at -03:00.
    expect(localDate('2017-10-15T02:30:00Z')).toBe('2017-10-14');
    expect(localDate('2017-10-15T03:30:00Z')).toBe('2017-10-15');
    // In summer (-02:00), 01:00Z is 23:00 of the previous day.
    expect(localDate(new Date('2018-01-22T01:00:00Z'))).toBe('2018-01-21');
    expect(localDate('2018-01-22T02:00:00Z')).toBe('2018-01-22');
    expect(localDate('2018-01-22T01:00:00Z', 'UTC')).toBe('2018-01-22');
  });

  it('rejects what is not an instant', () => {
    expect(() => localDate('yesterday')).toThrow(InvalidDateError);
  });
});

describe('time buckets', () => {
  it('labels days, ISO weeks and months', () => {
    expect(timeBucket('2018-12-31', 'day')).toBe('2018-12-31');
    expect(timeBucket('2018-12-31', 'iso_week')).toBe('2019-W01');
    expect(timeBucket('2017-01-01', 'iso_week')).toBe('2016-W52');
    expect(timeBucket('2017-03-05', 'iso_week')).toBe('2017-W09');
    expect(timeBucket('2018-12-31', 'month')).toBe('2018-12');
    expect(() => timeBucket('2018-12-32', 'month')).toThrow(InvalidDateError);
    expect(isTimeGrain('iso_week')).toBe(true);
    expect(isTimeGrain('week')).toBe(false);
  });

  it('makes month keys', () => {
    expect(monthKey('2017-02-28')).toBe(201702);
    expect(monthKeyOf('2018-11')).toBe(201811);
  });
});
