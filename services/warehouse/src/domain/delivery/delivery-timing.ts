import { daysBetween, type IsoDate } from '../calendar/calendar-date';
import { localDate } from '../calendar/local-date';

const MS_PER_DAY = 86_400_000;

/** Days from purchase to delivery as a decimal number (36 hours → 1.5); negative if the data says so. */
export function deliveryDays(purchasedAt: Date | string, deliveredAt: Date | string): number {
  return (new Date(deliveredAt).getTime() - new Date(purchasedAt).getTime()) / MS_PER_DAY;
}

/**
 * Calendar days from the promised date to the local (São Paulo) date of delivery, as the shipment
 * contract counts them: negative when early, 0 on the promised day, positive when late.
 */
export function daysLate(deliveredAt: Date | string, promisedDate: IsoDate): number {
  return daysBetween(promisedDate, localDate(deliveredAt));
}

/** Late: delivered on a local calendar date after the promised one. */
export function isLate(deliveredAt: Date | string, promisedDate: IsoDate): boolean {
  return daysLate(deliveredAt, promisedDate) > 0;
}
