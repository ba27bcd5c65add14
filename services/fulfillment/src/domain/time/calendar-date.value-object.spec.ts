import { InvalidFieldError } from '../shared/fulfillment-domain-error';
import { CalendarDate } from './calendar-date.value-object';

describe('CalendarDate', () => {
  it('parses a date and Olist midnight timestamps, and prints YYYY-MM-DD', () => {
    expect(CalendarDate.parse('2017-10-18').toString()).toBe('2017-10-18');
    expect(CalendarDate.parse('2017-10-18 00:00:00').toString()).toBe('2017-10-18');
    expect(JSON.stringify({ d: CalendarDate.parse('2016-02-29') })).toBe('{"d":"2016-02-29"}');
  });

  it.each(['2017-10-18 10:00:00', '2017-02-29', '2017-13-01', '18/10/2017', '', '2017-1-1'])(
    'refuses %j, naming the field',
    (text) => {
      const error = (() => {
        try {
          CalendarDate.parse(text, 'order_estimated_delivery_date');
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(InvalidFieldError);
      expect((error as InvalidFieldError).field).toBe('order_estimated_delivery_date');
    },
  );

  it('refuses a non-integer day number and an impossible date', () => {
    expect(() => CalendarDate.fromEpochDay(1.5)).toThrow(InvalidFieldError);
    expect(() => CalendarDate.of(2018, 2, 30)).toThrow(InvalidFieldError);
    expect(() => CalendarDate.parse(undefined as unknown as string)).toThrow(InvalidFieldError);
  });

  it('counts whole days between dates, across months, years and leap days', () => {
    const a = CalendarDate.parse('2016-02-28');
    expect(a.daysUntil(CalendarDate.parse('2016-03-01'))).toBe(2);
    expect(CalendarDate.parse('2017-12-31').daysUntil(CalendarDate.parse('2018-01-01'))).toBe(1);
    expect(CalendarDate.parse('2018-01-01').daysUntil(CalendarDate.parse('2017-12-25'))).toBe(-7);
    expect(a.addDays(2).toString()).toBe('2016-03-01');
    expect(a.addDays(-59).toString()).toBe('2015-12-31');
  });

  it('compares', () => {
    const a = CalendarDate.parse('2018-01-01');
    const b = CalendarDate.parse('2018-01-02');
    expect(a.isBefore(b)).toBe(true);
    expect(b.isAfter(a)).toBe(true);
    expect(a.isAfter(a)).toBe(false);
    expect(a.compareTo(b)).toBe(-1);
    expect(b.compareTo(a)).toBe(1);
    expect(a.compareTo(CalendarDate.of(2018, 1, 1))).toBe(0);
    expect(a.equals(CalendarDate.of(2018, 1, 1))).toBe(true);
  });

  it('knows the day of the week, before and after 1970', () => {
    expect(CalendarDate.parse('2017-10-02').dayOfWeek).toBe(1); // a Monday
    expect(CalendarDate.parse('2017-10-07').isWeekend()).toBe(true); // Saturday
    expect(CalendarDate.parse('2017-10-08').isWeekend()).toBe(true); // Sunday
    expect(CalendarDate.parse('1969-12-31').dayOfWeek).toBe(3); // a Wednesday
  });

  it('adds business days skipping weekends', () => {
    const friday = CalendarDate.parse('2017-10-06');
    expect(friday.addBusinessDays(0).toString()).toBe('2017-10-06');
    expect(friday.addBusinessDays(1).toString()).toBe('2017-10-09'); // Monday
    expect(friday.addBusinessDays(5).toString()).toBe('2017-10-13');
    expect(CalendarDate.parse('2017-10-07').addBusinessDays(1).toString()).toBe('2017-10-09'); // from Saturday
    expect(() => friday.addBusinessDays(-1)).toThrow(InvalidFieldError);
  });
});
