// Olist's São Paulo local times: the zone's rules live in the shared kernel; the sales context adds
// its own error, so a malformed timestamp is a SalesDomainError naming the field.
import { parseOlistLocal } from '@mercado/kernel';
import { SalesDomainError } from '../shared/domain-error';

export { OLIST_TIME_ZONE, instantToOlistLocal, instantToSaoPauloIso, saoPauloOffsetMs } from '@mercado/kernel';

export class InvalidLocalTimestampError extends SalesDomainError {
  readonly code = 'invalid-timestamp';
  constructor(
    readonly value: unknown,
    field?: string,
  ) {
    super(`${field ?? 'timestamp'} is not a local time "YYYY-MM-DD HH:MM:SS": ${JSON.stringify(value)}`, field);
  }
}

/** The instant an Olist local timestamp names (see the kernel's parseOlistLocal for the DST rules). */
export function olistLocalToInstant(text: string, field?: string): Date {
  const instant = parseOlistLocal(text);
  if (instant === null) throw new InvalidLocalTimestampError(text, field);
  return instant;
}
