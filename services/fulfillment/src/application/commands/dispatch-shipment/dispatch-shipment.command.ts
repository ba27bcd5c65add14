/** The shipment was handed to the carrier. */
export interface DispatchShipmentCommand {
  orderId: string;
  /** The hand-off; now (the Clock) when not given. */
  at?: Date | null;
}
