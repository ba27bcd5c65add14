/** The order was canceled or found unavailable (sales.order.canceled / sales.order.unavailable). */
export interface CancelShipmentCommand {
  orderId: string;
  at: Date;
  reason?: string | null;
}
