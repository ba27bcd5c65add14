// Olist's São Paulo wall-clock times, shared by every context (the rules are the zone's, not a context's).
// Malformed text is answered with null: each context raises its own domain error, naming its field.
/** Olist's timestamps are local wall-clock times of this zone, written without an offset. */
export const OLIST_TIME_ZONE = 'America/Sao_Paulo';

const LOCAL_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const DAY_MS = 86_400_000;

const partsFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: OLIST_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall clock read by the Intl formatter itself (slow: about 100 µs a call). */
function formattedWallClockAt(epochMs: number): WallClock {
  const fields: Record<string, number> = {};
  for (const part of partsFormatter.formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year!,
    month: fields.month!,
    day: fields.day!,
    hour: fields.hour!,
    minute: fields.minute!,
    second: fields.second!,
  };
}

function wallClockAsUtcMs(clock: WallClock): number {
  return Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
}

function formattedOffsetMs(epochMs: number): number {
  const second = Math.floor(epochMs / 1000) * 1000;
  return wallClockAsUtcMs(formattedWallClockAt(second)) - second;
}

const HOUR_MS = 3_600_000;
const MAX_CACHED_HOURS = 200_000;
/** Offset by UTC hour. The zone's transitions since 1914 fall on whole UTC hours. */
const offsetByUtcHour = new Map<number, number>();
/**
 * Offset by UTC day, for the days with one offset throughout (all but a transition's day): two years
 * of Olist timestamps touch ~17,000 hours but ~730 days, and each miss costs two Intl calls.
 */
const offsetByUtcDay = new Map<number, number>();

/** The zone's offset from UTC at an instant, in milliseconds (-3 h = -10 800 000). */
export function saoPauloOffsetMs(instant: Date): number {
  const epochMs = instant.getTime();
  const day = Math.floor(epochMs / DAY_MS);
  const sameAllDay = offsetByUtcDay.get(day);
  if (sameAllDay !== undefined) return sameAllDay;
  const atDayStart = formattedOffsetMs(day * DAY_MS);
  // The zone never changed twice within a day, so equal ends mean one offset all day.
  if (formattedOffsetMs(day * DAY_MS + DAY_MS - 1000) === atDayStart) {
    if (offsetByUtcDay.size >= MAX_CACHED_HOURS) offsetByUtcDay.clear();
    offsetByUtcDay.set(day, atDayStart);
    return atDayStart;
  }
  return offsetInTransitionDay(epochMs);
}

function offsetInTransitionDay(epochMs: number): number {
  const hour = Math.floor(epochMs / HOUR_MS);
  const cached = offsetByUtcHour.get(hour);
  if (cached !== undefined) return cached;
  const atStart = formattedOffsetMs(hour * HOUR_MS);
  // An hour with a transition inside it (only the 1914 change from local mean time) is not cached.
  if (formattedOffsetMs(hour * HOUR_MS + HOUR_MS - 1000) !== atStart) return formattedOffsetMs(epochMs);
  if (offsetByUtcHour.size >= MAX_CACHED_HOURS) offsetByUtcHour.clear();
  offsetByUtcHour.set(hour, atStart);
  return atStart;
}

/** The São Paulo wall clock at an instant. */
export function saoPauloWallClock(epochMs: number): WallClock {
  const local = new Date(epochMs + saoPauloOffsetMs(new Date(epochMs)));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

/**
 * Reads an Olist local timestamp (`2017-11-01 10:00:00`, America/Sao_Paulo wall clock) to the
 * instant it names, following the zone's historical rules (Brazil observed daylight saving time
 * until February 2019). Like Temporal's "compatible" disambiguation: a wall time repeated when DST
 * ends resolves to the earlier instant; a wall time skipped when DST starts (Brazil sprang forward
 * at midnight) resolves to the instant the same length of time after the gap began. Null when the
 * text is not a real `YYYY-MM-DD HH:MM:SS`.
 */
export function parseOlistLocal(text: string): Date | null {
  const match = LOCAL_TIMESTAMP.exec(text);
  if (!match) return null;
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
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return null;
  }
  // The offset can only be one of the offsets in force a day either side of the wall time.
  const offsetBefore = saoPauloOffsetMs(new Date(asUtc - DAY_MS));
  const offsetAfter = saoPauloOffsetMs(new Date(asUtc + DAY_MS));
  // The same offset all around (every day but the two transition days a year): the wall time
  // exists once, at that offset.
  if (offsetBefore === offsetAfter) return new Date(asUtc - offsetBefore);
  const candidates = [...new Set([asUtc - offsetBefore, asUtc - offsetAfter])]
    .filter((epochMs) => wallClockAsUtcMs(saoPauloWallClock(epochMs)) === asUtc)
    .sort((a, b) => a - b);
  // No candidate: the wall time falls in a DST gap; read it with the offset before the gap.
  return new Date(candidates[0] ?? asUtc - offsetBefore);
}

/** The Olist local timestamp text (`YYYY-MM-DD HH:MM:SS`, America/Sao_Paulo) of an instant. */
export function instantToOlistLocal(instant: Date): string {
  const clock = saoPauloWallClock(instant.getTime());
  return `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)} ${pad(clock.hour)}:${pad(clock.minute)}:${pad(clock.second)}`;
}

/** ISO-8601 with the São Paulo offset in force at that instant, e.g. `2017-11-01T10:00:00-02:00`. */
export function instantToSaoPauloIso(instant: Date): string {
  const offsetMinutes = saoPauloOffsetMs(instant) / 60_000;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  const local = instantToOlistLocal(instant).replace(' ', 'T');
  return `${local}${sign}${pad(Math.trunc(absolute / 60))}:${pad(absolute % 60)}`;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** The São Paulo calendar day of an instant, as days since 1970-01-01. */
export function saoPauloEpochDay(instant: Date): number {
  const epochMs = instant.getTime();
  return Math.floor((epochMs + saoPauloOffsetMs(instant)) / DAY_MS);
}
