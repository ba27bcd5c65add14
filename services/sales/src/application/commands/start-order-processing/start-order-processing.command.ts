export interface StartOrderProcessingCommand {
  orderId: string;
  /** When it happened; defaults to the clock's now. */
  at?: Date;
}
