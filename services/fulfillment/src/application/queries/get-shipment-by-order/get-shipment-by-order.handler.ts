import { type ShipmentSnapshot } from '../../../domain/shipment/shipment.aggregate';
import { type ShipmentRepository } from '../../ports/shipment.repository.port';
import { type GetShipmentByOrderQuery } from './get-shipment-by-order.query';

export class GetShipmentByOrderHandler {
  constructor(private readonly shipments: ShipmentRepository) {}

  /** The order's shipment, or null when it has none. */
  async execute(query: GetShipmentByOrderQuery): Promise<ShipmentSnapshot | null> {
    const shipment = await this.shipments.findByOrderId(query.orderId);
    return shipment ? shipment.toSnapshot() : null;
  }
}
