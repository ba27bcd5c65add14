export interface MarkOrderShippedCommand {
  orderId: string;
  /** When it happened (the fulfilment event's time). */
  at: Date;
}
