import { CalendarDate } from '../time/calendar-date.value-object';
import { olistLocalToInstant } from '../time/sao-paulo-time';
import { deliveryLateness } from './delivery-lateness';

const promised = (text: string) => CalendarDate.parse(text);

describe('deliveryLateness', () => {
  it('is on time with 0 days late when delivered on the promised day, up to 23:59:59 local', () => {
    expect(deliveryLateness(olistLocalToInstant('2017-10-18 00:00:00'), promised('2017-10-18'))).toEqual({
      daysLate: 0,
      onTime: true,
    });
    expect(deliveryLateness(olistLocalToInstant('2017-10-18 23:59:59'), promised('2017-10-18'))).toEqual({
      daysLate: 0,
      onTime: true,
    });
  });

  it('is one day late from 00:00 local the next day', () => {
    expect(deliveryLateness(olistLocalToInstant('2017-10-19 00:00:00'), promised('2017-10-18'))).toEqual({
      daysLate: 1,
      onTime: false,
    });
  });

  it('counts early deliveries as negative days', () => {
    expect(deliveryLateness(olistLocalToInstant('2017-10-10 21:25:13'), promised('2017-10-18'))).toEqual({
      daysLate: -8,
      onTime: true,
    });
  });

  it('uses the São Paulo date in summer time (UTC-2), not UTC nor a fixed UTC-3', () => {
    // 2018-02-07T01:30Z is 2018-02-06 23:30 in São Paulo (summer time): still the promised day.
    expect(deliveryLateness(new Date('2018-02-07T01:30:00Z'), promised('2018-02-06'))).toEqual({
      daysLate: 0,
      onTime: true,
    });
    // 2017-12-10T02:30Z is 00:30 on the 10th at UTC-2 (a fixed UTC-3 would say 23:30 on the 9th).
    expect(deliveryLateness(new Date('2017-12-10T02:30:00Z'), promised('2017-12-09'))).toEqual({
      daysLate: 1,
      onTime: false,
    });
  });

  it('uses the São Paulo date across the end of summer time', () => {
    // 2017-02-19T02:30Z: clocks had fallen back to 23:30 on the 18th.
    expect(deliveryLateness(new Date('2017-02-19T02:30:00Z'), promised('2017-02-18'))).toEqual({
      daysLate: 0,
      onTime: true,
    });
    expect(deliveryLateness(new Date('2017-02-19T03:00:00Z'), promised('2017-02-18'))).toEqual({
      daysLate: 1,
      onTime: false,
    });
  });

  it('uses the São Paulo date across the start of summer time', () => {
    // 2017-10-15T03:00Z: clocks jumped from 00:00 to 01:00 on the 15th.
    expect(deliveryLateness(new Date('2017-10-15T02:59:59Z'), promised('2017-10-14'))).toEqual({
      daysLate: 0,
      onTime: true,
    });
    expect(deliveryLateness(new Date('2017-10-15T03:00:00Z'), promised('2017-10-14'))).toEqual({
      daysLate: 1,
      onTime: false,
    });
  });

  it('matches the published contract fixtures', () => {
    expect(deliveryLateness(new Date('2018-06-18T18:20:48-03:00'), promised('2018-07-24'))).toEqual({
      daysLate: -36,
      onTime: true,
    });
    expect(deliveryLateness(new Date('2018-01-09T18:04:58-02:00'), promised('2018-01-03'))).toEqual({
      daysLate: 6,
      onTime: false,
    });
  });
});
