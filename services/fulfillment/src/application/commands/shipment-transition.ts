import {
  type Shipment,
  type ShipmentChange,
  type ShipmentSnapshot,
} from '../../domain/shipment/shipment.aggregate';
import { ShipmentNotFoundError } from '../shared/application.errors';
import { type UnitOfWork } from '../ports/unit-of-work.port';

export interface ShipmentTransitionResult {
  /** `unchanged`: the same command again (same time): an idempotent no-op. */
  outcome: 'changed' | 'unchanged';
  shipment: ShipmentSnapshot;
}

/**
 * Loads the order's shipment, applies one intent method and saves the change with its events, all in
 * one unit of work. No shipment: ShipmentNotFoundError (its currentStatus is null).
 */
export async function applyToShipment(
  unitOfWork: UnitOfWork,
  orderId: string,
  transition: (shipment: Shipment) => ShipmentChange,
): Promise<ShipmentTransitionResult> {
  return unitOfWork.run(async (tx) => {
    const shipment = await tx.shipments.findByOrderId(orderId);
    if (!shipment) throw new ShipmentNotFoundError(orderId);
    const outcome = transition(shipment);
    if (outcome === 'changed') {
      await tx.shipments.save([shipment]);
      await tx.outbox.append(shipment.pullEvents());
    }
    return { outcome, shipment: shipment.toSnapshot() };
  });
}
