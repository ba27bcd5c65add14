export interface MarkOrderDeliveredCommand {
  orderId: string;
  /** When it happened (the fulfilment event's time). */
  at: Date;
}
