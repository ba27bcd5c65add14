import { type Clock } from '../../ports/clock.port';
import { type UnitOfWork } from '../../ports/unit-of-work.port';
import { applyToShipment, type ShipmentTransitionResult } from '../shipment-transition';
import { type DispatchShipmentCommand } from './dispatch-shipment.command';

export class DispatchShipmentHandler {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** Throws ShipmentNotFoundError, or the domain's refusals (already dispatched at another time, ...). */
  execute(command: DispatchShipmentCommand): Promise<ShipmentTransitionResult> {
    const at = command.at ?? this.clock.now();
    return applyToShipment(this.unitOfWork, command.orderId, (shipment) => shipment.dispatch(at));
  }
}
