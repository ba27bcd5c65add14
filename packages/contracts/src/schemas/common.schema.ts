import Joi from 'joi';

/**
 * Building blocks shared by every event schema. Conventions (see docs/events.md):
 * - money is an integer number of centavos (BRL cents), never a float: `price_cents: 12990` is R$ 129,90;
 * - an instant is an ISO-8601 string WITH its offset (`2017-10-02T10:56:33-03:00`); Olist's local times
 *   are America/Sao_Paulo and keep that zone's offset of the day (-03:00, or -02:00 in summer time);
 * - a calendar date is `YYYY-MM-DD`;
 * - a zip prefix is text of five digits, leading zeros kept (`"01037"`).
 */

const TIMESTAMP_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(\.\d{1,9})?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** An instant: ISO-8601 date-time with a mandatory offset (`Z` or `±hh:mm`). */
export const timestampSchema = Joi.string()
  .custom((value: string, helpers) => {
    const match = TIMESTAMP_PATTERN.exec(value);
    if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
      return helpers.error('timestamp.offset');
    }
    return value;
  })
  .messages({
    'timestamp.offset':
      '{{#label}} must be an ISO-8601 date-time with an offset, e.g. 2017-10-02T10:56:33-03:00',
  })
  .meta({ format: 'timestamp' });

/** A calendar date without time or zone: `YYYY-MM-DD`. */
export const dateSchema = Joi.string()
  .custom((value: string, helpers) => {
    const match = DATE_PATTERN.exec(value);
    if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
      return helpers.error('date.calendar');
    }
    return value;
  })
  .messages({ 'date.calendar': '{{#label}} must be a calendar date YYYY-MM-DD' })
  .meta({ format: 'date' });

/**
 * A natural id. Olist's are 32 lowercase hex characters; ids minted by Mercado follow the same shape
 * (a UUID without dashes), but the contract only asks for a short opaque token.
 */
export const entityIdSchema = Joi.string()
  .pattern(/^[0-9A-Za-z][0-9A-Za-z_-]{0,63}$/, 'id')
  .meta({ format: 'id' });

/** A non-negative amount of money in integer cents (BRL centavos). */
export const centsSchema = Joi.number()
  .integer()
  .min(0)
  .max(Number.MAX_SAFE_INTEGER)
  .strict()
  .meta({ format: 'cents' });

/** The first five digits of a Brazilian CEP, as text. */
export const zipPrefixSchema = Joi.string()
  .pattern(/^\d{5}$/, 'five digits')
  .meta({ format: 'zip-prefix' });

// prettier-ignore
export const BRAZILIAN_STATES = [
  'AC', 'AL', 'AM', 'AP', 'BA', 'CE', 'DF', 'ES', 'GO', 'MA', 'MG', 'MS', 'MT', 'PA', 'PB', 'PE', 'PI', 'PR',
  'RJ', 'RN', 'RO', 'RR', 'RS', 'SC', 'SE', 'SP', 'TO',
] as const;
export type BrazilianState = (typeof BRAZILIAN_STATES)[number];

export const stateSchema = Joi.string()
  .valid(...BRAZILIAN_STATES)
  .meta({ format: 'state' });

/** A city name as given by the source (free text, possibly messy). */
export const citySchema = Joi.string().min(1).max(120);

/**
 * Data-quality flags carried by events that come from a historical import (e.g. `time-estimated`).
 * The vocabulary is open (any kebab-case word) so that a producer can add a flag without breaking
 * older consumers; known flags are listed in ANOMALY_FLAGS.
 */
export const anomaliesSchema = Joi.array()
  .items(Joi.string().pattern(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'kebab-case'))
  .unique()
  .meta({ format: 'anomalies' });

/** A kebab-case word from the open vocabulary of anomaly flags. */
export type AnomalyFlag = string;

/** The anomaly flags producers use today, with their meaning. Consumers must tolerate others. */
export const ANOMALY_FLAGS: Readonly<Record<string, string>> = Object.freeze({
  'time-estimated':
    'the source has no time for this fact; the producer derived it (see the event description)',
  'carrier-before-approval': 'the carrier hand-off is earlier than the payment approval',
  'delivered-without-date': 'the source says delivered but gives no delivery date',
  'canceled-after-delivery': 'the order was canceled although the source gives a delivery date',
  'no-items': 'the order has no lines in the source',
  'zero-value-payment': 'a payment of 0.00',
  'payment-type-not-defined': 'payment type not_defined in the source',
  'city-normalized': 'the city name was rewritten (case, accents, state suffix) to give normalized_city',
  'city-is-number': 'the city name in the source is a number',
  'zero-weight': 'the source gives a weight of 0 g (published as 0; earlier producers sent null)',
});

/** The location of a customer or seller. */
export interface Location {
  zip_prefix: string;
  city: string;
  state: BrazilianState;
}

export const locationSchema = Joi.object<Location, true>({
  zip_prefix: zipPrefixSchema.required(),
  city: citySchema.required(),
  state: stateSchema.required(),
});

/** Mercado's business time zone: Olist's local times are in it, and calendar-day rules use it. */
export const BUSINESS_TIME_ZONE = 'America/Sao_Paulo';

const businessDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: BUSINESS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date (YYYY-MM-DD) of an instant in America/Sao_Paulo. */
export function businessDateOf(instant: string | Date): string {
  return businessDateFormat.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** Whole days from date `from` to date `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
