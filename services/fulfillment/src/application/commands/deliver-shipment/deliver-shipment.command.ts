/** The carrier delivered the shipment to the customer. */
export interface DeliverShipmentCommand {
  orderId: string;
  /** The delivery; now (the Clock) when not given. */
  at?: Date | null;
}
