import { type CalendarDate } from '../time/calendar-date.value-object';
import { saoPauloDateOf } from '../time/sao-paulo-time';

/** How a delivery compares with the promised date. */
export interface DeliveryLateness {
  /**
   * Calendar days from the estimated date to the São Paulo date of the delivery: 0 when delivered on
   * the promised day, 1 the day after, negative when early.
   */
  daysLate: number;
  /** Delivered on or before the promised day (daysLate <= 0). */
  onTime: boolean;
}

/**
 * Lateness compares calendar dates, not instants: a delivery at 23:59 São Paulo time on the promised
 * day is on time, one at 00:01 the next day is one day late, whatever the UTC offset of the day.
 */
export function deliveryLateness(deliveredAt: Date, estimatedDeliveryDate: CalendarDate): DeliveryLateness {
  const daysLate = estimatedDeliveryDate.daysUntil(saoPauloDateOf(deliveredAt));
  return { daysLate, onTime: daysLate <= 0 };
}
