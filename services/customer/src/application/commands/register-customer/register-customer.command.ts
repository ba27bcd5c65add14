export interface RegisterCustomerCommand {
  /** The person (Olist customer_unique_id). */
  customerUniqueId: string;
  /** The account (Olist customer_id). */
  customerId: string;
  /** Five digits, as text. */
  zipPrefix: string;
  city: string;
  /** Two-letter state code (UF). */
  state: string;
  /** Defaults to the clock's now. */
  at?: Date;
}
