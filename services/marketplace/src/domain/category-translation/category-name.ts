import { InvalidFieldError, MissingFieldError } from '../shared/marketplace-domain-error';

/** Olist's category names, Portuguese and English alike, are snake_case: `cama_mesa_banho`. */
const CATEGORY_NAME = /^[a-z0-9]+(_[a-z0-9]+)*$/;
const MAX_LENGTH = 100;

/** A category name as published (snake_case, at most 100 characters). */
export function requireCategoryName(value: string | null | undefined, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new MissingFieldError(field);
  const name = value.trim();
  if (!CATEGORY_NAME.test(name) || name.length > MAX_LENGTH) {
    throw new InvalidFieldError(field, value, 'must be snake_case (a-z, 0-9 and _), at most 100 characters');
  }
  return name;
}
