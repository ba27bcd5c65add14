import { deliveryLateness } from '@mercado/contracts';
import { daysLate, deliveryDays, isLate } from './delivery-timing';

describe('delivery timing', () => {
  it('measures delivery days as a decimal number', () => {
    expect(deliveryDays('2018-06-12T09:51:55-03:00', '2018-06-18T18:20:48-03:00')).toBeCloseTo((6 * 86_400 + 8 * 3600 + 28 * 60 + 53) / 86_400, 9);
    expect(deliveryDays('2018-01-01T00:00:00-02:00', '2018-01-02T12:00:00-02:00')).toBe(1.5);
  });

  it('counts lateness in São Paulo calendar days, as the shipment contract does', () => {
    const cases: [string, string, number][] = [
      ['2018-06-18T18:20:48-03:00', '2018-07-24', -36],
      ['2018-01-09T18:04:58-02:00', '2018-01-03', 6],
      ['2018-02-06T15:49:01-02:00', '2018-02-06', 0],
      // 23:30 local on the promised day, already the next day in UTC: on time.
      ['2018-06-13T02:30:00Z', '2018-06-12', 0],
      ['2018-06-13T03:30:00Z', '2018-06-12', 1],
    ];
    for (const [deliveredAt, promised, expected] of cases) {
      expect(daysLate(deliveredAt, promised)).toBe(expected);
      expect(deliveryLateness(deliveredAt, promised).days_late).toBe(expected);
      expect(isLate(deliveredAt, promised)).toBe(expected > 0);
    }
  });
});
