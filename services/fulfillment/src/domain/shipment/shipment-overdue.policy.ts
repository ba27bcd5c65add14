import { type CalendarDate } from '../time/calendar-date.value-object';
import { saoPauloDateOf } from '../time/sao-paulo-time';
import { deliveryLateness } from './delivery-lateness';
import { type ShipmentStatus } from './shipment-status';

/** What the overdue and late rules read of a shipment. */
export interface ShipmentTimeline {
  status: ShipmentStatus;
  /** When the shipment was opened (the order's approval). */
  createdAt: Date;
  estimatedDeliveryDate: CalendarDate;
  deliveredAt: Date | null;
}

/**
 * A shipment is overdue at `asOf` when, at that instant, it existed, was neither delivered nor
 * canceled, and the promised date is over: the São Paulo date of `asOf` is after the estimated date
 * (so a shipment promised for the 18th is overdue from 00:00 on the 19th, São Paulo time).
 *
 * "Delivered" is judged as of `asOf`: a shipment delivered later was still undelivered then, which
 * lets the rule answer for any past instant of the imported history. A canceled shipment is never
 * overdue (Olist records no cancellation time), nor is one the source says delivered without a time.
 *
 * The repository's `findOverdue` must select exactly the shipments this predicate accepts.
 */
export function isOverdue(shipment: ShipmentTimeline, asOf: Date): boolean {
  if (shipment.status === 'canceled') return false;
  if (shipment.createdAt.getTime() > asOf.getTime()) return false;
  if (shipment.status === 'delivered' && shipment.deliveredAt === null) return false;
  if (shipment.deliveredAt !== null && shipment.deliveredAt.getTime() <= asOf.getTime()) return false;
  return saoPauloDateOf(asOf).isAfter(shipment.estimatedDeliveryDate);
}

/** A delivery after the promised date (days late > 0). Undelivered shipments are not late deliveries. */
export function isLateDelivery(
  shipment: Pick<ShipmentTimeline, 'deliveredAt' | 'estimatedDeliveryDate'>,
): boolean {
  return (
    shipment.deliveredAt !== null &&
    !deliveryLateness(shipment.deliveredAt, shipment.estimatedDeliveryDate).onTime
  );
}
