import { estimateDeliveryDate, isBrazilianState } from '../../../domain/shipment/delivery-estimate.policy';
import { Shipment, type ShipmentSnapshot } from '../../../domain/shipment/shipment.aggregate';
import { InvalidFieldError } from '../../../domain/shared/fulfillment-domain-error';
import { CalendarDate } from '../../../domain/time/calendar-date.value-object';
import { type UnitOfWork } from '../../ports/unit-of-work.port';
import { type CreateShipmentCommand } from './create-shipment.command';

/**
 * - `created`: the shipment was opened;
 * - `already-exists`: the order has a shipment (a repeated approval, or one imported first): no-op;
 * - `awaiting-import`: the order comes from the historical import, whose shipment facts (promised
 *   date, carrier and delivery times) come with the orders-file import; nothing is opened now.
 */
export type CreateShipmentOutcome = 'created' | 'already-exists' | 'awaiting-import';

export interface CreateShipmentResult {
  outcome: CreateShipmentOutcome;
  shipment: ShipmentSnapshot | null;
}

export class CreateShipmentHandler {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async execute(command: CreateShipmentCommand): Promise<CreateShipmentResult> {
    const given =
      command.estimatedDeliveryDate == null
        ? null
        : CalendarDate.parse(command.estimatedDeliveryDate, 'estimated_delivery_date');
    const state = command.destinationState ?? null;
    if (state !== null && !isBrazilianState(state)) {
      throw new InvalidFieldError('destination_state', state, 'must be one of the 27 Brazilian UFs');
    }
    return this.unitOfWork.run(async (tx) => {
      const existing = await tx.shipments.findByOrderId(command.orderId);
      if (existing) return { outcome: 'already-exists', shipment: existing.toSnapshot() };
      const order = await tx.pendingOrders.find(command.orderId);
      if (order?.imported) return { outcome: 'awaiting-import', shipment: null };
      const shipment = Shipment.create({
        orderId: command.orderId,
        approvedAt: command.approvedAt,
        estimatedDeliveryDate:
          given ??
          estimateDeliveryDate({
            purchasedAt: order?.purchasedAt ?? command.approvedAt,
            destinationState: state,
          }),
        estimateSource: given ? 'given' : 'rule',
        order,
      });
      await tx.shipments.save([shipment]);
      await tx.outbox.append(shipment.pullEvents());
      if (order) await tx.pendingOrders.delete([order.orderId]);
      return { outcome: 'created', shipment: shipment.toSnapshot() };
    });
  }
}
