export interface MarkOrderUnavailableCommand {
  orderId: string;
  /** When it happened; defaults to the clock's now. */
  at?: Date;
}
