import { InvalidFieldError } from '../shared/fulfillment-domain-error';

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?: 00:00:00)?$/;
const DAY_MS = 86_400_000;

/** 0 = Sunday ... 6 = Saturday, as Date#getUTCDay. */
export type DayOfWeek = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/**
 * A calendar date without time or zone (`2017-10-18`), such as the delivery date promised to the
 * customer. Held as the number of days since 1970-01-01 so that differences are exact integers.
 */
export class CalendarDate {
  private constructor(readonly epochDay: number) {}

  static fromEpochDay(epochDay: number): CalendarDate {
    if (!Number.isSafeInteger(epochDay))
      throw new InvalidFieldError('date', epochDay, 'must be a whole day number');
    return new CalendarDate(epochDay);
  }

  static of(year: number, month: number, day: number): CalendarDate {
    const epochMs = Date.UTC(year, month - 1, day);
    const check = new Date(epochMs);
    if (
      !Number.isInteger(year) ||
      check.getUTCFullYear() !== year ||
      check.getUTCMonth() !== month - 1 ||
      check.getUTCDate() !== day
    ) {
      throw new InvalidFieldError('date', `${year}-${month}-${day}`, 'is not a calendar date');
    }
    return new CalendarDate(epochMs / DAY_MS);
  }

  /**
   * Parses `YYYY-MM-DD`, or Olist's `YYYY-MM-DD 00:00:00` (its estimated delivery dates are dates
   * written as midnight). Any other time of day is refused: it would not be a date.
   */
  static parse(text: string, field = 'date'): CalendarDate {
    const match = DATE.exec(typeof text === 'string' ? text.trim() : '');
    if (!match) throw new InvalidFieldError(field, text, 'must be a date YYYY-MM-DD');
    try {
      return CalendarDate.of(Number(match[1]), Number(match[2]), Number(match[3]));
    } catch {
      throw new InvalidFieldError(field, text, 'is not a calendar date');
    }
  }

  get dayOfWeek(): DayOfWeek {
    return ((((this.epochDay + 4) % 7) + 7) % 7) as DayOfWeek; // 1970-01-01 was a Thursday
  }

  isWeekend(): boolean {
    return this.dayOfWeek === 0 || this.dayOfWeek === 6;
  }

  addDays(days: number): CalendarDate {
    return CalendarDate.fromEpochDay(this.epochDay + days);
  }

  /** `days` working days later, skipping Saturdays and Sundays (public holidays are not modelled). */
  addBusinessDays(days: number): CalendarDate {
    if (!Number.isSafeInteger(days) || days < 0) {
      throw new InvalidFieldError('businessDays', days, 'must be a whole number of days, 0 or more');
    }
    let epochDay = this.epochDay;
    let left = days;
    while (left > 0) {
      epochDay += 1;
      if (!CalendarDate.fromEpochDay(epochDay).isWeekend()) left -= 1;
    }
    return CalendarDate.fromEpochDay(epochDay);
  }

  /** Whole days from this date to `other`: positive when `other` is later. */
  daysUntil(other: CalendarDate): number {
    return other.epochDay - this.epochDay;
  }

  compareTo(other: CalendarDate): number {
    return Math.sign(this.epochDay - other.epochDay);
  }

  isBefore(other: CalendarDate): boolean {
    return this.epochDay < other.epochDay;
  }

  isAfter(other: CalendarDate): boolean {
    return this.epochDay > other.epochDay;
  }

  equals(other: CalendarDate): boolean {
    return this.epochDay === other.epochDay;
  }

  /** `YYYY-MM-DD`. */
  toString(): string {
    return new Date(this.epochDay * DAY_MS).toISOString().slice(0, 10);
  }

  toJSON(): string {
    return this.toString();
  }
}
