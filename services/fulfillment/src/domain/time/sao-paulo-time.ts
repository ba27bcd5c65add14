import { FulfillmentDomainError } from '../shared/fulfillment-domain-error';
import { CalendarDate } from './calendar-date.value-object';

/** Olist's timestamps are wall-clock times of this zone, written without an offset. */
export const OLIST_TIME_ZONE = 'America/Sao_Paulo';

export class InvalidLocalTimestampError extends FulfillmentDomainError {
  readonly code = 'invalid-timestamp';
  constructor(
    readonly value: unknown,
    field?: string,
  ) {
    super(
      `${field ?? 'timestamp'} is not a local time "YYYY-MM-DD HH:MM:SS": ${JSON.stringify(value)}`,
      field,
    );
  }
}

const LOCAL_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const DAY_MS = 86_400_000;

const wallClockFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: OLIST_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The São Paulo wall clock at an instant, written as if it were UTC (milliseconds). */
function wallClockAsUtcMs(epochMs: number): number {
  const fields: Record<string, number> = {};
  for (const part of wallClockFormatter.formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return Date.UTC(fields.year!, fields.month! - 1, fields.day!, fields.hour!, fields.minute!, fields.second!);
}

/**
 * The calendar date in São Paulo at an instant. Follows the zone's history: Brazil kept summer time
 * (UTC-2) until February 2019, so 2017-12-10T01:30:00Z is already 2017-12-10 there (23:30 at UTC-3
 * would have said the 9th).
 */
export function saoPauloDateOf(instant: Date): CalendarDate {
  const wallMs = wallClockAsUtcMs(Math.floor(instant.getTime() / 1000) * 1000);
  return CalendarDate.fromEpochDay(Math.floor(wallMs / DAY_MS));
}

/**
 * The instant an Olist local timestamp (`2017-11-01 10:00:00`, São Paulo wall clock) names. A wall
 * time repeated when summer time ends resolves to the earlier instant; a wall time skipped when it
 * starts (Brazil sprang forward at midnight) is read with the offset in force before the gap.
 */
export function olistLocalToInstant(text: string, field?: string): Date {
  const match = LOCAL_TIMESTAMP.exec(typeof text === 'string' ? text.trim() : '');
  if (!match) throw new InvalidLocalTimestampError(text, field);
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(asUtc);
  if (
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    throw new InvalidLocalTimestampError(text, field);
  }
  // The offset is one of those in force a day either side of the wall time.
  const offsetBefore = wallClockAsUtcMs(asUtc - DAY_MS) - (asUtc - DAY_MS);
  const offsetAfter = wallClockAsUtcMs(asUtc + DAY_MS) - (asUtc + DAY_MS);
  const candidates = [...new Set([asUtc - offsetBefore, asUtc - offsetAfter])]
    .filter((epochMs) => wallClockAsUtcMs(epochMs) === asUtc)
    .sort((a, b) => a - b);
  return new Date(candidates[0] ?? asUtc - offsetBefore);
}
