/** An order was approved (sales.order.approved): open its shipment. */
export interface CreateShipmentCommand {
  orderId: string;
  approvedAt: Date;
  /**
   * The promised date (`YYYY-MM-DD`) when the order carries one; otherwise the delivery estimate rule
   * computes it (domain/shipment/delivery-estimate.policy.ts).
   */
  estimatedDeliveryDate?: string | null;
  /** The customer's state (UF) for the estimate rule, when known. */
  destinationState?: string | null;
}
