export interface CancelOrderCommand {
  orderId: string;
  /** When it happened; defaults to the clock's now. */
  at?: Date;
  reason?: string | null;
}
