export interface ListCustomersQuery {
  /** A segment name (kebab-case), validated. */
  segment?: string;
  /** A state code (UF), validated. */
  state?: string;
  cursor?: string;
  /** 1..100, default 20. */
  limit?: number;
}
