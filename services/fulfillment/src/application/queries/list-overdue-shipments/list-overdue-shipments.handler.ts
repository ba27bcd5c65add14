import { type ShipmentSnapshot } from '../../../domain/shipment/shipment.aggregate';
import { CalendarDate } from '../../../domain/time/calendar-date.value-object';
import { saoPauloDateOf } from '../../../domain/time/sao-paulo-time';
import { type Clock } from '../../ports/clock.port';
import { type ShipmentRepository } from '../../ports/shipment.repository.port';
import { InvalidCursorError } from '../../shared/application.errors';
import { decodeCursor, type Page, pageLimit, pageOf } from '../../shared/pagination';
import { type ListOverdueShipmentsQuery } from './list-overdue-shipments.query';

export interface OverdueShipment extends ShipmentSnapshot {
  /** Whole days from the promised date to the São Paulo date of `asOf` (1 the day after). */
  daysOverdue: number;
}

export interface OverdueShipmentsPage extends Page<OverdueShipment> {
  /** The reference instant used (given, or the Clock's now). */
  asOf: Date;
}

/** Shipments past their promised date and not delivered as of a time, most overdue first. */
export class ListOverdueShipmentsHandler {
  constructor(
    private readonly shipments: ShipmentRepository,
    private readonly clock: Clock,
  ) {}

  async execute(query: ListOverdueShipmentsQuery): Promise<OverdueShipmentsPage> {
    const asOf = query.asOf ?? this.clock.now();
    const asOfDate = saoPauloDateOf(asOf);
    const limit = pageLimit(query.limit);
    let after = null;
    if (query.cursor != null) {
      after = decodeCursor(query.cursor, ['estimatedDeliveryDate', 'orderId'] as const);
      try {
        CalendarDate.parse(after.estimatedDeliveryDate);
      } catch {
        throw new InvalidCursorError(query.cursor);
      }
    }
    const rows = await this.shipments.findOverdue({
      asOf,
      asOfDate: asOfDate.toString(),
      after,
      limit: limit + 1,
    });
    const page = pageOf(
      rows,
      limit,
      (row) => ({ estimatedDeliveryDate: row.estimatedDeliveryDate, orderId: row.orderId }),
      (row) => ({
        ...row,
        daysOverdue: CalendarDate.parse(row.estimatedDeliveryDate).daysUntil(asOfDate),
      }),
    );
    return { ...page, asOf };
  }
}
