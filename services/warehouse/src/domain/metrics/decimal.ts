/*
 * Exact decimal arithmetic for the figures the marts store as SQL numeric (money, sums of seconds),
 * on bigints scaled by a power of ten. Rounding is half away from zero, as PostgreSQL's round(numeric).
 */

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

export class InvalidDecimalError extends Error {
  override readonly name = 'InvalidDecimalError';
}

/** "12.345" at scale 2 → 1235n (rounded half away from zero when it has more digits). */
export function toScaled(text: string | number, scale: number): bigint {
  const source = typeof text === 'number' ? numberText(text) : text.trim();
  const match = DECIMAL.exec(source);
  if (!match) throw new InvalidDecimalError(`not a decimal number: ${String(text)}`);
  const [, sign, whole, fraction = ''] = match;
  const digits = BigInt(whole! + fraction.padEnd(scale, '0').slice(0, scale));
  const rest = fraction.slice(scale);
  const roundUp = rest.length > 0 && rest[0]! >= '5' ? 1n : 0n;
  const magnitude = digits + roundUp;
  return sign ? -magnitude : magnitude;
}

function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new InvalidDecimalError(`not a finite number: ${value}`);
  // Integers and the short decimals the database returns print exactly; exponents do not occur here.
  return Number.isInteger(value) ? value.toFixed(0) : String(value);
}

/** 1235n at scale 2 → "12.35". */
export function fromScaled(value: bigint, scale: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

/** numerator / denominator, rounded half away from zero to an integer. */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (2n * n + d) / (2n * d);
  return negative ? -quotient : quotient;
}

/**
 * (numerator at numeratorScale) / (integer denominator), as a decimal string rounded to `places`;
 * null when the denominator is 0 (a mean or rate of nothing is unknown, not 0).
 */
export function ratio(numerator: bigint, numeratorScale: number, denominator: bigint, places: number): string | null {
  if (denominator === 0n) return null;
  const shift = places - numeratorScale;
  const scaledNumerator = shift >= 0 ? numerator * 10n ** BigInt(shift) : numerator;
  const scaledDenominator = shift >= 0 ? denominator : denominator * 10n ** BigInt(-shift);
  return fromScaled(divideRounded(scaledNumerator, scaledDenominator), places);
}

/** As ratio, as a JavaScript number (for rates and means, which are not money). */
export function ratioNumber(numerator: bigint, numeratorScale: number, denominator: bigint, places: number): number | null {
  const value = ratio(numerator, numeratorScale, denominator, places);
  return value === null ? null : Number(value);
}
