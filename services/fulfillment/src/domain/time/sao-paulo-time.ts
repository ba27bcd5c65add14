// Olist's São Paulo local times: the zone's rules live in the shared kernel; fulfillment adds its own
// error (a FulfillmentDomainError naming the field) and its CalendarDate.
import { parseOlistLocal, saoPauloEpochDay } from '@mercado/kernel';
import { FulfillmentDomainError } from '../shared/fulfillment-domain-error';
import { CalendarDate } from './calendar-date.value-object';

export { OLIST_TIME_ZONE } from '@mercado/kernel';

export class InvalidLocalTimestampError extends FulfillmentDomainError {
  readonly code = 'invalid-timestamp';
  constructor(
    readonly value: unknown,
    field?: string,
  ) {
    super(`${field ?? 'timestamp'} is not a local time "YYYY-MM-DD HH:MM:SS": ${JSON.stringify(value)}`, field);
  }
}

/**
 * The calendar date in São Paulo at an instant. Follows the zone's history: Brazil kept summer time
 * (UTC-2) until February 2019, so 2017-12-10T01:30:00Z is already 2017-12-10 there (23:30 at UTC-3
 * would have said the 9th).
 */
export function saoPauloDateOf(instant: Date): CalendarDate {
  return CalendarDate.fromEpochDay(saoPauloEpochDay(instant));
}

/** The instant an Olist local timestamp names (surrounding blanks ignored; DST rules: the kernel's parseOlistLocal). */
export function olistLocalToInstant(text: string, field?: string): Date {
  const instant = typeof text === 'string' ? parseOlistLocal(text.trim()) : null;
  if (instant === null) throw new InvalidLocalTimestampError(text, field);
  return instant;
}
