import { CalendarDate } from '../time/calendar-date.value-object';
import { olistLocalToInstant } from '../time/sao-paulo-time';
import { isLateDelivery, isOverdue, type ShipmentTimeline } from './shipment-overdue.policy';

const local = olistLocalToInstant;
const shipment = (overrides: Partial<ShipmentTimeline> = {}): ShipmentTimeline => ({
  status: 'dispatched',
  createdAt: local('2017-10-02 11:07:15'),
  estimatedDeliveryDate: CalendarDate.parse('2017-10-18'),
  deliveredAt: null,
  ...overrides,
});

describe('isOverdue', () => {
  it('is not overdue on the promised day, up to its last second in São Paulo', () => {
    expect(isOverdue(shipment(), local('2017-10-18 23:59:59'))).toBe(false);
  });

  it('is overdue from 00:00 São Paulo time the next day, whether dispatched or not', () => {
    expect(isOverdue(shipment(), local('2017-10-19 00:00:00'))).toBe(true);
    expect(isOverdue(shipment({ status: 'awaiting_dispatch' }), local('2017-10-19 00:00:00'))).toBe(true);
  });

  it('uses the São Paulo date in summer time', () => {
    const december = shipment({ estimatedDeliveryDate: CalendarDate.parse('2017-12-09') });
    expect(isOverdue(december, new Date('2017-12-10T01:59:59Z'))).toBe(false); // 23:59:59 on the 9th at UTC-2
    expect(isOverdue(december, new Date('2017-12-10T02:00:00Z'))).toBe(true);
  });

  it('is not overdue once delivered, but was overdue before a late delivery', () => {
    const late = shipment({ status: 'delivered', deliveredAt: local('2017-10-25 12:00:00') });
    expect(isOverdue(late, local('2017-10-26 00:00:00'))).toBe(false);
    expect(isOverdue(late, local('2017-10-25 12:00:00'))).toBe(false);
    expect(isOverdue(late, local('2017-10-25 11:59:59'))).toBe(true);
  });

  it('is never overdue when canceled, not opened yet, or delivered without a recorded time', () => {
    expect(isOverdue(shipment({ status: 'canceled' }), local('2018-10-01 00:00:00'))).toBe(false);
    expect(isOverdue(shipment(), local('2017-10-01 00:00:00'))).toBe(false);
    expect(
      isOverdue(shipment({ status: 'delivered', deliveredAt: null }), local('2018-10-01 00:00:00')),
    ).toBe(false);
  });
});

describe('isLateDelivery', () => {
  it('is late from the day after the promised date, not on it', () => {
    const promised = CalendarDate.parse('2017-10-18');
    expect(
      isLateDelivery({ estimatedDeliveryDate: promised, deliveredAt: local('2017-10-18 23:59:59') }),
    ).toBe(false);
    expect(
      isLateDelivery({ estimatedDeliveryDate: promised, deliveredAt: local('2017-10-19 00:00:00') }),
    ).toBe(true);
    expect(isLateDelivery({ estimatedDeliveryDate: promised, deliveredAt: null })).toBe(false);
  });
});
