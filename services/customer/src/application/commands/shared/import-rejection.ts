import { CustomerDomainError } from '../../../domain/shared/domain-error';

/** Why one record of a bulk import was not taken. */
export interface ImportRejection {
  /** Position of the record in the batch (the adapter maps it back to file and line). */
  index: number;
  /** The record's id, as far as it could be read. */
  id: string | null;
  code: string;
  /** The Olist column at fault, when one is. */
  field: string | null;
  reason: string;
}

/** A rejection for a domain error; any other error is a bug and is rethrown. */
export function rejectionFor(index: number, id: string | null, error: unknown): ImportRejection {
  if (!(error instanceof CustomerDomainError)) throw error;
  return { index, id, code: error.code, field: error.field ?? null, reason: error.message };
}

export function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
