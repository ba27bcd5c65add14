export interface InvoiceOrderCommand {
  orderId: string;
  /** When it happened; defaults to the clock's now. */
  at?: Date;
}
