/** A row of olist_customers_dataset.csv, with Olist's column names and text values. */
export interface OlistCustomerRecord {
  customer_id: string;
  customer_unique_id: string;
  /** Five digits as text: "01037" (a prefix that lost its leading zero is rejected). */
  customer_zip_code_prefix: string;
  customer_city: string;
  customer_state: string;
}

export interface ImportCustomersCommand {
  records: readonly OlistCustomerRecord[];
  /** The registration time of new customers and accounts; defaults to the clock's now. */
  at?: Date;
}
