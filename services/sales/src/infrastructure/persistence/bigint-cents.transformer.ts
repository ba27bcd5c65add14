import { type ValueTransformer } from 'typeorm';

/**
 * Cents are stored as bigint; pg returns bigint as text so that no value loses precision. Amounts
 * of money stay far below 2^53 cents, so they are read back as numbers, and refused if not safe.
 */
export const bigintCents: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => {
    if (value === null) return null;
    const cents = Number(value);
    if (!Number.isSafeInteger(cents)) throw new RangeError(`${value} cents is beyond the safe integer range`);
    return cents;
  },
};
