import { InvalidFieldError } from '../shared/fulfillment-domain-error';
import { type CalendarDate } from '../time/calendar-date.value-object';
import { saoPauloDateOf } from '../time/sao-paulo-time';

export const BRAZILIAN_STATES = [
  'AC',
  'AL',
  'AM',
  'AP',
  'BA',
  'CE',
  'DF',
  'ES',
  'GO',
  'MA',
  'MG',
  'MS',
  'MT',
  'PA',
  'PB',
  'PE',
  'PI',
  'PR',
  'RJ',
  'RN',
  'RO',
  'RR',
  'RS',
  'SC',
  'SE',
  'SP',
  'TO',
] as const;
export type BrazilianState = (typeof BRAZILIAN_STATES)[number];

export function isBrazilianState(value: unknown): value is BrazilianState {
  return typeof value === 'string' && (BRAZILIAN_STATES as readonly string[]).includes(value);
}

/**
 * Business days (Monday to Friday) promised for delivery, by the customer's state. Most sellers ship
 * from the South-East, so the promise grows with the distance from São Paulo. The figures are the
 * platform's promise, tuned to be a little generous like Olist's own estimates (about 23 calendar
 * days on average, and more than 30 to the North).
 */
export const DELIVERY_BUSINESS_DAYS: Readonly<Record<BrazilianState, number>> = {
  SP: 10,
  RJ: 13,
  MG: 13,
  ES: 13,
  PR: 14,
  SC: 14,
  RS: 14,
  DF: 16,
  GO: 16,
  MS: 16,
  MT: 18,
  BA: 20,
  SE: 20,
  AL: 20,
  PE: 20,
  PB: 20,
  RN: 20,
  CE: 20,
  PI: 20,
  MA: 20,
  TO: 20,
  PA: 25,
  AM: 25,
  AP: 25,
  RR: 25,
  RO: 25,
  AC: 25,
};

/** The promise when the customer's state is not known to fulfillment (the order events do not carry it). */
export const DEFAULT_DELIVERY_BUSINESS_DAYS = 20;

export interface DeliveryEstimateInput {
  /** The purchase; when unknown, the approval. */
  purchasedAt: Date;
  destinationState: BrazilianState | null;
}

/**
 * The delivery date promised to a live order: the São Paulo date of the purchase plus the state's
 * number of business days (weekends skipped, public holidays not modelled).
 */
export function estimateDeliveryDate(input: DeliveryEstimateInput): CalendarDate {
  if (input.destinationState !== null && !isBrazilianState(input.destinationState)) {
    throw new InvalidFieldError(
      'destination_state',
      input.destinationState,
      'must be one of the 27 Brazilian UFs',
    );
  }
  const days =
    input.destinationState === null
      ? DEFAULT_DELIVERY_BUSINESS_DAYS
      : DELIVERY_BUSINESS_DAYS[input.destinationState];
  return saoPauloDateOf(input.purchasedAt).addBusinessDays(days);
}
