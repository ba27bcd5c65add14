import { currentStatus, isKept, ORDER_STATUS_OF_EVENT, ORDER_STATUS_RANK, ORDER_STATUSES } from './order-status';

describe('order status by lifecycle rank', () => {
  it('takes the furthest status whatever the arrival order', () => {
    expect(currentStatus([])).toBe('created');
    expect(currentStatus(['delivered', 'approved', 'shipped'])).toBe('delivered');
    expect(currentStatus(['approved', 'delivered', 'shipped', 'created'])).toBe('delivered');
    expect(currentStatus(['delivered', 'canceled'])).toBe('canceled');
    expect(currentStatus(['canceled', 'unavailable'])).toBe('canceled');
    expect(currentStatus(['processing', 'unavailable'])).toBe('unavailable');
  });

  it('ranks every status once and maps every order event', () => {
    expect(new Set(Object.values(ORDER_STATUS_RANK)).size).toBe(ORDER_STATUSES.length);
    expect(new Set(Object.values(ORDER_STATUS_OF_EVENT))).toEqual(new Set(ORDER_STATUSES));
  });

  it('keeps every order but canceled and unavailable ones', () => {
    expect(ORDER_STATUSES.filter(isKept)).toEqual(['created', 'approved', 'invoiced', 'processing', 'shipped', 'delivered']);
  });
});
