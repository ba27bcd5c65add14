import { type Clock } from '../../ports/clock.port';
import { type UnitOfWork } from '../../ports/unit-of-work.port';
import { applyToShipment, type ShipmentTransitionResult } from '../shipment-transition';
import { type DeliverShipmentCommand } from './deliver-shipment.command';

export class DeliverShipmentHandler {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** Throws ShipmentNotFoundError, or the domain's refusals (not dispatched, delivered at another time, ...). */
  execute(command: DeliverShipmentCommand): Promise<ShipmentTransitionResult> {
    const at = command.at ?? this.clock.now();
    return applyToShipment(this.unitOfWork, command.orderId, (shipment) => shipment.deliver(at));
  }
}
