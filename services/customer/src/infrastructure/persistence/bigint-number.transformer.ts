import { type ValueTransformer } from 'typeorm';

/**
 * bigint columns (cents) come back from pg as text so that nothing loses precision; amounts stay far
 * below 2^53, so they are read as numbers, and refused if not safe.
 */
export const bigintNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => {
    if (value === null) return null;
    const number = Number(value);
    if (!Number.isSafeInteger(number)) throw new RangeError(`${value} is beyond the safe integer range`);
    return number;
  },
};
