import { type ShipmentSnapshot } from '../../../domain/shipment/shipment.aggregate';
import { type UnitOfWork } from '../../ports/unit-of-work.port';
import { type CancelShipmentCommand } from './cancel-shipment.command';

/**
 * - `canceled`: the shipment was closed;
 * - `unchanged`: it was canceled already;
 * - `no-shipment`: the order was canceled before its approval: there is nothing to ship (a live
 *   order's pending placement is forgotten; an imported one's history will say canceled itself).
 */
export type CancelShipmentOutcome = 'canceled' | 'unchanged' | 'no-shipment';

export interface CancelShipmentResult {
  outcome: CancelShipmentOutcome;
  shipment: ShipmentSnapshot | null;
}

export class CancelShipmentHandler {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  execute(command: CancelShipmentCommand): Promise<CancelShipmentResult> {
    return this.unitOfWork.run(async (tx) => {
      const shipment = await tx.shipments.findByOrderId(command.orderId);
      if (!shipment) {
        const pending = await tx.pendingOrders.find(command.orderId);
        if (pending && !pending.imported) await tx.pendingOrders.delete([pending.orderId]);
        return { outcome: 'no-shipment', shipment: null };
      }
      const change = shipment.cancel(command.at, command.reason ?? null);
      if (change === 'changed') {
        await tx.shipments.save([shipment]);
        await tx.outbox.append(shipment.pullEvents());
      }
      return { outcome: change === 'changed' ? 'canceled' : 'unchanged', shipment: shipment.toSnapshot() };
    });
  }
}
