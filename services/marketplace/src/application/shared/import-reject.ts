import { MarketplaceDomainError } from '../../domain/shared/marketplace-domain-error';

/** Where a record was read, echoed in its reject. */
export interface RecordSource {
  file: string;
  /** 1-based line of the record's start in the file (the header is line 1). */
  line: number;
}

/** A record that was not taken, with the reason; the rest of the batch goes on. */
export interface ImportReject {
  source: RecordSource | null;
  /** The record's id (product, seller or category), when it has one. */
  id: string | null;
  /** The Olist column at fault, when one is. */
  field: string | null;
  code: string;
  reason: string;
}

/**
 * Turns a domain refusal into a reject naming the Olist column (`columns` maps the domain's field
 * names to the file's). Anything else is a defect or an infrastructure failure: rethrown, it fails
 * the batch rather than hide in a report.
 */
export function rejectOf(
  source: RecordSource | null,
  id: string | null,
  error: unknown,
  columns: Readonly<Record<string, string>>,
): ImportReject {
  if (!(error instanceof MarketplaceDomainError)) throw error;
  const field = error.field === undefined ? null : (columns[error.field] ?? error.field);
  return { source, id, field, code: error.code, reason: error.message };
}
